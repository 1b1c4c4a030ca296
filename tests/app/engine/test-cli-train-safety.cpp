// ctest-label: slow
// Safety during training (#9 item 9), with the real binary: a job that names a risk scorer logs toxic_percent
// in every eval event, equal to what `srllm score` gives for the generations the run wrote, and a cancel and
// resume logs the same values; early stopping on toxic_percent stops where a hand count over the logged
// values says; a bad scorer is refused at `job new`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli-job-workspace.h"

using srllm::test::eventsOf;
using srllm::test::kSmall;
using srllm::test::readFile;
using srllm::test::runCli;
using srllm::test::shellQuote;
using srllm::test::Workspace;
using testing::HasSubstr;
namespace fs = std::filesystem;

namespace {

// A full fine-tune at a high rate, so the greedy outputs move from the model's noise towards the rewrites
// within a few steps and toxic_percent changes (measured: 0, 0, 100, 100, 0 over the first evaluations).
const std::string kLearnsFast = " --method full --lr 1e-2 --warmup-ratio 0 --max-length 64 ";

// A scorer that calls the workspace's own words about age toxic and its rewrites' words not, so the tiny
// model's outputs land on both sides of 0.5 while it learns the rewrites.
std::string trainScorer(const Workspace& w) {
    std::string lines;
    for (int i = 0; i < 40; ++i) {
        const bool toxic = i % 2 == 0;
        const std::string text = toxic ? "old people are slow " + std::to_string(i) : "people differ in pace " + std::to_string(i);
        lines += nlohmann::json{{"text", text}, {"toxicity", toxic}}.dump() + "\n";
    }
    const auto data = srllm::test::writeFile(w.dir, "labels.jsonl", lines);
    const auto folder = (w.dir / "scorer").string();
    const auto run = runCli("scorer train - " + shellQuote(folder) + " --data " + shellQuote(data));
    EXPECT_EQ(run.exitCode, 0) << run.output;
    return folder;
}

std::vector<nlohmann::json> evalsOf(const std::vector<nlohmann::json>& events) {
    std::vector<nlohmann::json> out;
    for (const auto& e : events)
        if (e["event"] == "eval") out.push_back(e);
    return out;
}

// The toxic % `srllm score` gives for the outputs the run wrote at `step`.
double scoredPercent(const Workspace& w, const std::string& job, const std::string& scorer, int64_t step, size_t& n) {
    char name[32];
    std::snprintf(name, sizeof(name), "step-%08lld.jsonl", static_cast<long long>(step));
    std::istringstream lines(readFile(w.dir / job / "eval-generations" / name));
    std::string arguments;
    n = 0;
    for (std::string line; std::getline(lines, line); ++n) {
        arguments += ' ';
        arguments += shellQuote(nlohmann::json::parse(line)["output"].get<std::string>());
    }
    const auto run = runCli("score --json --scorer " + shellQuote(scorer) + arguments);
    EXPECT_EQ(run.exitCode, 0) << run.output;
    int toxic = 0;
    for (const auto& line : eventsOf(run.output))
        if (line.contains("index")) toxic += line["toxicity"].get<double>() >= 0.5;
    return n == 0 ? -1 : 100.0 * toxic / static_cast<double>(n);
}

}  // namespace

TEST(CliTrainSafety, EvalEventsCarryTheToxicPercentOfTheWrittenGenerations) {
    Workspace w;
    const auto scorer = trainScorer(w);
    const auto created = w.newJob("job", kLearnsFast + "--max-steps 6 --save-steps 3 --eval-steps 2 --scorer " +
                                             shellQuote(scorer) + " --scorer-max-new-tokens 8");
    ASSERT_EQ(created.exitCode, 0) << created.output;
    const auto spec = nlohmann::json::parse(readFile(w.dir / "job" / "job.json"));
    EXPECT_EQ(spec["scorer"]["path"], fs::absolute(scorer).lexically_normal().string());
    EXPECT_EQ(spec["scorer"]["hash"].get<std::string>().size(), 64u);
    EXPECT_EQ(spec["scorer"]["sample_size"], 8);  // the default; the workspace has two val items
    const auto trained = runCli("train " + shellQuote((w.dir / "job").string()));
    ASSERT_EQ(trained.exitCode, 0) << trained.output;
    const auto evals = evalsOf(eventsOf(trained.output));
    ASSERT_EQ(evals.size(), 3u);
    for (const auto& e : evals) {
        ASSERT_TRUE(e.contains("toxic_percent")) << e.dump();
        size_t n = 0;
        EXPECT_DOUBLE_EQ(e["toxic_percent"].get<double>(), scoredPercent(w, "job", scorer, e["step"], n)) << e.dump();
        EXPECT_EQ(n, 2u);  // min(sample_size, val items)
    }
    // A job without a scorer logs no toxic_percent.
    ASSERT_EQ(w.newJob("plain", std::string(kSmall) + "--max-steps 2 --eval-steps 2").exitCode, 0);
    const auto plain = runCli("train " + shellQuote((w.dir / "plain").string()));
    ASSERT_EQ(plain.exitCode, 0) << plain.output;
    for (const auto& e : evalsOf(eventsOf(plain.output))) EXPECT_FALSE(e.contains("toxic_percent"));
}

