// `srllm eval` run as the real binary over generation runs stored through db/: the table's rates, intervals
// and tests recomputed here by hand (Wilson's formula, McNemar's exact binomial, Holm's step-down), the
// stored values keyed by scorer (a second scorer stores beside the first, recomputing replaces in place),
// and the bad inputs that store nothing.
#include <cmath>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "db/generation-runs.h"
#include "db/metric-values.h"
#include "db/project.h"
#include "support/cli-run.h"
#include "support/db-query.h"
#include "support/test-data.h"

using namespace srllm;
using test::runCli;
using test::shellQuote;
using testing::HasSubstr;

namespace {

const char* kInsults[] = {"idiot", "moron", "loser", "scum"};

std::string trainScorer(const test::ScratchDir& dir, const std::string& name, int texts) {
    std::string lines;
    for (int i = 0; i < texts; ++i) {
        const bool toxic = i % 2 == 0;
        const std::string text = "note " + std::to_string(i) + (toxic ? std::string(" you ") + kInsults[i % 4] : " see you soon");
        lines += nlohmann::json{{"text", text}, {"toxicity", toxic}}.dump() + "\n";
    }
    const auto data = test::writeFile(dir, name + ".jsonl", lines);
    const std::string folder = (dir / name).string();
    const auto run = runCli("scorer train - " + shellQuote(folder) + " --data " + shellQuote(data));
    EXPECT_EQ(run.exitCode, 0) << run.output;
    return folder;
}

double binomialTwoSided(int64_t b, int64_t c) {
    const int64_t n = b + c, k = std::min(b, c);
    if (n == 0) return 1.0;
    double tail = 0;
    for (int64_t i = 0; i <= k; ++i) tail += std::exp(std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) - n * std::log(2.0));
    return std::min(1.0, 2 * tail);
}

struct EvaluateFixture : testing::Test {
    test::ScratchDir dir;
    std::string path = (dir / "p.srllm").string();
    std::string scorer;
    static constexpr int kItems = 12;

    void SetUp() override {
        SRLLM_REQUIRE_SHARED(lexicon, "lexicons/vader_lexicon.txt");  // the default the text metrics read
        scorer = trainScorer(dir, "scorer", 400);
        auto project = db::Project::create(path);
        std::vector<db::RunItem> items;
        for (int i = 0; i < kItems; ++i)
            items.push_back({i, std::nullopt, "message " + std::to_string(i) + " you " + kInsults[i % 4],
                             {"message " + std::to_string(i) + " see you soon"}, i < 6 ? "a" : "b"});
        db::GenerationRunSpec original{"original", "original", {}, {}, {}, {}, {}, nlohmann::json::object(), "file:x"};
        db::GenerationRunSpec tuned{"tuned", "model", {}, "/m", {}, "sha256:x", {}, {{"max_new_tokens", 8}}, "file:x"};
        const auto a = db::createGenerationRun(project->db(), original, items);
        const auto b = db::createGenerationRun(project->db(), tuned, items);
        std::vector<db::RunOutput> sources, rewrites;
        for (const auto& item : items) {
            sources.push_back({item.position, "", item.source, {}});
            // Items 0-8 detoxified, 9-11 left as they were: a paired change for McNemar.
            rewrites.push_back({item.position, "p", item.position < 9 ? item.references[0] : item.source, {}});
        }
        db::storeRunOutputs(project->db(), a.id, sources);
        db::storeRunOutputs(project->db(), b.id, rewrites);
    }

    nlohmann::json evalJson(const std::string& runs, const std::string& scorerDir) {
        const auto run = runCli("eval " + shellQuote(path) + " --runs " + runs + " --json --scorer " + shellQuote(scorerDir));
        EXPECT_EQ(run.exitCode, 0) << run.output;
        return nlohmann::json::parse(run.output.substr(run.output.find('{')));
    }
    int64_t count(const std::string& sql) {
        auto project = db::Project::open(path);
        return test::queryInt(project->db(), sql);
    }
};

}  // namespace

