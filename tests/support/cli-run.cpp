#include "support/cli-run.h"

#include <sys/wait.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

namespace srllm::test {

std::string cliBinary() {
    if (const char* binary = std::getenv("SRLLM_CLI")) return binary;
    // Fallback for a ctest that lost its environment: the build tree puts tests/ beside app/srllm.
    std::error_code ec;
    const auto beside = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path() / ".." / "app" / "srllm";
    if (!ec && std::filesystem::exists(beside)) return beside.lexically_normal().string();
    ADD_FAILURE() << "SRLLM_CLI is not set and no srllm binary beside the test";
    return "srllm";
}

CliRun runCli(const std::string& arguments) { return runShell(shellQuote(cliBinary()) + " " + arguments); }

CliRun runShell(const std::string& command) {
    FILE* pipe = popen(("exec " + command + " 2>&1").c_str(), "r");
    if (!pipe) return {};
    CliRun run;
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.output.append(buffer, n);
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
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
