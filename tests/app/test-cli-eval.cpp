// `srllm metrics`, `srllm scorer train|test`, `srllm score`, `srllm quality` and `srllm significance`,
// run as the real binary: a scorer trained on a project's gold labels plus a JSONL set, its folder
// scored and refused when damaged, and the bad inputs of #9 (invalid UTF-8, empty text, misaligned files).
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "db/gold.h"
#include "db/item-import.h"
#include "db/project.h"
#include "support/cli-run.h"
#include "support/test-data.h"
#include "support/vector-item-reader.h"

using srllm::test::runCli;
using srllm::test::shellQuote;
using testing::HasSubstr;

namespace {

// A project whose gold labels mark insults toxic, plus a JSONL set with more of the same rule.
std::string makeTrainingProject(const srllm::test::ScratchDir& dir, std::string& jsonl) {
    const std::string path = (dir / "p.srllm").string();
    const char* insults[] = {"idiot", "moron", "loser", "scum"};
    std::vector<srllm::core::ItemImportRecord> records;
    std::string lines;
    for (int i = 0; i < 400; ++i) {
        const bool toxic = i % 2 == 0;
        const std::string text = "message " + std::to_string(i) + (toxic ? std::string(" you ") + insults[i % 4] : " see you soon");
        if (i < 100) {
            srllm::core::ItemImportRecord record;
            record.text = text;
            record.externalId = std::to_string(i);
            records.push_back(record);
        }
        else lines += nlohmann::json{{"text", text}, {"toxicity", toxic}}.dump() + "\n";
    }
    {
        auto project = srllm::db::Project::create(path);
        srllm::test::VectorItemReader reader(records);
        srllm::db::importItems(*project, reader, "gold", {});
        for (int64_t id = 1; id <= 100; ++id) {
            const bool toxic = (id - 1) % 2 == 0;
            srllm::db::GoldRow gold;
            gold.itemId = id;
            gold.labels = {{"toxicity", toxic ? "High" : "No"}, {"annotation", toxic ? "Unsafe" : "Benign"}};
            gold.provenance = "import";
            if (toxic) gold.rewrite = "message, see you soon";
            srllm::db::saveGold(project->db(), gold);
        }
    }
    jsonl = srllm::test::writeFile(dir, "set.jsonl", lines);
    return path;
}

}  // namespace

TEST(CliEval, MetricsPrintsEveryMetricWithItsMethod) {
    SRLLM_REQUIRE_SHARED(lexicon, "lexicons/vader_lexicon.txt");
    auto run = runCli("metrics --json --lexicon " + shellQuote(lexicon.string()) + " 'The cat sat on the mat.' ''");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    std::istringstream lines(run.output);
    std::string first, second, third;
    std::getline(lines, first);
    std::getline(lines, second);
    std::getline(lines, third);
    const auto a = nlohmann::json::parse(first), b = nlohmann::json::parse(second), c = nlohmann::json::parse(third);
    EXPECT_EQ(c["summary"]["neutral"], 1.0);  // both texts are neutral
    EXPECT_EQ(c["summary"]["n"], 2);
    EXPECT_NEAR(a["flesch_reading_ease"].get<double>(), 116.145, 1e-9);
    EXPECT_EQ(a["methods"]["readability"]["version"], 1);
    EXPECT_TRUE(b["flesch_reading_ease"].is_null());  // the empty text: no reading level
    EXPECT_EQ(b["vader_compound"], 0.0);
}

TEST(CliEval, InvalidUtf8IsAnErrorNamingTheLine) {
    srllm::test::ScratchDir dir;
    const auto file = srllm::test::writeFile(dir, "in.txt", "fine\nbad \xff byte\n");
    const auto run = runCli("metrics - < " + shellQuote(file));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("-:2: field 'text': invalid UTF-8 at byte 5"));
    EXPECT_THAT(runCli("score --scorer x \"$(printf 'ok\\303')\"").output, HasSubstr("argument 1: field 'text': invalid UTF-8"));
}

TEST(CliEval, ScorerTrainedOnGoldAndDataScoresAndTests) {
    srllm::test::ScratchDir dir;
    std::string jsonl;
    const std::string project = makeTrainingProject(dir, jsonl);
    const std::string scorer = (dir / "scorer").string();
    auto run = runCli("scorer train " + shellQuote(project) + " " + shellQuote(scorer) + " --data " + shellQuote(jsonl));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("texts from gold labels and rewrites"));
    EXPECT_THAT(run.output, HasSubstr("held-out, calibrated (Platt):"));
    EXPECT_THAT(run.output, HasSubstr("ROC AUC"));
    run = runCli("score --json --scorer " + shellQuote(scorer) + " 'message 9 you idiot' 'message 9 see you soon'");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    std::istringstream lines(run.output);
    std::string line;
    std::vector<nlohmann::json> objects;
    while (std::getline(lines, line)) objects.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(objects.size(), 3u);
    EXPECT_GT(objects[0]["toxicity"].get<double>(), 0.5);
    EXPECT_LT(objects[1]["toxicity"].get<double>(), 0.5);
    EXPECT_TRUE(objects[0]["bias"].is_null());  // never labelled: not trained
    EXPECT_EQ(objects[2]["summary"]["toxic"], 1);
    EXPECT_EQ(objects[2]["summary"]["n"], 2);
    EXPECT_EQ(objects[2]["summary"]["scorer"]["content_hash"], objects[0]["scorer"]);
    run = runCli("scorer test " + shellQuote(scorer) + " --data " + shellQuote(jsonl));
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("toxicity"));
    run = runCli("scorer train - " + shellQuote(scorer) + " --data " + shellQuote(jsonl));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("already exists"));
}

TEST(CliEval, ScorerFolderFromAnotherVersionIsRefused) {
    srllm::test::ScratchDir dir;
    std::filesystem::create_directories(dir / "old");
    srllm::test::writeFile(dir, "old/scorer.json", R"({"format": "srllm-risk-scorer", "format_version": 99})");
    const auto run = runCli("score --scorer " + shellQuote((dir / "old").string()) + " text");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("field 'format_version': scorer format 99, this build reads format 1"));
}

TEST(CliEval, QualityAndSignificanceOnAlignedFiles) {
    srllm::test::ScratchDir dir;
    const auto sources = srllm::test::writeFile(dir, "src.txt", "you are a total idiot\nthe cat sat on the mat\n");
    const auto outputs = srllm::test::writeFile(dir, "out.txt", "you are wrong\nthe cat sat on the mat\n");
    auto run = runCli("quality --json " + shellQuote(outputs) + " --sources " + shellQuote(sources));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("\"chrf_source\":100.0"));
    const auto short_ = srllm::test::writeFile(dir, "short.txt", "one line\n");
    run = runCli("quality " + shellQuote(outputs) + " --sources " + shellQuote(short_));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("field '--sources': 1 lines, but the outputs have 2"));
    const auto before = srllm::test::writeFile(dir, "b.txt", "1\n1\n0\n1\n");
    const auto after = srllm::test::writeFile(dir, "a.txt", "0\n0\n0\n1\n");
    run = runCli("significance --json " + shellQuote(before) + " " + shellQuote(after));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("\"test\":\"paired t\""));
    EXPECT_THAT(run.output, HasSubstr("\"test\":\"mcnemar\""));  // both files are 0/1 flags
    const auto bad = srllm::test::writeFile(dir, "bad.txt", "1\nx\n");
    EXPECT_THAT(runCli("significance " + shellQuote(bad)).output, HasSubstr(":2: field 'value'"));
}
