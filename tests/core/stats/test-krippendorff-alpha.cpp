// Tests core/stats/krippendorff-alpha against Krippendorff (2011) "Computing Krippendorff's
// Alpha-Reliability", section C (4 observers, 12 units, missing values), which reports
// nominal alpha = 0.743, ordinal 0.815, interval 0.849. tests/data/agreement/reference_values.py
// recomputes them by enumerating value pairs: 0.7434210526, 0.8153875038, 0.8491071429.
#include <cmath>

#include <gtest/gtest.h>

#include "core/stats/krippendorff-alpha.h"

using namespace srllm::core;

namespace {
RatingsTable krippendorff2011() {
    constexpr int kMissing = 0;
    const int data[4][12] = {{1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0},
                             {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3},
                             {0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0},
                             {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0}};
    RatingsTable table(12, 4);
    for (int coder = 0; coder < 4; ++coder)
        for (int unit = 0; unit < 12; ++unit)
            if (data[coder][unit] != kMissing) table.set(unit, coder, data[coder][unit]);
    return table;
}
}  // namespace

struct AlphaCase {
    AlphaMetric metric;
    double expected;
};

class Krippendorff2011 : public ::testing::TestWithParam<AlphaCase> {};

TEST_P(Krippendorff2011, MatchesPublishedValue) {
    EXPECT_NEAR(krippendorffAlpha(krippendorff2011(), GetParam().metric), GetParam().expected, 1e-9);
}

INSTANTIATE_TEST_SUITE_P(Metrics, Krippendorff2011,
                         ::testing::Values(AlphaCase{AlphaMetric::Nominal, 0.7434210526},
                                           AlphaCase{AlphaMetric::Ordinal, 0.8153875038},
                                           AlphaCase{AlphaMetric::Interval, 0.8491071429}));

TEST(KrippendorffAlpha, CoincidenceMatrixMatchesThePaper) {
    // Paper, section C: o_11 = 7, o_22 = 10, o_33 = 8, o_44 = 4, o_55 = 3, o_12 = 4/3, n = 40
    // (the same numbers come out of reference_values.py).
    const Coincidences co = coincidenceMatrix(krippendorff2011());
    ASSERT_EQ(co.values, (std::vector<double>{1, 2, 3, 4, 5}));
    EXPECT_NEAR(co.o[0][0], 7.0, 1e-12);
    EXPECT_NEAR(co.o[1][1], 10.0, 1e-12);
    EXPECT_NEAR(co.o[2][2], 8.0, 1e-12);
    EXPECT_NEAR(co.o[3][3], 4.0, 1e-12);
    EXPECT_NEAR(co.o[4][4], 3.0, 1e-12);
    EXPECT_NEAR(co.o[0][1], 4.0 / 3.0, 1e-12);
    double n = 0;
    for (const auto& row : co.o)
        for (double v : row) n += v;
    EXPECT_NEAR(n, 40.0, 1e-12);
}

TEST(KrippendorffAlpha, UndefinedWithoutVariationOrPairableValues) {
    RatingsTable same(3, 2);
    for (int u = 0; u < 3; ++u) { same.set(u, 0, 1); same.set(u, 1, 1); }
    EXPECT_TRUE(std::isnan(krippendorffAlpha(same, AlphaMetric::Nominal)));
    RatingsTable lonely(2, 2);
    lonely.set(0, 0, 1);
    lonely.set(1, 1, 2);
    EXPECT_TRUE(std::isnan(krippendorffAlpha(lonely, AlphaMetric::Nominal)));
}

TEST(KrippendorffAlpha, PerfectAgreementIsOne) {
    RatingsTable table(3, 3);
    for (int u = 0; u < 3; ++u)
        for (int c = 0; c < 3; ++c) table.set(u, c, u);
    for (auto metric : {AlphaMetric::Nominal, AlphaMetric::Ordinal, AlphaMetric::Interval})
        EXPECT_DOUBLE_EQ(krippendorffAlpha(table, metric), 1.0);
}
