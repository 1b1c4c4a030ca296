// The task pool of the CPU decoder (core/kernels/task-pool.h): every task of every job runs exactly once,
// on a worker the pool names, for any thread count and task count (none, one, more than the threads),
// and a job's results do not depend on which thread ran which task.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "core/kernels/task-pool.h"

using namespace srllm::core;

TEST(TaskPool, EveryTaskRunsOnceOnANamedWorkerForAnyThreadCount) {
    for (const int64_t threads : {1, 2, 4}) {
        TaskPool pool(threads);
        ASSERT_EQ(pool.threads(), threads);
        for (int64_t job = 0; job < 300; ++job) {
            const int64_t tasks = job % 41;
            auto runs = std::make_unique<std::atomic<int>[]>(tasks);
            std::atomic<bool> badWorker{false};
            std::vector<int64_t> out(tasks, 0);
            pool.run(tasks, [&](int64_t task, int64_t worker) {
                runs[task].fetch_add(1);
                if (worker < 0 || worker >= threads) badWorker = true;
                out[task] = task * task + job;  // each task writes its own slot only
            });
            EXPECT_FALSE(badWorker) << threads << " threads, job " << job;
            for (int64_t t = 0; t < tasks; ++t) {
                ASSERT_EQ(runs[t].load(), 1) << threads << " threads, job " << job << ", task " << t;
                ASSERT_EQ(out[t], t * t + job);
            }
        }
    }
}

TEST(TaskPool, ASlowTaskOnOneThreadStillCompletesTheJob) {
    TaskPool pool(3);
    std::atomic<int64_t> sum{0};
    pool.run(64, [&](int64_t task, int64_t) {
        if (task == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        sum += task;
    });
    EXPECT_EQ(sum.load(), 64 * 63 / 2);
}
