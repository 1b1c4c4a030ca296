#include "support/bad-input.h"

#include <regex>

#include <gtest/gtest.h>

#include "support/cli-run.h"
#include "support/test-data.h"

namespace srllm::test {

void expectCleanOutcome(const BadInputRow& row) {
    const CliRun run = runCli(row.arguments);
    if (row.expected.empty()) {
        EXPECT_EQ(run.exitCode, 0) << row.name << ": expected success\n" << run.output;
        return;
    }
    EXPECT_EQ(run.exitCode, 1) << row.name << ": expected a clean error (exit 1), got "
                               << (run.exitCode < 0 ? "a crash" : "exit " + std::to_string(run.exitCode)) << "\n"
                               << run.output;
    EXPECT_TRUE(std::regex_search(run.output, std::regex("srllm: error: (\\S*/)?" + row.expected)))
        << row.name << ": the error does not match '" << row.expected << "':\n" << run.output;
}

std::filesystem::path badInputDir() { return sourceDir() / "tests" / "data" / "bad-input"; }

std::string projectDump(const std::filesystem::path& project) {
    const CliRun dump = runShell("sqlite3 " + shellQuote(project.string()) + " .dump");
    EXPECT_EQ(dump.exitCode, 0) << dump.output;
    return dump.output;
}

}  // namespace srllm::test
