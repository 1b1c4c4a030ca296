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

// A project with gold rewrites for twelve items, a tiny Llama with its own tokenizer, and a snapshot.
struct Workspace {
    srllm::test::ScratchDir dir;
    std::string project = shellQuote((dir / "study.srllm").string());
    std::string model = shellQuote((dir / "base").string());

    Workspace() {
        std::ofstream corpus(dir / "corpus.txt");
        for (int i = 0; i < 40; ++i) corpus << "old people are slow and young people are lazy; people differ in pace\n";
        corpus.close();
        check(runCli("tokenizer train --corpus " + shellQuote((dir / "corpus.txt").string()) + " --vocab-size 300 --out " +
                     shellQuote((dir / "tok").string())));
        check(runCli("model new " + model + " --arch llama --layers 2 --dim 32 --heads 4 --kv-heads 2 --positions 128 "
                     "--tokenizer " + shellQuote((dir / "tok").string())));
        check(runCli("init " + project));
        std::ofstream items(dir / "items.jsonl"), annotations(dir / "annotations.jsonl");
        for (int i = 0; i < 12; ++i) {
            items << R"({"id": "i)" << i << R"(", "text": "old people are slow )" << i << R"(", "split": ")"
                  << (i < 10 ? "train" : "val") << "\"}\n";
            for (const char* annotator : {"ann-1", "ann-2"})
                annotations << R"({"item": "i)" << i << R"(", "annotator": ")" << annotator
                            << R"(", "labels": {"annotation": "Unsafe", "bias": "Yes"}, "rewrite": "people differ in pace )"
                            << i << "\"}\n";
        }
        items.close();
        annotations.close();
        check(runCli("import " + project + " " + shellQuote((dir / "items.jsonl").string())));
        check(runCli("import " + project + " " + shellQuote((dir / "annotations.jsonl").string()) + " --format annotations"));
        check(runCli("adjudicate " + project + " --auto majority"));
        check(runCli("snapshot create " + project + " gold-1"));
    }

    static void check(const srllm::test::CliRun& run) { ASSERT_EQ(run.exitCode, 0) << run.output; }

    // The settings every test varies from are given by each test: CLI11 refuses an option given twice.
    // `batching` holds the settings a test may want other values of.
    srllm::test::CliRun newJob(const std::string& name, const std::string& options,
                               const std::string& batching = "--lora-dropout 0.1 --batch-size 2 --grad-accum 2 ") {
        return runCli("job new " + project + " " + shellQuote((dir / name).string()) + " --model " + model +
                      " --snapshot gold-1 --template custom --custom-template 'Fix: {text}\n{rewrite}' " + batching +
                      options);
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
};

inline int waitExit(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}


}  // namespace srllm::test
