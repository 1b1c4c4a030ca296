#pragma once
// A job folder submitted to Slurm: JOBDIR/slurm.json records the Slurm job id (the GUI's queue row shows
// it, squeue follows it, scancel stops it), and the parsers of what sbatch and squeue print. Torch-free.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace srllm::core {

inline constexpr const char* kSlurmSubmissionFile = "slurm.json";
// squeue's --format for parseSqueue: job id, state (long form), elapsed time, reason or node list.
inline constexpr const char* kSqueueFormat = "%i|%T|%M|%R";

struct SlurmSubmission {
    std::string jobId;        // sbatch's answer, e.g. "42"
    std::string submittedAt;  // ISO-8601 UTC
    std::string script;       // the sbatch script submitted, absolute
    int processes = 1;
};

void writeSlurmSubmission(const std::filesystem::path& jobDir, const SlurmSubmission& submission);
// nullopt when the folder was never submitted; throws InputError for a malformed file.
std::optional<SlurmSubmission> readSlurmSubmission(const std::filesystem::path& jobDir);

// The job id in sbatch's "Submitted batch job 42" (or --parsable's "42[;cluster]"); nullopt otherwise.
std::optional<std::string> parseSbatchJobId(const std::string& output);

struct SlurmQueueEntry {
    std::string jobId, state, elapsed, reason;  // state: PENDING, RUNNING, COMPLETING, ...
};
// The lines of `squeue --noheader --format=kSqueueFormat`; lines of another shape are skipped.
std::vector<SlurmQueueEntry> parseSqueue(const std::string& output);

}  // namespace srllm::core
