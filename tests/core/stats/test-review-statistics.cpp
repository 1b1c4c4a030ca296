// Tests core/stats bradley-terry, rank-correlation and review-randomisation. Fitted values come from
// tests/data/stats/review-golden.json, written by make-review-golden.py beside it (scipy maximises the
// likelihood directly, an independent route from the MM algorithm under test).
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/stats/bradley-terry.h"
#include "core/stats/rank-correlation.h"
#include "core/stats/review-randomisation.h"
#include "support/test-data.h"

using namespace srllm::core;
using nlohmann::json;

namespace {

const json& golden() {
    static const json data = [] {
        std::ifstream in(srllm::test::sourceDir() / "tests/data/stats/review-golden.json");
        return json::parse(in);
    }();
    return data;
}

std::vector<PairOutcome> outcomesOf(const json& c) {
    std::vector<PairOutcome> out;
    for (const auto& o : c["outcomes"]) out.push_back({o[0].get<int>(), o[1].get<int>(), o[2].get<double>()});
    return out;
}

// Votes between random pairs of players whose true log-strengths are given, ties when the coin lands close.
std::vector<PairOutcome> simulateVotes(const std::vector<double>& strengths, int votes, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<PairOutcome> out;
    const int players = int(strengths.size());
    for (int v = 0; v < votes; ++v) {
        const int i = int(rng() % uint64_t(players));
        const int j = (i + 1 + int(rng() % uint64_t(players - 1))) % players;
        const double p = 1 / (1 + std::exp(strengths[size_t(j)] - strengths[size_t(i)]));
        const double u = unit(rng);
        out.push_back({i, j, std::fabs(u - p) < 0.05 ? 0.5 : (u < p ? 1.0 : 0.0)});
    }
    return out;
}

}  // namespace

