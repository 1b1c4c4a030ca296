#pragma once
// The engine side of a job folder: reads job.json, checks the frozen data and the base model against the
// hashes recorded there, trains on the job's device, writes the result and run.json, and reports every
// event of docs/JOBS.md through one sink. `srllm train JOBDIR` is a thin shell around it.
#include <atomic>
#include <filesystem>
#include <functional>

#include "core/job/job-events.h"
#include "core/job/run-record.h"

namespace srllm::core {

struct JobRunOptions {
    bool resume = false;                        // continue from the newest complete checkpoint
    const std::atomic<bool>* stop = nullptr;    // set (by a signal handler) to cancel: checkpoint, then stop
    std::filesystem::path hashCache;            // base-model hash cache (core/job/base-model-hash.h)
};

using JobEventSink = std::function<void(const JobEvent&)>;

// Runs the job and returns its record (also written to run.json when the folder holds a job.json). Every
// failure, before or during training, becomes a `failed` event and a failed record with the reason;
// nothing is thrown. Call from one thread; the sink is called on it.
RunRecord runJob(const std::filesystem::path& jobDir, const JobRunOptions& options, const JobEventSink& emit);

}  // namespace srllm::core
