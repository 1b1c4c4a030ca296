// Counterfactual consistency against tests/data/eval/counterfactual-golden.json (made by the script beside
// it with Python's statistics module), and its place in the evaluation table: the mean spreads as cells,
// the per-group means and the group prefixes counted by hand.
#include <cmath>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/eval/counterfactual-consistency.h"
#include "core/eval/evaluation-table.h"
#include "core/stats/paired-bootstrap.h"
#include "support/test-data.h"

using namespace srllm;

namespace {

struct Golden {
    std::vector<std::string> groups;
    std::vector<double> toxicity;
    nlohmann::json expected;
};

Golden golden() {
    std::ifstream in(test::sourceDir() / "tests/data/eval/counterfactual-golden.json");
    Golden g{{}, {}, nlohmann::json::parse(in)};
    g.groups = g.expected["groups"].get<std::vector<std::string>>();
    for (const auto& t : g.expected["toxicity"]) g.toxicity.push_back(t.is_null() ? NAN : t.get<double>());
    return g;
}

core::EvaluatedRun runOf(const std::string& name, const std::vector<std::string>& groups, const std::vector<double>& toxicity) {
    core::EvaluatedRun run;
    run.name = name;
    run.groups = groups;
    for (size_t i = 0; i < groups.size(); ++i) {
        run.set.outputs.push_back("text " + std::to_string(i));
        run.set.sources.push_back("text " + std::to_string(i));
        run.set.references.push_back({});
    }
    run.columns.push_back({"risk-toxicity", 1, true, toxicity});
    return run;
}

}  // namespace

TEST(CounterfactualConsistency, SpreadsMatchTheScriptsValues) {
    const auto g = golden();
    const auto spreads = core::counterfactualSpreads(g.groups, g.toxicity);
    const auto& expected = g.expected["per_sentence"];
    ASSERT_EQ(spreads.size(), expected.size()) << "a sentence with one variant has no spread";
    for (size_t i = 0; i < spreads.size(); ++i) {
        EXPECT_EQ(spreads[i].position, expected[i]["position"].get<int64_t>());
        EXPECT_EQ(spreads[i].variants, expected[i]["variants"].get<int64_t>()) << "a null score is left out";
        EXPECT_NEAR(spreads[i].range, expected[i]["range"].get<double>(), 1e-12);
        EXPECT_NEAR(spreads[i].sd, expected[i]["sd"].get<double>(), 1e-12);
    }
}

TEST(CounterfactualConsistency, SummaryIsTheMeanOverSentencesWithABootstrapInterval) {
    const auto g = golden();
    const auto summary = core::counterfactualConsistency(g.groups, g.toxicity);
    EXPECT_EQ(summary["sentences"], 5);
    EXPECT_NEAR(summary["range"]["value"].get<double>(), g.expected["mean_range"].get<double>(), 1e-12);
    EXPECT_NEAR(summary["sd"]["value"].get<double>(), g.expected["mean_sd"].get<double>(), 1e-12);
    EXPECT_NEAR(summary["max_range"].get<double>(), g.expected["max_range"].get<double>(), 1e-12);
    EXPECT_EQ(summary["range"]["n"], 5);
    std::vector<double> ranges;
    for (const auto& s : g.expected["per_sentence"]) ranges.push_back(s["range"].get<double>());
    const auto interval = core::bootstrapMean(ranges);  // tested against scipy in tests/core/stats
    EXPECT_DOUBLE_EQ(summary["range"]["lo"].get<double>(), interval.lo);
    EXPECT_DOUBLE_EQ(summary["range"]["hi"].get<double>(), interval.hi);
    EXPECT_EQ(summary["method"]["id"], "counterfactual-consistency");
}

TEST(CounterfactualConsistency, ASetWithoutOriginalsHasNone) {
    EXPECT_TRUE(core::counterfactualConsistency({"a", "b", "a"}, {0.1, 0.9, 0.5}).is_null());
    EXPECT_TRUE(core::counterfactualSpreads({}, {}).empty());
}

TEST(CounterfactualConsistency, TableCellsGroupsAndTheirTest) {
    const auto g = golden();
    auto after = g.toxicity;
    for (auto& t : after)
        if (!std::isnan(t)) t = 0.5 * t;  // every spread halves
    const auto table = core::evaluationTable({runOf("original", g.groups, g.toxicity), runOf("tuned", g.groups, after)});
    const auto& cells = table["rows"][0]["cells"];
    EXPECT_NEAR(cells["counterfactual_range"]["value"].get<double>(), g.expected["mean_range"].get<double>(), 1e-12);
    EXPECT_NEAR(table["rows"][1]["cells"]["counterfactual_range"]["value"].get<double>(),
                0.5 * g.expected["mean_range"].get<double>(), 1e-12);
    EXPECT_EQ(table["rows"][0]["counterfactual"]["per_sentence"].size(), 5u);
    // By hand from the golden file: "gender/a_man" is the first two items' group once and every
    // sentence's first variant (6), "gender" adds "gender/a_woman" (5 sentences with two variants or more).
    const auto& groups = table["rows"][0]["groups"];
    EXPECT_EQ(groups["gender/a_man"]["toxicity_percent"]["n"], 7);
    EXPECT_EQ(groups["gender/a_woman"]["toxicity_percent"]["n"], 5);
    EXPECT_EQ(groups["gender"]["toxicity_percent"]["n"], 12);
    EXPECT_EQ(groups["race"]["toxicity_percent"]["n"], 1 + 4) << "the null score is left out";
    EXPECT_EQ(groups["original"]["toxicity_mean"]["n"], 6);
    double sum = 0;
    int64_t n = 0;
    for (size_t i = 0; i < g.groups.size(); ++i)
        if (g.groups[i] == "original") sum += g.toxicity[i], ++n;
    EXPECT_NEAR(groups["original"]["toxicity_mean"]["value"].get<double>(), sum / n, 1e-12);
    bool tested = false;
    for (const auto& t : table["tests"])
        if (t["metric"] == "counterfactual_range") {
            tested = true;
            EXPECT_EQ(t["test"]["n"], 5);
            EXPECT_EQ(t["test"]["test"], "wilcoxon signed-rank");
        }
    EXPECT_TRUE(tested);
    EXPECT_TRUE(core::cellUsesScorer("counterfactual_sd"));
    EXPECT_TRUE(core::cellUsesScorer("harm_percent"));
    EXPECT_FALSE(core::cellUsesScorer("positive_percent"));
    const auto text = core::formatEvaluationTable(table);
    EXPECT_NE(text.find("cf range"), std::string::npos) << text;
    EXPECT_NE(text.find("toxic % by group"), std::string::npos) << text;
}
