// ctest-label: slow
// bench/reproduce --quick, the SR_LLM loop in miniature (docs/REPRODUCTION.md), so the loop cannot silently
// break: every step's output exists and agrees with the others: the eval table has the rows Original,
// base, LoRA and QLoRA, each over every held-out item (counted independently by `srllm export --split
// test`), the scorer's content hash is the saved scorer's, the three jobs are done, the review session exists.
// It checks that the loop holds together, not the paper's targets.
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli-run.h"
#include "support/test-data.h"

using srllm::test::readFile;
using srllm::test::runCli;
using srllm::test::shellQuote;
namespace fs = std::filesystem;

TEST(ReproduceQuick, TheLoopLeavesAConsistentProject) {
    SRLLM_REQUIRE_SHARED(paradetox, "paradetox/paradetox.tsv");
    SRLLM_REQUIRE_SHARED(davidson, "davidson/labeled_data.csv");
    SRLLM_REQUIRE_SHARED(spans, "toxic_spans/tsd_train.csv");
    SRLLM_REQUIRE_SHARED(infer, "srllm/infer_50.csv");
    srllm::test::ScratchDir dir;
    const auto out = dir / "out";
    const auto script = srllm::test::sourceDir() / "bench" / "reproduce";
    const auto run = srllm::test::runShell(shellQuote(script.string()) + " --quick --out " + shellQuote(out.string()) +
                                           " --srllm " + shellQuote(srllm::test::cliBinary()) + " --data " +
                                           shellQuote(srllm::test::sharedDataDir().string()));
    ASSERT_EQ(run.exitCode, 0) << run.output;

    const auto project = shellQuote((out / "study.srllm").string());
    const auto exported = runCli("export " + project + " " + shellQuote((dir / "test.jsonl").string()) +
                                 " --format jsonl --split test");
    ASSERT_EQ(exported.exitCode, 0) << exported.output;
    std::ifstream lines(dir / "test.jsonl");
    int64_t heldOut = 0;
    for (std::string line; std::getline(lines, line);) heldOut += !line.empty();
    ASSERT_GT(heldOut, 53);  // infer_50's items and ParaDetox's test split

    const auto table = nlohmann::json::parse(readFile(out / "eval.json"));
    EXPECT_EQ(table["n"], heldOut);
    std::vector<std::string> rows;
    for (const auto& row : table["rows"]) {
        rows.push_back(row["run"]);
        EXPECT_EQ(row["cells"]["toxicity_percent"]["n"], heldOut) << row["run"];
    }
    EXPECT_EQ(rows, (std::vector<std::string>{"original", "base", "lora", "qlora"}));
    const auto scorer = nlohmann::json::parse(readFile(out / "scorer" / "scorer.json"));
    EXPECT_EQ(table["scorer"]["content_hash"], scorer["content_hash"]);
    EXPECT_EQ(table["scorer"]["content_hash"].get<std::string>().size(), 64u);

    for (const char* job : {"pretrain", "lora", "qlora"})
        EXPECT_EQ(nlohmann::json::parse(readFile(out / "jobs" / job / "run.json"))["status"], "done") << job;
    EXPECT_EQ(nlohmann::json::parse(readFile(out / "jobs" / "pretrain" / "job.json"))["data"]["kind"], "corpus");
    EXPECT_THAT(runCli("review list " + project).output, testing::HasSubstr("held-out"));
    const auto summary = nlohmann::json::parse(readFile(out / "summary.json"));
    EXPECT_EQ(summary["seed"], 42);
    EXPECT_TRUE(summary["quick"].get<bool>());
}