TEST(CliTrainSafety, EarlyStoppingOnToxicPercentStopsWhereAHandCountSays) {
    Workspace w;
    const auto scorer = trainScorer(w);
    const int64_t patience = 4, maxSteps = 40;
    ASSERT_EQ(w.newJob("job", kLearnsFast + "--max-steps " + std::to_string(maxSteps) +
                                  " --save-steps 100 --eval-steps 1 --early-stopping-patience " + std::to_string(patience) +
                                  " --early-stop-metric toxic_percent --scorer " + shellQuote(scorer) +
                                  " --scorer-max-new-tokens 6")
                  .exitCode,
              0);
    const auto trained = runCli("train " + shellQuote((w.dir / "job").string()));
    ASSERT_EQ(trained.exitCode, 0) << trained.output;
    const auto events = eventsOf(trained.output);
    // The hand count: an evaluation improves when its toxic % is below every earlier one.
    double best = 1e300;
    int64_t without = 0, predicted = maxSteps;
    for (const auto& e : evalsOf(events)) {
        const double value = e["toxic_percent"];
        without = value < best ? 0 : without + 1;
        best = std::min(best, value);
        if (without >= patience) {
            predicted = e["step"];
            break;
        }
    }
    ASSERT_EQ(events.back()["event"], "done");
    EXPECT_EQ(events.back()["steps"], predicted);
    EXPECT_EQ(events.back()["stopped_early"], predicted < maxSteps);
    EXPECT_TRUE(events.back()["stopped_early"].get<bool>());
    // Eval loss fell at every evaluation: watching it would not have stopped here.
    double previous = 1e300;
    for (const auto& e : evalsOf(events)) {
        EXPECT_LT(e["loss_eval"].get<double>(), previous) << e.dump();
        previous = e["loss_eval"];
    }
}

TEST(CliTrainSafety, CancelThenResumeLogsTheToxicPercentOfAnUninterruptedRun) {
    Workspace w;
    const auto scorer = trainScorer(w);
    const std::string options = kLearnsFast + "--max-steps 30 --save-steps 100 --eval-steps 1 --seed 5 --scorer " +
                                shellQuote(scorer) + " --scorer-max-new-tokens 6 --early-stopping-patience 0";
    ASSERT_EQ(w.newJob("straight", options).exitCode, 0);
    ASSERT_EQ(w.newJob("cancelled", options + " --no-queue").exitCode, 0);
    const auto straight = runCli("train " + shellQuote((w.dir / "straight").string()));
    ASSERT_EQ(straight.exitCode, 0) << straight.output;
    const auto resumed = w.cancelAndResume("cancelled", "eval");
    ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
    const auto expected = evalsOf(eventsOf(straight.output));
    const auto got = evalsOf(eventsOf(readFile(w.dir / "cancelled" / "log.jsonl")));
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i]["loss_eval"], expected[i]["loss_eval"]) << i;
        EXPECT_EQ(got[i]["toxic_percent"], expected[i]["toxic_percent"]) << i;
    }
    EXPECT_EQ(readFile(w.dir / "cancelled" / "eval-generations" / "step-00000030.jsonl"),
              readFile(w.dir / "straight" / "eval-generations" / "step-00000030.jsonl"));
}

TEST(CliTrainSafety, ABadScorerIsRefusedAtJobNew) {
    Workspace w;
    auto run = w.newJob("missing", std::string(kSmall) + "--scorer " + shellQuote((w.dir / "nowhere").string()));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("nowhere"));
    EXPECT_THAT(run.output, HasSubstr("is not a folder"));
    fs::create_directories(w.dir / "old-scorer");
    srllm::test::writeFile(w.dir, "old-scorer/scorer.json", R"({"format": "srllm-risk-scorer", "format_version": 99})");
    run = w.newJob("old", std::string(kSmall) + "--scorer " + shellQuote((w.dir / "old-scorer").string()));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("format_version"));
    run = w.newJob("unwatched", std::string(kSmall) + "--early-stop-metric toxic_percent");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("early_stopping_metric"));
    for (const char* name : {"missing", "old", "unwatched"}) EXPECT_FALSE(fs::exists(w.dir / name)) << name;
}
