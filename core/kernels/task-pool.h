#pragma once
// Helper threads that share numbered tasks with the calling thread, each task run by whichever thread claims
// it first. Unlike a fork-join region (at::parallel_for), the caller never waits for a helper that has not
// started: on a loaded machine a descheduled helper costs nothing, the caller runs its share. Torch-free.
#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace srllm::core {

class TaskPool {
public:
    using Body = std::function<void(int64_t task, int64_t worker)>;

    explicit TaskPool(int64_t threads);  // the caller and threads - 1 helpers
    ~TaskPool();
    TaskPool(const TaskPool&) = delete;
    TaskPool& operator=(const TaskPool&) = delete;

    int64_t threads() const { return static_cast<int64_t>(m_helpers.size()) + 1; }
    // Runs body(task, worker) once for each task in [0, tasks) and returns when all are done; worker in
    // [0, threads()) names the thread running it (0: the caller), for per-thread scratch. One caller at a time;
    // body must not throw.
    void run(int64_t tasks, const Body& body);

private:
    void help(int64_t worker);
    void work(uint64_t state, int64_t worker);

    // The job: generation (bits 40-63), task count (20-39), next unclaimed task (0-19).
    std::atomic<uint64_t> m_state{0};
    std::atomic<int64_t> m_done{0};
    const Body* m_body = nullptr;
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_helpers;
};

}  // namespace srllm::core
