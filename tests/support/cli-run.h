#pragma once
// Runs the srllm binary (env SRLLM_CLI) for CLI tests and captures what it prints.
#include <string>

namespace srllm::test {

struct CliRun {
    int exitCode = -1;    // -1 when the process did not exit normally
    bool killed = false;  // ended by SIGKILL (the crash-safety tests kill on purpose)
    std::string output;   // stdout and stderr together
};

// The srllm binary: $SRLLM_CLI, else app/srllm of the build tree holding this test.
std::string cliBinary();

// Runs `srllm arguments` through the shell (quote paths yourself).
CliRun runCli(const std::string& arguments);
// Runs a shell command line and captures stdout and stderr together.
CliRun runShell(const std::string& command);

// Wraps text in single quotes for the shell.
std::string shellQuote(const std::string& text);

}  // namespace srllm::test
