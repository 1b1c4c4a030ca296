// Tests core/text/chrf. Expected values come from an independent Python implementation of sacrebleu 2.x
// CHRF defaults (char_order 6, word_order 0, beta 2, whitespace dropped), tests/data/agreement/
// reference_values.py, run with Debian's /usr/bin/python3; its output is pasted below.
#include <cmath>

#include <gtest/gtest.h>

#include "core/text/chrf.h"

using namespace srllm::core;

struct ChrfCase {
    const char* hypothesis;
    const char* reference;
    double expected;
};

class ChrfReference : public ::testing::TestWithParam<ChrfCase> {};

TEST_P(ChrfReference, MatchesIndependentPythonImplementation) {
    EXPECT_NEAR(chrf(GetParam().hypothesis, GetParam().reference), GetParam().expected, 1e-8);
}

INSTANTIATE_TEST_SUITE_P(
    ReferenceValues, ChrfReference,
    ::testing::Values(
        ChrfCase{"The cat sat on the mat.", "The cat is sitting on the mat.", 49.6485170311},
        ChrfCase{"Older workers may need time to learn new software.",
                 "Some workers need time to learn new software.", 80.4823568324},
        ChrfCase{"Café naïve élève", "Cafe naive eleve", 19.7039072039},  // code points, not bytes
        ChrfCase{"abc", "xyz", 0.0},
        ChrfCase{"a", "abcdefg", 17.2413793103},  // only order 1 is shared by both
        ChrfCase{"same text", "same   text", 100.0}));

TEST(Chrf, MeanPairwiseOverOrderedPairs) {
    // reference_values.py: mean over the 6 ordered pairs = 47.3941268435.
    const std::vector<std::string> rewrites = {"People of any age can learn new software.",
                                               "Workers of all ages can learn software.",
                                               "Anyone can learn new software with time."};
    EXPECT_NEAR(meanPairwiseChrf(rewrites), 47.3941268435, 1e-8);
    EXPECT_TRUE(std::isnan(meanPairwiseChrf({"only one"})));
}

TEST(Chrf, EmptyTextsScoreZero) {
    EXPECT_DOUBLE_EQ(chrf("", "something"), 0.0);
    EXPECT_DOUBLE_EQ(chrf("   ", ""), 0.0);
}
