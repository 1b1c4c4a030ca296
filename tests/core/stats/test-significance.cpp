// Tests core/stats t-test, wilcoxon-signed-rank, mcnemar-test, holm-correction, proportion-interval and
// paired-bootstrap against scipy 1.10: tests/data/stats/significance-golden.json, written by
// make-significance-golden.py beside it (Debian's /usr/bin/python3 with python3-scipy).
#include <cmath>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/stats/holm-correction.h"
#include "core/stats/mcnemar-test.h"
#include "core/stats/paired-bootstrap.h"
#include "core/stats/proportion-interval.h"
#include "core/stats/t-test.h"
#include "core/stats/wilcoxon-signed-rank.h"
#include "support/test-data.h"

using namespace srllm::core;
using nlohmann::json;

namespace {

const json& golden() {
    static const json data = [] {
        std::ifstream in(srllm::test::sourceDir() / "tests/data/stats/significance-golden.json");
        return json::parse(in);
    }();
    return data;
}

std::vector<double> numbers(const json& array) { return array.get<std::vector<double>>(); }

std::vector<bool> flags(const json& array) {
    std::vector<bool> out;
    for (const auto& v : array) out.push_back(v.get<int>() != 0);
    return out;
}

}  // namespace

TEST(Significance, OneSampleTTestMatchesScipy) {
    for (const auto& c : golden()["one_sample_t"]) {
        const auto r = oneSampleTTest(numbers(c["values"]), c["mu"].get<double>());
        EXPECT_NEAR(r.statistic, c["t"].get<double>(), 1e-10);
        EXPECT_NEAR(r.pValue, c["p"].get<double>(), 1e-10);
        EXPECT_DOUBLE_EQ(r.df, c["df"].get<double>());
        EXPECT_NEAR(r.lo, c["lo"].get<double>(), 1e-8);  // scipy inverts the t cdf to ~1e-9
        EXPECT_NEAR(r.hi, c["hi"].get<double>(), 1e-8);
        EXPECT_NEAR(r.effectSize, c["d"].get<double>(), 1e-10);
        EXPECT_EQ(r.n, static_cast<int64_t>(c["values"].size()));
    }
}

TEST(Significance, PairedTTestMatchesScipyTtestRel) {
    for (const auto& c : golden()["paired_t"]) {
        const auto r = pairedTTest(numbers(c["before"]), numbers(c["after"]));
        EXPECT_NEAR(r.statistic, c["t"].get<double>(), 1e-10);
        EXPECT_NEAR(r.pValue, c["p"].get<double>(), 1e-10);
        EXPECT_NEAR(r.lo, c["lo"].get<double>(), 1e-8);  // scipy inverts the t cdf to ~1e-9
        EXPECT_NEAR(r.hi, c["hi"].get<double>(), 1e-8);
        EXPECT_NEAR(r.effectSize, c["dz"].get<double>(), 1e-10);
        EXPECT_EQ(r.effectSizeName, "cohen-dz");
    }
}

TEST(Significance, TTestOfConstantValuesHasNoStatistic) {
    const auto r = oneSampleTTest({2, 2, 2});
    EXPECT_EQ(r.n, 3);
    EXPECT_DOUBLE_EQ(r.estimate, 2);
    EXPECT_TRUE(std::isnan(r.statistic));
    EXPECT_TRUE(std::isnan(r.pValue));
}

// The critical values of a printed t table (two-sided 5% and 1%) and the closed-form densities of
// Student's t with 1 (Cauchy) and 2 degrees of freedom; the Evaluate mode's t figure draws these.
TEST(Significance, TCriticalValueAndDensityMatchTablesAndClosedForms) {
    EXPECT_NEAR(tCriticalValue(5), 2.5706, 5e-5);
    EXPECT_NEAR(tCriticalValue(12, 0.99), 3.0545, 5e-5);
    EXPECT_NEAR(tCriticalValue(1), 12.7062, 5e-5);
    for (double t : {0.0, 0.5, -1.5, 3.0}) {
        EXPECT_NEAR(tDensity(t, 1), 1 / (M_PI * (1 + t * t)), 1e-12);
        EXPECT_NEAR(tDensity(t, 2), std::pow(2 + t * t, -1.5), 1e-12);
    }
    EXPECT_TRUE(std::isnan(tCriticalValue(0)));
    EXPECT_TRUE(std::isnan(tDensity(0, 0)));
}

