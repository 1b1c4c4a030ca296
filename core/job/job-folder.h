#pragma once
// What a job folder holds right now (for the queue and the GUI's Resume / Discard), checkpoint listing
// shared with the trainer, and Discard itself. Torch-free: reads names and markers, never tensors.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <utility>
#include <vector>

#include "core/common/diagnostics.h"
#include "core/job/run-record.h"

namespace srllm::core {

// Complete checkpoint folders (state.bin and DONE present) under root, oldest first; folders without
// DONE (a crash mid-write) are noted in `warnings` when given.
std::vector<std::pair<int64_t, std::filesystem::path>> completeCheckpoints(const std::filesystem::path& root,
                                                                          Diagnostics* warnings = nullptr);

struct JobFolderState {
    bool hasJob = false;                          // job.json present
    std::vector<int64_t> checkpointSteps;         // complete checkpoints, ascending
    bool hasResult = false;                       // adapter/ or model/
    bool hasBest = false;
    bool hasMerged = false;
    bool hasLog = false;
    std::optional<RunRecord> run;                 // run.json, when a run has ended

    bool canResume() const { return !checkpointSteps.empty() && !(run && run->status == RunStatus::Done); }
    bool hasOutputs() const { return !checkpointSteps.empty() || hasResult || hasBest || hasMerged || hasLog || run; }
};

JobFolderState inspectJobFolder(const std::filesystem::path& jobDir);

// Throws InputError when the folder's state refuses this start: checkpoints without `resume`, or a done job.
// `srllm train` asks before it touches the queue row or run.json, so a refused start leaves both as they were.
void requireStartable(const std::filesystem::path& jobDir, bool resume);

// Whether a `srllm train` holds the folder's lock now (it runs this job, on this machine or over NFS).
bool jobFolderBusy(const std::filesystem::path& jobDir);

// Discard: deletes checkpoints, results (adapter/, model/, best/, merged/), log.jsonl and run.json;
// job.json and data/ stay, so the job can run again. Throws InputError when jobDir holds no job.json or
// a trainer runs it (jobFolderBusy).
void discardJobOutputs(const std::filesystem::path& jobDir);

// A folder `srllm job new` may write: absent, or empty. Throws InputError with a hint otherwise.
void requireNewJobFolder(const std::filesystem::path& jobDir);

}  // namespace srllm::core
