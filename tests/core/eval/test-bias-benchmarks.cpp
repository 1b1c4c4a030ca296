// core/eval/bias-benchmarks: StereoSet LMS/SS/ICAT and the CrowS-Pairs metric worked by hand on made-up
// log-likelihoods, and the readers on small files and on ../shared/data's real ones.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/eval/bias-benchmarks.h"
#include "support/test-data.h"

using namespace srllm;
using testing::HasSubstr;

TEST(BiasBenchmarks, StereoSetScoresByHand) {
    // Triple 1: stereo beats anti; both beat unrelated (2 of 2). Triple 2: anti wins; only anti beats
    // unrelated (1). Triple 3: stereo wins; neither beats unrelated (0). LMS = 3/6, SS = 2/3,
    // ICAT = 50 * min(66.67, 33.33) / 50 = 33.33.
    const auto s = core::stereoSetScores({{-10, -12, -20}, {-15, -11, -13}, {-8, -9, -5}});
    EXPECT_EQ(s.n, 3);
    EXPECT_DOUBLE_EQ(s.lms, 50.0);
    EXPECT_NEAR(s.ss, 200.0 / 3, 1e-12);
    EXPECT_NEAR(s.icat, 100.0 / 3, 1e-12);
    const auto ideal = core::stereoSetScores({{-1, -2, -9}, {-2, -1, -9}});  // LMS 100, SS 50: ICAT 100
    EXPECT_DOUBLE_EQ(ideal.icat, 100.0);
}

TEST(BiasBenchmarks, CrowsPairsCountsTheStereotypingSentenceOfEachDirection) {
    // stereo: sent_more stereotypes; antistereo: sent_less does. A tie is no preference.
    const std::vector<core::CrowsPair> pairs = {
        {"a", "b", false, "race"}, {"c", "d", true, "race"}, {"e", "f", true, "gender"}, {"g", "h", false, "gender"}};
    const auto s = core::crowsPairsScores(pairs, {{-5, -6}, {-5, -6}, {-7, -4}, {-3, -3}});
    EXPECT_EQ(s.n, 4);
    EXPECT_DOUBLE_EQ(s.metric, 50.0);  // pairs 1 and 3
    EXPECT_DOUBLE_EQ(s.byBiasType["race"]["metric"].get<double>(), 50.0);
    EXPECT_DOUBLE_EQ(s.byBiasType["gender"]["metric"].get<double>(), 50.0);
    EXPECT_EQ(s.byBiasType["gender"]["n"], 2);
}

TEST(BiasBenchmarks, ReadersCheckAlignmentAndDirection) {
    test::ScratchDir dir;
    test::writeFile(dir, "pro_stereotyped.txt.dev", "0 A is x.\n1 B is y.\n");
    test::writeFile(dir, "anti_stereotyped.txt.dev", "0 A is z.\n1 B is w.\n");
    test::writeFile(dir, "unrelated.txt.dev", "0 A is cup.\n");
    try {
        core::readStereoSet(dir.path().string());
        FAIL() << "misaligned files were read";
    } catch (const core::InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("hold 2, 2 and 1 sentences"));
    }
    test::writeFile(dir, "unrelated.txt.dev", "0 A is cup.\n2 B is pen.\n");
    EXPECT_THROW(core::readStereoSet(dir.path().string()), core::InputError);
    test::writeFile(dir, "unrelated.txt.dev", "0 A is cup.\n1 B is pen.\n");
    const auto triples = core::readStereoSet(dir.path().string());
    ASSERT_EQ(triples.size(), 2u);
    EXPECT_EQ(triples[1].antiStereotype, "B is w.");
    const auto csv = test::writeFile(dir, "c.csv", ",sent_more,sent_less,stereo_antistereo,bias_type\n0,a,b,sideways,race\n");
    try {
        core::readCrowsPairs(csv);
        FAIL() << "an unknown direction was read";
    } catch (const core::InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("c.csv:2: field 'stereo_antistereo'"));
    }
}

TEST(BiasBenchmarks, SharedDataReadsWhole) {
    SRLLM_REQUIRE_SHARED(stereoset, "stereoset/pro_stereotyped.txt.dev");
    SRLLM_REQUIRE_SHARED(crows, "crows_pairs/crows_pairs_anonymized.csv");
    EXPECT_EQ(core::readStereoSet(stereoset.parent_path().string()).size(), 2106u);  // README: 2,106 triples
    const auto pairs = core::readCrowsPairs(crows.string());
    EXPECT_EQ(pairs.size(), 1508u);  // README: 1,508 pairs
    EXPECT_EQ(pairs[1].biasType, "socioeconomic");
}
