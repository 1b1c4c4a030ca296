#pragma once
// A project with gold rewrites, a tiny Llama with its own tokenizer and a snapshot, built through the srllm
// binary, for the CLI tests of training jobs; and readers of the JSON event lines `srllm train` prints.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli-run.h"
#include "support/test-data.h"
#include "support/training-workspace.h"

namespace srllm::test {

constexpr const char* kSmall = " --lora-r 4 --lr 1e-3 --max-length 64 ";  // a tiny run's settings

inline std::vector<nlohmann::json> eventsOf(const std::string& text) {
    std::vector<nlohmann::json> out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && line[0] == '{') out.push_back(nlohmann::json::parse(line));
    return out;
}

inline std::vector<double> lossesOf(const std::vector<nlohmann::json>& events) {
    std::vector<double> out;
    for (const auto& e : events)
        if (e["event"] == "step") out.push_back(e["loss_train"].get<double>());
    return out;
}

// The training workspace (support/training-workspace.h) in a scratch folder.
struct Workspace {
    srllm::test::ScratchDir dir;
    std::string project = shellQuote((dir / "study.srllm").string());
    std::string model = shellQuote((dir / "base").string());

    Workspace() { makeTrainingWorkspace(dir.path()); }

    static void check(const srllm::test::CliRun& run) { ASSERT_EQ(run.exitCode, 0) << run.output; }

    // The settings every test varies from are given by each test: CLI11 refuses an option given twice.
    // `batching` holds the settings a test may want other values of.
    srllm::test::CliRun newJob(const std::string& name, const std::string& options,
                               const std::string& batching = "--lora-dropout 0.1 --batch-size 2 --grad-accum 2 ") {
        return runCli(jobNewCommand(dir.path(), dir / name, options, batching));
    }

    // Starts `srllm train` in the background with stdout and stderr in files; returns its pid.
    pid_t spawnTrain(const std::string& name, bool resume, const std::string& options = "") {
        const std::string command = shellQuote(srllm::test::cliBinary()) + " train " + shellQuote((dir / name).string()) +
                                    (resume ? " --resume" : "") + " " + options + " >>" + shellQuote((dir / (name + ".out")).string()) +
                                    " 2>>" + shellQuote((dir / (name + ".err")).string());
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        return pid;
    }

    // Waits until the job's log holds an event of this name, up to a minute.
    void waitForEvent(const std::string& name, const std::string& event) {
        for (int i = 0; i < 600; ++i) {
            for (const auto& e : eventsOf(readFile(dir / name / "log.jsonl")))
                if (e["event"] == event) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        FAIL() << "no " << event << " event in " << name;
    }

    // Runs job `name` in the background, cancels it (SIGTERM) once its log holds `event`, checks that it
    // ended cancelled, and resumes it to the end. Returns the resumed run; the cancelled event is in
    // `stoppedAt` when given.
    srllm::test::CliRun cancelAndResume(const std::string& name, const std::string& event,
                                        nlohmann::json* stoppedAt = nullptr);
};

inline int waitExit(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

inline srllm::test::CliRun Workspace::cancelAndResume(const std::string& name, const std::string& event,
                                                      nlohmann::json* stoppedAt) {
    const pid_t first = spawnTrain(name, false);
    waitForEvent(name, event);
    ::kill(first, SIGTERM);
    EXPECT_EQ(waitExit(first), 0) << readFile(dir / (name + ".err"));
    const auto events = eventsOf(readFile(dir / name / "log.jsonl"));
    EXPECT_EQ(events.back()["event"], "cancelled") << "the run ended before the signal; lengthen it";
    EXPECT_EQ(nlohmann::json::parse(readFile(dir / name / "run.json"))["status"], "cancelled");
    if (stoppedAt) *stoppedAt = events.back();
    return runCli("train " + shellQuote((dir / name).string()) + " --resume");
}


}  // namespace srllm::test
