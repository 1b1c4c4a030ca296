// Tests core/stats/span-agreement on cases worked out by hand (binary nominal alpha over code points).
#include <cmath>

#include <gtest/gtest.h>

#include "core/stats/span-agreement.h"

using namespace srllm::core;

TEST(SpanAgreement, HandComputedTwoCoders) {
    // One unit of length 4; coder A marks [0,2), coder B marks [1,3).
    // Code points: 0 (A only), 1 (both), 2 (B only), 3 (none). m = 2.
    // o_11 = 2 (cp 1), o_00 = 2 (cp 3), o_01 = o_10 = 2 (cps 0 and 2); n = 8, n_0 = n_1 = 4.
    // alpha = 1 - (n-1) * (o_01 + o_10) / (2 n_0 n_1) = 1 - 7 * 4 / 32 = 0.125.
    // F1 = 2 * 1 / (2 + 2) = 0.5.
    const SpanAgreement a = spanAgreement({{4, {std::vector<MarkedRange>{{0, 2}}, std::vector<MarkedRange>{{1, 3}}}}});
    EXPECT_NEAR(a.alpha, 0.125, 1e-12);
    EXPECT_NEAR(a.meanPairwiseF1, 0.5, 1e-12);
    EXPECT_EQ(a.pairs, 1);
    EXPECT_EQ(a.units, 1);
}

TEST(SpanAgreement, IdenticalSpansAgreePerfectlyAndOverlapsAreUnioned) {
    // Coder B gives the same code points as two overlapping ranges.
    const SpanUnit unit{10, {std::vector<MarkedRange>{{2, 6}}, std::vector<MarkedRange>{{2, 4}, {3, 6}}}};
    const SpanAgreement a = spanAgreement({unit});
    EXPECT_DOUBLE_EQ(a.alpha, 1.0);
    EXPECT_DOUBLE_EQ(a.meanPairwiseF1, 1.0);
}

TEST(SpanAgreement, MissingCodersAndEmptyMarkings) {
    // Unit 1: only one coder annotated -> not pairable. Unit 2: both annotated, neither marked -> a pair
    // without marks is left out of F1 but still counts in alpha (all "not marked"), so alpha stays NaN
    // when no code point was ever marked.
    const std::vector<SpanUnit> units = {
        {5, {std::vector<MarkedRange>{{0, 5}}, std::nullopt}},
        {3, {std::vector<MarkedRange>{}, std::vector<MarkedRange>{}}},
    };
    const SpanAgreement a = spanAgreement(units);
    EXPECT_EQ(a.units, 1);
    EXPECT_EQ(a.pairs, 0);
    EXPECT_TRUE(std::isnan(a.alpha));
    EXPECT_TRUE(std::isnan(a.meanPairwiseF1));
}

TEST(SpanAgreement, RangesAreClippedToTheText) {
    EXPECT_EQ(markCounts(4, {{{-3, 2}}, {{1, 99}}}), (std::vector<int>{1, 2, 1, 1}));
}
