// core/stats/label-drift: total variation distance and the median, against hand calculations.
#include <cmath>

#include <gtest/gtest.h>

#include "core/stats/label-drift.h"

using namespace srllm;

TEST(LabelDrift, TotalVariationIsHalfTheL1DistanceOfTheShares) {
    // [2,2] -> (0.5, 0.5); [4,0] -> (1, 0): (|0.5-1| + |0.5-0|) / 2 = 0.5
    EXPECT_DOUBLE_EQ(core::totalVariationDistance({2, 2}, {4, 0}), 0.5);
    EXPECT_DOUBLE_EQ(core::totalVariationDistance({1, 3}, {2, 6}), 0.0);  // same shares, other totals
    EXPECT_DOUBLE_EQ(core::totalVariationDistance({5, 0, 0}, {0, 0, 7}), 1.0);
    // (1/6, 2/6, 3/6) vs (3/6, 2/6, 1/6): (2/6 + 0 + 2/6) / 2 = 1/3
    EXPECT_NEAR(core::totalVariationDistance({1, 2, 3}, {3, 2, 1}), 1.0 / 3, 1e-15);
    EXPECT_TRUE(std::isnan(core::totalVariationDistance({0, 0}, {1, 1})));
}

TEST(LabelDrift, MedianOfOddAndEvenCounts) {
    EXPECT_DOUBLE_EQ(core::median({3, 1, 2}), 2);
    EXPECT_DOUBLE_EQ(core::median({4, 1, 3, 2}), 2.5);
    EXPECT_DOUBLE_EQ(core::median({7}), 7);
    EXPECT_TRUE(std::isnan(core::median({})));
}
