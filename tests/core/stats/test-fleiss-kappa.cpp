// Tests core/stats/fleiss-kappa against the worked example of Fleiss (1971) as tabulated in Wikipedia
// "Fleiss' kappa" (10 subjects, 14 raters, 5 categories): P-bar = 0.378, P_e = 0.213, kappa = 0.210.
// tests/data/agreement/reference_values.py recomputes it: 0.2099307044.
#include <cmath>

#include <gtest/gtest.h>

#include "core/stats/fleiss-kappa.h"

using namespace srllm::core;

namespace {
const std::vector<std::vector<int64_t>> kWikipediaCounts = {
    {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
    {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
}

TEST(FleissKappa, MatchesFleiss1971WikipediaExample) {
    EXPECT_NEAR(fleissKappaFromCounts(kWikipediaCounts), 0.2099307044, 1e-9);
}

TEST(FleissKappa, RatingsTableGivesTheSameAsItsCounts) {
    // Expand the counts into 14 coders per subject; coder order does not matter to Fleiss' kappa.
    RatingsTable table(10, 14);
    for (int64_t u = 0; u < 10; ++u) {
        int64_t coder = 0;
        for (int64_t category = 0; category < 5; ++category)
            for (int64_t k = 0; k < kWikipediaCounts[u][category]; ++k) table.set(u, coder++, double(category));
    }
    EXPECT_NEAR(fleissKappa(table), 0.2099307044, 1e-9);
}

TEST(FleissKappa, PerfectAgreementIsOneAndNoVariationIsUndefined) {
    EXPECT_DOUBLE_EQ(fleissKappaFromCounts({{3, 0}, {0, 3}, {3, 0}}), 1.0);
    EXPECT_TRUE(std::isnan(fleissKappaFromCounts({{3, 0}, {3, 0}})));
    EXPECT_TRUE(std::isnan(fleissKappaFromCounts({})));
}

TEST(FleissKappa, UnitsWithOneRatingAreIgnoredAndCountsMayDiffer) {
    // Hand calculation: unit A (2 raters, agree) P=1; unit B (3 raters: 2x0, 1x1) P=(4+1-3)/6=1/3;
    // unit C (1 rater) dropped. P-bar = 2/3; pooled p = (4/5, 1/5) -> P_e = 0.68; kappa = (2/3-0.68)/0.32.
    RatingsTable table(3, 3);
    table.set(0, 0, 0); table.set(0, 1, 0);
    table.set(1, 0, 0); table.set(1, 1, 0); table.set(1, 2, 1);
    table.set(2, 2, 1);
    EXPECT_NEAR(fleissKappa(table), (2.0 / 3.0 - 0.68) / 0.32, 1e-12);
}
