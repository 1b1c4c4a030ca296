#pragma once
// `srllm train JOBDIR --nproc N` on one machine: this process is rank 0 and starts ranks 1..N-1 as copies
// of itself (torchrun's job), each with the rendezvous in its environment (RANK, WORLD_SIZE, LOCAL_RANK,
// MASTER_ADDR, MASTER_PORT). They share this process's stderr; stdout stays rank 0's.
#include <sys/types.h>

#include <string>
#include <vector>

namespace srllm::cli {

class LocalWorkers {
public:
    LocalWorkers() = default;
    ~LocalWorkers();  // stops the workers that still run (a failed rank 0 leaves none behind)
    LocalWorkers(const LocalWorkers&) = delete;
    LocalWorkers& operator=(const LocalWorkers&) = delete;

    // Starts ranks 1..nproc-1 of `srllm train` with `trainArguments` (JOBDIR and the options to repeat).
    void start(int nproc, int port, const std::vector<std::string>& trainArguments);
    // Waits for every worker; "" when all exited 0, else what the first failing one did.
    std::string wait();
    // SIGTERM to the workers still running, SIGKILL after a grace period, then waits for them.
    void stop();

private:
    std::vector<pid_t> m_pids;
};

}  // namespace srllm::cli
