// Tests core/stats/multi-select-agreement: per-value binary tables and the mean over defined values.
#include <cmath>

#include <gtest/gtest.h>

#include "core/stats/krippendorff-alpha.h"
#include "core/stats/multi-select-agreement.h"

using namespace srllm::core;

namespace {
double nominalAlpha(const RatingsTable& t) { return krippendorffAlpha(t, AlphaMetric::Nominal); }
}  // namespace

TEST(MultiSelectAgreement, PerValueBinaryTablesAndMean) {
    // Values: 0 = Age, 1 = Gender, 2 = Religion (nobody picks it). Two coders, four units:
    //   unit 0: {Age} / {Age}; unit 1: {Gender} / {Age, Gender}; unit 2: {} / {}; unit 3: {Age} / not rated.
    const MultiSelectTable table = {
        {std::vector<int>{0}, std::vector<int>{0}},
        {std::vector<int>{1}, std::vector<int>{0, 1}},
        {std::vector<int>{}, std::vector<int>{}},
        {std::vector<int>{0}, std::nullopt},
    };
    const RatingsTable age = binaryTableForValue(table, 2, 0);
    EXPECT_EQ(age.at(1, 0), 0.0);
    EXPECT_EQ(age.at(1, 1), 1.0);
    EXPECT_FALSE(age.at(3, 1).has_value());

    // Age, by hand: pairable units 0..2 give values (1,1), (0,1), (0,0): n = 6, n_0 = 3, n_1 = 3,
    // o_01 + o_10 = 2, alpha = 1 - 5 * 2 / (2 * 3 * 3) = 4/9. Gender: (1,1) on unit 1 and (0,0) elsewhere
    // -> perfect, alpha = 1. Religion: never picked -> undefined, left out. Mean = (4/9 + 1) / 2.
    const MultiSelectAgreement result = multiSelectAgreement(table, 2, 3, nominalAlpha);
    ASSERT_EQ(result.perValue.size(), 3u);
    EXPECT_NEAR(result.perValue[0], 4.0 / 9.0, 1e-12);
    EXPECT_DOUBLE_EQ(result.perValue[1], 1.0);
    EXPECT_TRUE(std::isnan(result.perValue[2]));
    EXPECT_EQ(result.valuesUsed, 2);
    EXPECT_NEAR(result.mean, (4.0 / 9.0 + 1.0) / 2.0, 1e-12);
}
