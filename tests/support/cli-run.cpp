#include "support/cli-run.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>

#include <gtest/gtest.h>

namespace srllm::test {

CliRun runCli(const std::string& arguments) {
    const char* binary = std::getenv("SRLLM_CLI");
    if (!binary) ADD_FAILURE() << "SRLLM_CLI is not set";
    FILE* pipe = popen((shellQuote(binary ? binary : "srllm") + " " + arguments + " 2>&1").c_str(), "r");
    if (!pipe) return {};
    CliRun run;
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.output.append(buffer, n);
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::string shellQuote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

}  // namespace srllm::test
