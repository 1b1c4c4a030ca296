// Tests core/stats/bootstrap-interval: the percentile interval brackets the point estimate, is the same for
// the same seed, and narrows as units are added (its width shrinks about as 1/sqrt(units)).
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "core/stats/bootstrap-interval.h"
#include "core/stats/krippendorff-alpha.h"

using namespace srllm::core;

namespace {
// Three coders on a 3-category scale; each copies the unit's true value with probability 0.7.
RatingsTable simulated(int64_t units, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> category(0, 2);
    std::bernoulli_distribution agrees(0.7);
    RatingsTable table(units, 3);
    for (int64_t u = 0; u < units; ++u) {
        const int truth = category(rng);
        for (int64_t c = 0; c < 3; ++c) table.set(u, c, agrees(rng) ? truth : category(rng));
    }
    return table;
}

double nominalAlpha(const RatingsTable& t) { return krippendorffAlpha(t, AlphaMetric::Nominal); }
}  // namespace

TEST(BootstrapInterval, ContainsThePointEstimate) {
    const RatingsTable table = simulated(200, 7);
    const double point = nominalAlpha(table);
    const ConfidenceInterval ci = bootstrapInterval(table, nominalAlpha, {});
    EXPECT_EQ(ci.validResamples, 1000);
    EXPECT_LT(ci.lo, point);
    EXPECT_GT(ci.hi, point);
}

TEST(BootstrapInterval, SameSeedSameIntervalOtherSeedDiffers) {
    const RatingsTable table = simulated(100, 3);
    const BootstrapOptions options{200, 42, 0.95};
    const ConfidenceInterval a = bootstrapInterval(table, nominalAlpha, options);
    const ConfidenceInterval b = bootstrapInterval(table, nominalAlpha, options);
    EXPECT_EQ(a.lo, b.lo);
    EXPECT_EQ(a.hi, b.hi);
    const ConfidenceInterval c = bootstrapInterval(table, nominalAlpha, {200, 43, 0.95});
    EXPECT_TRUE(a.lo != c.lo || a.hi != c.hi);
}

TEST(BootstrapInterval, NarrowsWithMoreUnits) {
    const BootstrapOptions options{500, 1, 0.95};
    const ConfidenceInterval small = bootstrapInterval(simulated(50, 11), nominalAlpha, options);
    const ConfidenceInterval large = bootstrapInterval(simulated(800, 11), nominalAlpha, options);
    // 16x the units: the width should shrink by about 4x; demand at least 2x.
    EXPECT_LT(2 * (large.hi - large.lo), small.hi - small.lo);
}

TEST(BootstrapInterval, QuantileInterpolatesLikeNumpy) {
    // numpy.percentile([1, 2, 3, 4], [25, 50, 97.5]) = [1.75, 2.5, 3.925]
    const std::vector<double> v = {1, 2, 3, 4};
    EXPECT_DOUBLE_EQ(sortedQuantile(v, 0.25), 1.75);
    EXPECT_DOUBLE_EQ(sortedQuantile(v, 0.5), 2.5);
    EXPECT_NEAR(sortedQuantile(v, 0.975), 3.925, 1e-12);
}

TEST(BootstrapInterval, UndefinedResamplesAreSkippedAndBadOptionsRejected) {
    // A statistic that is undefined on every resample leaves the interval NaN with 0 valid resamples.
    const auto undefined = [](const std::vector<int64_t>&) { return std::nan(""); };
    const ConfidenceInterval ci = bootstrapInterval(10, undefined, {});
    EXPECT_EQ(ci.validResamples, 0);
    EXPECT_TRUE(std::isnan(ci.lo));
    EXPECT_THROW(bootstrapInterval(10, undefined, {0, 1, 0.95}), std::invalid_argument);
    EXPECT_THROW(bootstrapInterval(10, undefined, {10, 1, 1.5}), std::invalid_argument);
}
