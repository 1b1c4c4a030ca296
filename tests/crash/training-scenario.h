#pragma once
// The training scenario of the crash-safety test (#8, #12): `srllm train JOBDIR --resume` killed at drawn file
// changes in its job folder and its project (checkpoints, log.jsonl, run.json, the queue row). After each kill
// the project's queue reads and shows the job resumable (queued or failed) or done, never running; resuming
// ends done, with exactly the adapter of a run that was never killed.
#include <filesystem>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "crash/crash-scenario.h"
#include "db/database.h"
#include "db/jobs.h"
#include "support/cli-run.h"
#include "support/test-data.h"
#include "support/training-workspace.h"

namespace srllm::test {

inline constexpr const char* kTrainingFolder = "train";  // the workspace, inside the prepared folder

// The queue's status of the one job (`srllm job list`, which also marks a dead trainer's row failed).
inline std::string queuedStatus(const std::filesystem::path& dir) {
    const auto list = runCli("job list " + shellQuote((dir / kTrainingFolder / "study.srllm").string()));
    EXPECT_EQ(list.exitCode, 0) << list.output;
    std::istringstream fields(list.output);
    std::string id, status;
    fields >> id >> status;
    return status;
}

// The queue row as the trainer left it, read directly: after a retry that succeeded there is no dead worker for
// `srllm job list` to notice, and one process less per kill keeps the scenario short.
inline std::string storedStatus(const std::filesystem::path& dir) {
    db::Database db((dir / kTrainingFolder / "study.srllm").string(), db::Database::Mode::ReadOnly);
    const auto jobs = db::listJobs(db);
    return jobs.size() == 1 ? db::jobStatusName(jobs[0].status) : std::to_string(jobs.size()) + " queue rows";
}

inline Scenario trainingScenario() {
    const auto job = [](const std::filesystem::path& dir) { return dir / kTrainingFolder / "job"; };
    Scenario s{"train", "cli",
               [=](const std::filesystem::path& dir) { return "train " + shellQuote(job(dir).string()) + " --resume"; },
               [](const Outcome& o) {
                   for (const char* part : {"items", "annotations", "gold"})
                       EXPECT_EQ(o.now.at(part), o.before.at(part)) << part << " changed by training";
                   const std::string status = queuedStatus(o.dir);
                   EXPECT_TRUE(status == "queued" || status == "failed" || status == "done") << status;
               }};
    s.exactPoints = false;  // the trainer's heartbeat writes to the project on a timer
    s.project = std::string(kTrainingFolder) + "/study.srllm";
    s.workspaces = {kTrainingFolder};
    s.setUp = [=](const std::filesystem::path& dir) {
        const auto created = runCli(jobNewCommand(dir / kTrainingFolder, job(dir),
                                                  " --lora-r 4 --lr 1e-3 --max-length 64 --max-steps 12 --save-steps 2 "
                                                  "--eval-steps 4 --seed 5"));
        ASSERT_EQ(created.exitCode, 0) << created.output;
    };
    s.finished = [=](const std::filesystem::path& dir) {
        const auto run = job(dir) / "run.json";
        return std::filesystem::exists(run) && nlohmann::json::parse(readFile(run)).value("status", "") == "done";
    };
    s.checkAfterRetry = [=](const Outcome& o) {
        EXPECT_EQ(storedStatus(o.dir), "done");
        const auto adapter = std::filesystem::path("adapter") / "adapter_model.safetensors";
        EXPECT_EQ(readFile(job(o.dir) / adapter), readFile(job(o.referenceDir) / adapter))
            << "the resumed run's adapter differs from the never-killed run's";
    };
    return s;
}

}  // namespace srllm::test