TEST(Significance, WilcoxonMatchesScipyExactAndApproximate) {
    for (const auto& c : golden()["wilcoxon"]) {
        const auto r = wilcoxonSignedRank(numbers(c["before"]), numbers(c["after"]));
        EXPECT_EQ(r.method, c["method"].get<std::string>() == "exact" ? "exact" : "normal");
        EXPECT_DOUBLE_EQ(r.statistic, c["statistic"].get<double>());
        EXPECT_NEAR(r.pValue, c["p"].get<double>(), 1e-12);
        EXPECT_EQ(r.n, c["n"].get<int64_t>());
        EXPECT_NEAR(r.effectSize, c["rank_biserial"].get<double>(), 1e-12);
    }
}

TEST(Significance, PairedTestsRejectPairsThatDoNotLineUp) {
    EXPECT_THROW(wilcoxonSignedRank({1, 2}, {1}), std::invalid_argument);
    EXPECT_THROW(pairedTTest({1, 2}, {1}), std::invalid_argument);
    EXPECT_THROW(mcnemarTest({true}, {}), std::invalid_argument);
}

TEST(Significance, McNemarMatchesScipyBinomialTest) {
    for (const auto& c : golden()["mcnemar"]) {
        const auto r = mcnemarTest(flags(c["before"]), flags(c["after"]));
        EXPECT_NEAR(r.pValue, c["p"].get<double>(), 1e-12);
        EXPECT_DOUBLE_EQ(r.statistic, std::min(c["b"].get<double>(), c["c"].get<double>()));
        EXPECT_NEAR(r.estimate, (c["c"].get<double>() - c["b"].get<double>()) / c["before"].size(), 1e-15);
    }
}

TEST(Significance, HolmMatchesTheDefinition) {
    for (const auto& c : golden()["holm"]) {
        const auto adjusted = holmAdjust(numbers(c["p"]));
        const auto expected = numbers(c["adjusted"]);
        ASSERT_EQ(adjusted.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(adjusted[i], expected[i], 1e-15);
    }
    const auto withNan = holmAdjust({0.01, std::nan(""), 0.04});
    EXPECT_NEAR(withNan[0], 0.02, 1e-15);  // the NaN does not count towards m = 2
    EXPECT_TRUE(std::isnan(withNan[1]));
}

TEST(Significance, WilsonIntervalMatchesScipy) {
    for (const auto& c : golden()["wilson"]) {
        const auto e = wilsonInterval(c["k"].get<int64_t>(), c["n"].get<int64_t>());
        EXPECT_NEAR(e.lo, c["lo"].get<double>(), 1e-12);
        EXPECT_NEAR(e.hi, c["hi"].get<double>(), 1e-12);
    }
    EXPECT_TRUE(std::isnan(wilsonInterval(0, 0).rate));
}

TEST(Significance, BootstrapMeanAgreesWithScipyWithinMonteCarloError) {
    const auto& c = golden()["bootstrap_mean"][0];
    BootstrapOptions options;
    options.resamples = 20000;
    const auto r = bootstrapMean(numbers(c["values"]), options);
    const double tolerance = 0.1 * c["se"].get<double>();  // two independent 20,000-draw streams
    EXPECT_NEAR(r.lo, c["lo"].get<double>(), tolerance);
    EXPECT_NEAR(r.hi, c["hi"].get<double>(), tolerance);
    EXPECT_EQ(r.n, 300);
}

TEST(Significance, PairedBootstrapIntervalCoversTheMeanDifference) {
    std::vector<double> before, after;
    for (int i = 0; i < 200; ++i) {
        before.push_back(i % 7);
        after.push_back(i % 7 - 1.0 + 0.01 * (i % 5));
    }
    const auto r = pairedBootstrapMeanDifference(before, after);
    EXPECT_NEAR(r.estimate, -0.98, 1e-12);  // mean of 0.01 * (i % 5) is 0.02
    EXPECT_LE(r.lo, r.estimate);
    EXPECT_GE(r.hi, r.estimate);
    EXPECT_LT(r.hi - r.lo, 0.01);  // the pairing removes the between-text spread of 0..6
}
