#include "core/kernels/task-pool.h"

#include <stdexcept>

namespace srllm::core {
namespace {

constexpr uint64_t kFieldMask = (uint64_t{1} << 20) - 1;
constexpr int kGenerationShift = 40;
// Polls before a helper sleeps: about 0.1 ms, longer than the gaps between one decoding step's products.
constexpr int kSpins = 2000;

uint64_t generation(uint64_t state) { return state >> kGenerationShift; }

void pause() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

}  // namespace

TaskPool::TaskPool(int64_t threads) {
    for (int64_t w = 1; w < threads; ++w) m_helpers.emplace_back([this, w] { help(w); });
}

TaskPool::~TaskPool() {
    m_stop.store(true);
    m_state.fetch_add(uint64_t{1} << kGenerationShift);  // wakes the sleepers; a job of no tasks
    m_state.notify_all();
    for (auto& t : m_helpers) t.join();
}

// Claims and runs tasks of the job `state` was read from until none is left or a newer job replaced it.
void TaskPool::work(uint64_t state, int64_t worker) {
    const uint64_t job = generation(state);
    for (;;) {
        if (generation(state) != job || (state & kFieldMask) >= ((state >> 20) & kFieldMask)) return;
        if (!m_state.compare_exchange_weak(state, state + 1, std::memory_order_acq_rel)) continue;
        // A claimed task keeps its job unfinished, so m_body stays this job's until it is done.
        (*m_body)(static_cast<int64_t>(state & kFieldMask), worker);
        m_done.fetch_add(1, std::memory_order_release);
        state = m_state.load(std::memory_order_acquire);
    }
}

void TaskPool::help(int64_t worker) {
    uint64_t seen = generation(m_state.load(std::memory_order_acquire));
    while (!m_stop.load(std::memory_order_relaxed)) {
        uint64_t state = m_state.load(std::memory_order_acquire);
        for (int i = 0; i < kSpins && generation(state) == seen; ++i) {
            pause();
            state = m_state.load(std::memory_order_acquire);
        }
        if (generation(state) == seen) {
            m_state.wait(state, std::memory_order_acquire);
            continue;
        }
        seen = generation(state);
        work(state, worker);
    }
}

void TaskPool::run(int64_t tasks, const Body& body) {
    if (tasks > static_cast<int64_t>(kFieldMask)) throw std::invalid_argument("TaskPool: too many tasks");
    if (m_helpers.empty() || tasks <= 1) {
        for (int64_t t = 0; t < tasks; ++t) body(t, 0);
        return;
    }
    m_body = &body;
    m_done.store(0, std::memory_order_relaxed);
    const uint64_t next = (generation(m_state.load(std::memory_order_relaxed)) + 1) << kGenerationShift;
    const uint64_t state = next | static_cast<uint64_t>(tasks) << 20;
    m_state.store(state, std::memory_order_release);
    m_state.notify_all();
    work(state, 0);
    // Every task is claimed; wait only for those a helper is running now.
    while (m_done.load(std::memory_order_acquire) < tasks) pause();
}

}  // namespace srllm::core