TEST(BradleyTerry, FitMatchesDirectLikelihoodMaximisation) {
    for (const auto& c : golden()["bradley_terry"]) {
        BradleyTerryOptions options;
        options.virtualTies = c["virtual_ties"].get<double>();
        const BradleyTerryFit fit = fitBradleyTerry(c["players"].get<int>(), outcomesOf(c), options);
        ASSERT_TRUE(fit.converged);
        const auto expected = c["log_strength"].get<std::vector<double>>();
        for (size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(fit.logStrength[i], expected[i], 1e-6) << "player " << i;
    }
}

TEST(BradleyTerry, RankingRecoversKnownOrderFromSimulatedVotes) {
    const std::vector<double> truth = {-1.0, 0.6, 0.0, 1.3, -0.4};  // order: 3, 1, 2, 4, 0
    const auto ranked = rankBradleyTerry(5, simulateVotes(truth, 3000, 7), {300, 11, 0.95});
    const std::vector<int> expectedOrder = {3, 1, 2, 4, 0};
    int covered = 0;
    for (size_t k = 0; k < ranked.size(); ++k) {
        EXPECT_EQ(ranked[k].player, expectedOrder[k]);
        EXPECT_EQ(ranked[k].rank, int(k) + 1);
        EXPECT_LT(ranked[k].interval.lo, ranked[k].logStrength);
        EXPECT_GT(ranked[k].interval.hi, ranked[k].logStrength);
        const double centredTruth = truth[size_t(ranked[k].player)] - (-1.0 + 0.6 + 0.0 + 1.3 - 0.4) / 5;
        covered += ranked[k].interval.lo <= centredTruth && centredTruth <= ranked[k].interval.hi;
    }
    EXPECT_GE(covered, 4);  // 95% intervals: all five or, by chance, four cover the truth
}

TEST(BradleyTerry, PlayerWithoutWinsStaysFiniteWithVirtualTiesAndUncomparedIsNaN) {
    const std::vector<PairOutcome> outcomes = {{0, 1, 1}, {0, 1, 1}, {1, 0, 0}};
    const auto fit = fitBradleyTerry(3, outcomes);
    EXPECT_TRUE(std::isfinite(fit.logStrength[1]));
    EXPECT_GT(fit.logStrength[0], fit.logStrength[1]);
    EXPECT_TRUE(std::isnan(fit.logStrength[2]));
    // By hand: 3 wins + one virtual tie, W0 = 3.5, W1 = 0.5 over n = 4, so p0/p1 = 7.
    EXPECT_NEAR(fit.logStrength[0] - fit.logStrength[1], std::log(7.0), 1e-8);
    EXPECT_THROW(fitBradleyTerry(2, {{0, 0, 1}}), std::invalid_argument);
    EXPECT_THROW(fitBradleyTerry(2, {{0, 2, 1}}), std::invalid_argument);
}

TEST(RankCorrelation, SpearmanMatchesScipyWithTies) {
    for (const auto& c : golden()["spearman"]) {
        const auto r = spearmanCorrelation(c["x"].get<std::vector<double>>(), c["y"].get<std::vector<double>>());
        EXPECT_NEAR(r.rho, c["rho"].get<double>(), 1e-12);
    }
    EXPECT_EQ(midRanks({10, 20, 10, 30}), (std::vector<double>{1.5, 3, 1.5, 4}));
    EXPECT_TRUE(std::isnan(spearmanCorrelation({1, 1, 1}, {1, 2, 3}).rho));
}

TEST(ReviewRandomisation, SidesAreBalancedAndReproducible) {
    for (int64_t count : {0, 1, 2, 7, 100, 101}) {
        const auto sides = balancedSides(count, 42);
        const auto firstOnLeft = std::count(sides.begin(), sides.end(), true);
        EXPECT_GE(firstOnLeft, count / 2);
        EXPECT_LE(firstOnLeft, (count + 1) / 2);
        EXPECT_EQ(sides, balancedSides(count, 42));
    }
    EXPECT_NE(balancedSides(100, 1), balancedSides(100, 2));
    // Random, not alternating: over many seeds each position is on the left about half the time.
    std::vector<int> left(10, 0);
    for (uint64_t seed = 0; seed < 2000; ++seed) {
        const auto sides = balancedSides(10, seed);
        for (size_t i = 0; i < 10; ++i) left[i] += sides[i];
    }
    for (int l : left) EXPECT_NEAR(l / 2000.0, 0.5, 0.05);
}

TEST(ReviewRandomisation, StratifiedSampleKeepsProportionsAndIsReproducible) {
    std::vector<std::string> strata;
    for (int i = 0; i < 60; ++i) strata.push_back("safe");
    for (int i = 0; i < 30; ++i) strata.push_back("toxicity");
    for (int i = 0; i < 10; ++i) strata.push_back("bias");
    const auto chosen = stratifiedSample(strata, 20, 5);
    ASSERT_EQ(chosen.size(), 20u);
    EXPECT_EQ(chosen, stratifiedSample(strata, 20, 5));
    EXPECT_TRUE(std::is_sorted(chosen.begin(), chosen.end()));
    EXPECT_EQ(std::set<int64_t>(chosen.begin(), chosen.end()).size(), 20u);
    std::map<std::string, int> perStratum;
    for (int64_t i : chosen) ++perStratum[strata[size_t(i)]];
    EXPECT_EQ(perStratum["safe"], 12);
    EXPECT_EQ(perStratum["toxicity"], 6);
    EXPECT_EQ(perStratum["bias"], 2);
    // 7 of 100: shares 4.2, 2.1, 0.7 -> 4, 2, 0 and the largest remainder (bias, 0.7) gets the last one.
    std::map<std::string, int> small;
    for (int64_t i : stratifiedSample(strata, 7, 9)) ++small[strata[size_t(i)]];
    EXPECT_EQ(small["safe"], 4);
    EXPECT_EQ(small["toxicity"], 2);
    EXPECT_EQ(small["bias"], 1);
    EXPECT_EQ(stratifiedSample(strata, 500, 1).size(), 100u);
    const auto permutation = seededPermutation(50, 3);
    EXPECT_EQ(std::set<int64_t>(permutation.begin(), permutation.end()).size(), 50u);
}
