// Tests core/data/split: deterministic, seed-dependent, roughly 80/10/10 and independent of other items.
#include <map>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/data/split.h"

using srllm::core::assignSplit;

TEST(Split, SameSeedAndUidAlwaysGiveTheSameSplit) {
    EXPECT_EQ(assignSplit(42, "00112233445566778899aabbccddeeff"), assignSplit(42, "00112233445566778899aabbccddeeff"));
}

TEST(Split, ProportionsAreCloseToTheFractions) {
    std::map<std::string, int> counts;
    const int n = 20000;
    for (int i = 0; i < n; ++i) ++counts[assignSplit(7, "item-" + std::to_string(i))];
    // Binomial sd for p=0.1, n=20000 is ~42; allow ~5 sd.
    EXPECT_NEAR(counts["train"], 16000, 250);
    EXPECT_NEAR(counts["val"], 2000, 210);
    EXPECT_NEAR(counts["test"], 2000, 210);
}

TEST(Split, SeedChangesTheAssignment) {
    int differ = 0;
    for (int i = 0; i < 1000; ++i) differ += assignSplit(1, std::to_string(i)) != assignSplit(2, std::to_string(i));
    // Independent draws differ with probability 1 - (0.64 + 0.01 + 0.01) = 0.34.
    EXPECT_GT(differ, 250);
    EXPECT_LT(differ, 430);
}

TEST(Split, BadFractionsAreRejected) {
    EXPECT_THROW(assignSplit(1, "x", {0.5, 0.5, 0.5}), srllm::core::InputError);
    EXPECT_EQ(assignSplit(1, "x", {0.0, 0.0, 1.0}), "test");
}
