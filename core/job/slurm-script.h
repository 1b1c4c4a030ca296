#pragma once
// `srllm job export-slurm JOBDIR`: a commented sbatch script that runs the job folder on a Slurm cluster
// exactly as `srllm train` runs it on one machine. srun starts one task per process; each reads its rank
// from Slurm's variables (core/job/rendezvous.h) and rank 0 writes into the folder. Torch-free.
#include <filesystem>
#include <string>

namespace srllm::core {

inline constexpr const char* kSlurmScriptFile = "slurm.sbatch";  // beside job.json unless --out says

struct SlurmScriptOptions {
    int nodes = 1;
    int gpusPerNode = 0;     // 0: a CPU job
    int tasksPerNode = 0;    // processes per node; 0: one per GPU, or one without GPUs
    int cpusPerTask = 0;     // 0: the cluster's default (the script then trains with one thread per task)
    std::string time;        // Slurm's --time ("30", "4:00:00", "1-12:00:00"); empty: the partition's limit
    std::string partition;   // empty: the cluster's default
    std::string account;     // empty: the user's default
};

// Processes of the whole run: nodes x tasks per node.
int slurmWorldSize(const SlurmScriptOptions& options);

// The script for the job folder (absolute), run by `srllmBinary` on the nodes. Throws InputError for a
// folder without a readable job.json, a malformed option, or a batch the processes cannot share evenly.
std::string slurmScript(const std::filesystem::path& jobDir, const std::string& srllmBinary,
                        const SlurmScriptOptions& options);

// Writes slurmScript() to `out` (empty: JOBDIR/slurm.sbatch), executable; returns the file. What
// `srllm job export-slurm` and the GUI's Submit to Slurm both do. Throws InputError as slurmScript does.
std::filesystem::path writeSlurmScript(const std::filesystem::path& jobDir, const std::string& srllmBinary,
                                       const SlurmScriptOptions& options, const std::filesystem::path& out = {});

}  // namespace srllm::core