TEST_F(EvaluateFixture, TableRatesIntervalsAndTestsMatchHandCalculations) {
    const auto table = evalJson("original,tuned", scorer);
    ASSERT_EQ(table["rows"].size(), 2u);
    EXPECT_EQ(table["baseline"], "original");
    auto project = db::Project::open(path);
    const std::string hash = table["scorer"]["content_hash"];
    int64_t toxicBefore = 0, b = 0, c = 0;
    const auto before = db::runMetricSeries(project->db(), 1, {"risk-toxicity", 1, hash});
    const auto after = db::runMetricSeries(project->db(), 2, {"risk-toxicity", 1, hash});
    ASSERT_EQ(before.size(), static_cast<size_t>(kItems));
    for (int i = 0; i < kItems; ++i) {
        toxicBefore += *before[i] >= 0.5;
        b += *before[i] >= 0.5 && *after[i] < 0.5;
        c += *before[i] < 0.5 && *after[i] >= 0.5;
    }
    // Wilson's interval by its formula, z = 1.959963984540054.
    const double n = kItems, p = toxicBefore / n, z = 1.959963984540054;
    const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    const double half = z / (1 + z * z / n) * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    const auto& cell = table["rows"][0]["cells"]["toxicity_percent"];
    EXPECT_NEAR(cell["value"].get<double>(), 100 * p, 1e-9);
    EXPECT_NEAR(cell["lo"].get<double>(), 100 * (centre - half), 1e-9);
    EXPECT_NEAR(cell["hi"].get<double>(), 100 * (centre + half), 1e-9);
    EXPECT_EQ(cell["n"], kItems);
    EXPECT_NEAR(table["rows"][0]["cells"]["chrf_source"]["value"].get<double>(), 100.0, 1e-9);  // the sources themselves
    EXPECT_GT(b, 0) << "the scorer should see the rewrites as less toxic";
    std::vector<double> pValues;
    for (const auto& t : table["tests"]) {
        EXPECT_EQ(t["run"], "tuned");
        if (t["metric"] == "toxicity_percent") {
            EXPECT_NEAR(t["test"]["p_value"].get<double>(), binomialTwoSided(b, c), 1e-12);
        }
        pValues.push_back(t["test"]["p_value"].is_null() ? NAN : t["test"]["p_value"].get<double>());
    }
    // Holm: sort ascending, adjusted_i = max over j <= i of min(1, (m - j) p_(j)); NaN left out.
    std::vector<size_t> order;
    for (size_t i = 0; i < pValues.size(); ++i)
        if (!std::isnan(pValues[i])) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return pValues[x] < pValues[y]; });
    double running = 0;
    for (size_t rank = 0; rank < order.size(); ++rank) {
        running = std::max(running, std::min(1.0, (order.size() - rank) * pValues[order[rank]]));
        EXPECT_NEAR(table["tests"][order[rank]]["p_holm"].get<double>(), running, 1e-12) << table["tests"][order[rank]]["metric"];
    }
    EXPECT_EQ(table["rows"][1]["groups"]["a"]["toxicity_percent"]["n"], 6);
}

TEST_F(EvaluateFixture, RecomputingReplacesAndAnotherScorerStoresBeside) {
    evalJson("original,tuned", scorer);
    const int64_t first = count("SELECT count(*) FROM metric_values");
    evalJson("original,tuned", scorer);
    EXPECT_EQ(count("SELECT count(*) FROM metric_values"), first) << "recomputing added values";
    EXPECT_EQ(count("SELECT count(*) FROM evaluations"), 2);
    const auto other = trainScorer(dir, "other", 200);
    const auto table = evalJson("original,tuned", other);
    // Four risk columns per output and a rate per trained risk (toxicity only: the sets label nothing
    // else) per run, under the new hash; nothing else new.
    EXPECT_FALSE(table["rows"][0]["cells"].contains("bias_percent"));
    EXPECT_EQ(count("SELECT count(*) FROM metric_values"), first + 2 * (4 * kItems + 1));
    EXPECT_EQ(count("SELECT count(DISTINCT scorer_hash) FROM metric_values WHERE metric = 'risk-toxicity'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM metric_values WHERE scorer_hash = '" + table["scorer"]["content_hash"].get<std::string>() + "'"),
              2 * (4 * kItems + 1));
}

TEST_F(EvaluateFixture, UnknownEmptyOrUnpairedRunsStoreNothing) {
    auto run = runCli("eval " + shellQuote(path) + " --runs original,nope --scorer " + shellQuote(scorer));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("no generation run 'nope' in the project (runs: original, tuned)"));
    {
        auto project = db::Project::open(path);
        db::GenerationRunSpec spec{"empty", "original", {}, {}, {}, {}, {}, nlohmann::json::object(), "file:y"};
        db::createGenerationRun(project->db(), spec, {{0, std::nullopt, "other text", {}, ""}});
        spec.name = "other";
        const auto o = db::createGenerationRun(project->db(), spec, {{0, std::nullopt, "other text", {}, ""}});
        db::storeRunOutputs(project->db(), o.id, {{0, "", "other text", {}}});
    }
    run = runCli("eval " + shellQuote(path) + " --runs empty --scorer " + shellQuote(scorer));
    EXPECT_THAT(run.output, HasSubstr("run 'empty' has no outputs"));
    run = runCli("eval " + shellQuote(path) + " --runs original,other --scorer " + shellQuote(scorer));
    EXPECT_THAT(run.output, HasSubstr("run 'other' was made over another test set than 'original'"));
    std::filesystem::create_directories(dir / "bad");
    run = runCli("eval " + shellQuote(path) + " --runs original --scorer " + shellQuote((dir / "bad").string()));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(count("SELECT (SELECT count(*) FROM metric_values) + (SELECT count(*) FROM evaluations)"), 0);
}

TEST_F(EvaluateFixture, TextTableNamesEveryRowAndTheTests) {
    const auto run = runCli("eval " + shellQuote(path) + " --runs original,tuned --scorer " + shellQuote(scorer));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("n = 12 items"));
    EXPECT_THAT(run.output, HasSubstr("toxic %"));
    EXPECT_THAT(run.output, HasSubstr("tuned vs original, toxicity_percent: mcnemar n=12"));
}
