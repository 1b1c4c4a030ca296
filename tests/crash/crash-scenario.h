#pragma once
// The shape of one crash-safety scenario (tests/crash/test-crash-safety.cpp): what is run in a copy of the
// prepared folder, what is checked after a kill and after running it again.
#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace srllm::test {

using State = std::map<std::string, std::string>;  // query name -> its rows, one per line

// What a killed run left, with the prepared state and the state after a run that was never killed.
struct Outcome {
    const std::filesystem::path& dir;           // the killed run's copy of the prepared folder (run folders live here)
    const std::filesystem::path& referenceDir;  // the never-killed run's copy
    const State& before;
    const State& after;
    const State& now;
    const std::string& output;           // what the killed process printed before it died
    const std::string& referenceOutput;  // what the never-killed run printed
};

struct Scenario {
    std::string name;
    std::string program;  // "cli" or "gui" (the annotate driver)
    std::function<std::string(const std::filesystem::path& dir)> arguments;  // the command, for a copy of the folder
    std::function<void(const Outcome&)> check;  // invariants beyond integrity and reopening
    bool retryEqualsReference = true;           // running again after the kill gives the never-killed state
    // false: the count drifts by a few writes between runs (the GUI also saves the seconds spent, a trainer's
    // heartbeat is timed); a run that ends before its point is killed at its own last write instead.
    bool exactPoints = true;
    std::string project = "project.srllm";  // the project checked, relative to the folder
    std::function<void(const std::filesystem::path& dir)> setUp = nullptr;  // run in each copy before the command
    std::function<bool(const std::filesystem::path& dir)> finished = nullptr;  // its work was done: a retry may be refused
    std::function<void(const Outcome&)> checkAfterRetry = nullptr;  // invariants once it ran again
    std::string sharedData = {};  // a file under ../shared/data the command reads: the scenario skips without it
    // Folders of the prepared one that only some scenarios use (a training or evaluation workspace), made
    // once per test process before the first scenario that names them: ctest runs each in its own process.
    std::vector<std::string> workspaces = {};
};

// gtest names a parameter by this (found by argument-dependent lookup, so it lives beside Scenario).
inline void PrintTo(const Scenario& s, std::ostream* out) { *out << s.name; }

}  // namespace srllm::test
