#pragma once
// The engine side of a job folder: reads job.json, checks the frozen data and the base model against the
// hashes recorded there, trains on the job's device, writes the result and run.json, and reports every
// event of docs/JOBS.md through one sink. `srllm train JOBDIR` is a thin shell around it.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>

#include "core/job/job-events.h"
#include "core/job/rendezvous.h"
#include "core/job/run-record.h"

namespace srllm::core {

struct JobRunOptions {
    bool resume = false;                        // continue from the newest complete checkpoint
    const std::atomic<bool>* stop = nullptr;    // set (by a signal handler) to cancel: checkpoint, then stop
    std::filesystem::path hashCache;            // base-model hash cache (core/job/base-model-hash.h)
    std::optional<Rendezvous> rendezvous;       // a data-parallel run: this process's rank and rank 0's store
    std::chrono::seconds groupTimeout{1800};    // how long ranks wait for each other (torch.distributed's default)
    std::function<void(int port)> onListening;  // rank 0's store listens: the `--nproc` launcher starts the others
};

using JobEventSink = std::function<void(const JobEvent&)>;

// Runs the job and returns its record (also written to run.json when the folder holds a job.json). Every
// failure, before or during training, becomes a `failed` event and a failed record with the reason;
// nothing is thrown. Call from one thread; the sink is called on it. In a data-parallel run every rank
// calls it; rank 0 alone writes run.json, checkpoints and the result (the CLI gives only its sink a log).
RunRecord runJob(const std::filesystem::path& jobDir, const JobRunOptions& options, const JobEventSink& emit);

}  // namespace srllm::core
