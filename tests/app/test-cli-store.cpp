// `srllm init` and `srllm stats`, run as the real binary (SRLLM_CLI).
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "db/annotators.h"
#include "db/project.h"
#include "support/test-data.h"

using namespace srllm;
using testing::HasSubstr;

namespace {

struct CliResult {
    int exitCode;
    std::string output;  // stdout and stderr together
};

CliResult cli(const std::string& arguments) {
    const char* binary = std::getenv("SRLLM_CLI");
    if (!binary) ADD_FAILURE() << "SRLLM_CLI is not set";
    FILE* pipe = popen((std::string(binary ? binary : "srllm") + " " + arguments + " 2>&1").c_str(), "r");
    std::string output;
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

}  // namespace

TEST(CliStore, InitCreatesAProjectThatStatsDescribes) {
    test::ScratchDir dir;
    const std::string path = dir / "p.srllm";
    const CliResult init = cli("init '" + path + "'");
    ASSERT_EQ(init.exitCode, 0) << init.output;
    EXPECT_THAT(init.output, HasSubstr("created " + path));

    const CliResult stats = cli("stats '" + path + "' --json");
    ASSERT_EQ(stats.exitCode, 0) << stats.output;
    const auto json = nlohmann::json::parse(stats.output);
    for (const char* key : {"items", "datasets", "annotations", "annotators", "gold", "references", "snapshots"})
        EXPECT_EQ(json.at(key), 0) << key;
    EXPECT_EQ(json.at("taxonomy_version"), 1);
}

TEST(CliStore, StatsCountsWhatTheStoreWrote) {
    test::ScratchDir dir;
    const std::string path = dir / "p.srllm";
    ASSERT_EQ(cli("init '" + path + "'").exitCode, 0);
    {
        auto project = db::Project::open(path);
        db::ensureAnnotator(project->db(), "ana");
        db::ensureAnnotator(project->db(), "ben", "expert");
    }
    const auto json = nlohmann::json::parse(cli("stats '" + path + "' --json").output);
    EXPECT_EQ(json.at("annotators"), 2);
    const CliResult table = cli("stats '" + path + "'");
    EXPECT_EQ(table.exitCode, 0);
    EXPECT_THAT(table.output, testing::ContainsRegex("annotators +2"));
}

TEST(CliStore, InitRefusesAnExistingFile) {
    test::ScratchDir dir;
    const std::string path = dir / "p.srllm";
    ASSERT_EQ(cli("init '" + path + "'").exitCode, 0);
    const CliResult again = cli("init '" + path + "'");
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_THAT(again.output, HasSubstr("srllm: error: " + path + " already exists"));
}

TEST(CliStore, StatsOnAMissingOrForeignFileFailsNamingIt) {
    test::ScratchDir dir;
    const std::string missing = dir / "missing.srllm";
    const CliResult run = cli("stats '" + missing + "' --json");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr(missing + ": no such project file"));
    const std::string text = dir / "a.csv";
    FILE* out = std::fopen(text.c_str(), "w");
    std::fputs("text\nhello\n", out);
    std::fclose(out);
    EXPECT_THAT(cli("stats '" + text + "'").output, HasSubstr(text + " is not a SR-LLM Workbench project"));
}

TEST(CliStore, CommandsHaveHelp) {
    for (const char* command : {"init", "stats"}) {
        const CliResult help = cli(std::string(command) + " --help");
        EXPECT_EQ(help.exitCode, 0) << command;
        EXPECT_THAT(help.output, HasSubstr("PROJECT")) << command;
    }
}
