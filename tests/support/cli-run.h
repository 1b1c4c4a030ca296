#pragma once
// Runs the srllm binary (env SRLLM_CLI) for CLI tests and captures what it prints.
#include <string>

namespace srllm::test {

struct CliRun {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

// The srllm binary: $SRLLM_CLI, else app/srllm of the build tree holding this test.
std::string cliBinary();

// Runs `srllm arguments` through the shell (quote paths yourself).
CliRun runCli(const std::string& arguments);

// Wraps text in single quotes for the shell.
std::string shellQuote(const std::string& text);

}  // namespace srllm::test
