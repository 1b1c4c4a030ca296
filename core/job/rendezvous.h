#pragma once
// Who a training process is in a data-parallel run (docs/JOBS.md, "Several processes"): its rank, the
// world size and where rank 0's store listens. Read from torchrun's variables (MASTER_ADDR, MASTER_PORT,
// WORLD_SIZE, RANK, LOCAL_RANK) or, under srun, Slurm's (SLURM_PROCID, SLURM_NTASKS, SLURM_LOCALID,
// SLURM_NODELIST). Torch-free, so `srllm job export-slurm` and the tests check it without libtorch.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace srllm::core {

struct Rendezvous {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;        // the rank among the processes of this machine (picks cuda:LOCAL_RANK)
    std::string masterAddr;   // the host of rank 0's store
    int masterPort = 0;       // 0: rank 0 picks a free port (`--nproc` on one machine only)
};

// A variable of the environment, or nullopt when unset (tests pass a map; the CLI the process's own).
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvironmentLookup processEnvironment();

// nullopt when the process runs alone (neither WORLD_SIZE nor Slurm's SLURM_NTASKS above 1 is set).
// Otherwise the rendezvous, or an InputError naming the missing or malformed variable.
std::optional<Rendezvous> rendezvousFromEnvironment(const EnvironmentLookup& env);

// The first host of a Slurm node list: "gpu[03-05,09],cpu1" -> "gpu03".
std::string firstSlurmHost(const std::string& nodeList);

// The global batch (job.json's train.batch_size: examples per micro-batch over all processes) splits
// evenly over the processes, or an InputError names the field of `jobFile`.
void requireWorldDividesBatch(int64_t batchSize, int worldSize, const std::string& jobFile);

}  // namespace srllm::core
