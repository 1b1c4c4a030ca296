// Tests core/stats/cohen-kappa against Wikipedia "Cohen's kappa", simple example: 50 grant proposals,
// yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> p_o = 0.7, p_e = 0.5, kappa = 0.4.
#include <cmath>

#include <gtest/gtest.h>

#include "core/stats/cohen-kappa.h"

using namespace srllm::core;

namespace {
// Rows of the Wikipedia table as coder ratings: 1 = yes, 0 = no.
void fillWikipediaExample(RatingsTable& table, int64_t coderA, int64_t coderB) {
    const std::vector<std::tuple<int, int, int>> cells = {{1, 1, 20}, {1, 0, 5}, {0, 1, 10}, {0, 0, 15}};
    int64_t unit = 0;
    for (const auto& [a, b, count] : cells)
        for (int k = 0; k < count; ++k, ++unit) {
            table.set(unit, coderA, a);
            table.set(unit, coderB, b);
        }
}
}  // namespace

TEST(CohenKappa, MatchesWikipediaYesNoExample) {
    EXPECT_NEAR(cohenKappaFromConfusion({{20, 5}, {10, 15}}), 0.4, 1e-12);
    RatingsTable table(50, 2);
    fillWikipediaExample(table, 0, 1);
    EXPECT_NEAR(cohenKappa(table, 0, 1), 0.4, 1e-12);
}

TEST(CohenKappa, PairwiseMatrixUsesOnlyUnitsBothCodersRated) {
    // Coders 0 and 1 hold the Wikipedia table on units 0..49; coder 2 copies coder 0 on units 0..9 only.
    RatingsTable table(50, 3);
    fillWikipediaExample(table, 0, 1);
    for (int64_t u = 0; u < 10; ++u) table.set(u, 2, *table.at(u, 0));
    // Units 0..9 are all yes/yes for coders 0 and 1, so coders 0 and 2 agree perfectly on ten shared units
    // but with no variation: kappa undefined there.
    const PairwiseKappa pairs = pairwiseCohenKappa(table);
    EXPECT_NEAR(pairs.kappa[0][1], 0.4, 1e-12);
    EXPECT_NEAR(pairs.kappa[1][0], 0.4, 1e-12);
    EXPECT_EQ(pairs.shared[0][1], 50);
    EXPECT_EQ(pairs.shared[0][2], 10);
    EXPECT_EQ(pairs.shared[2][2], 10);
    EXPECT_TRUE(std::isnan(pairs.kappa[0][2]));
    EXPECT_DOUBLE_EQ(pairs.kappa[2][2], 1.0);
}

TEST(CohenKappa, NoSharedUnitsIsUndefined) {
    RatingsTable table(2, 2);
    table.set(0, 0, 1);
    table.set(1, 1, 0);
    EXPECT_TRUE(std::isnan(cohenKappa(table, 0, 1)));
}
