// Test-set files for generation runs: the SR_LLM counterfactual CSV (each row its original and then its
// variants, grouped by axis and variant, the order counterfactual consistency reads back), a HolisticBias
// folder, the seeded sample, and the errors that name the file, line and field.
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/data/test-set-file.h"
#include "support/input-error.h"
#include "support/test-data.h"

using namespace srllm;
using testing::HasSubstr;

TEST(TestSetFile, CounterfactualCsvRowsBecomeOriginalThenVariants) {
    test::ScratchDir dir;
    const auto path = test::writeFile(dir, "cf.csv",
                                      "Original,gender_a_man,race_a_Black_person\n"
                                      "The team meets.,A man meets.,\"A Black person, too, meets.\"\n"
                                      "We eat.,A man eats.,A Black person eats.\n");
    const auto set = core::readTestSetFile(path);
    ASSERT_EQ(set.entries.size(), 6u);
    const std::vector<std::string> groups = {"original", "gender/a_man", "race/a_Black_person",
                                             "original", "gender/a_man", "race/a_Black_person"};
    for (size_t i = 0; i < groups.size(); ++i) EXPECT_EQ(set.entries[i].group, groups[i]) << i;
    EXPECT_EQ(set.entries[2].text, "A Black person, too, meets.");
    EXPECT_EQ(set.entries[3].text, "We eat.");
}

TEST(TestSetFile, CounterfactualCsvErrorsNameLineAndColumn) {
    test::ScratchDir dir;
    auto path = test::writeFile(dir, "cf.csv", "Original,gender_a_man,race_a_Black_person\nA.,B.,C.\nD.,,F.\n");
    const auto error = test::catchInputError([&] { core::readTestSetFile(path); });
    ASSERT_TRUE(error);
    EXPECT_THAT(error->what, HasSubstr("cf.csv:3: field 'gender_a_man': is empty"));
    path = test::writeFile(dir, "other.csv", "text,label\nA.,1\n");
    EXPECT_THROW(core::readTestSetFile(path), core::InputError);
}

TEST(TestSetFile, SharedCounterfactualSetHas520SentencesOfElevenTexts) {
    SRLLM_REQUIRE_SHARED(path, "srllm/counterfactual-inhouse.csv");
    const auto set = core::readTestSetFile(path.string());
    ASSERT_EQ(set.entries.size(), 520u * 11u);
    EXPECT_EQ(set.entries[0].group, "original");
    EXPECT_EQ(set.entries[4].group, "race/a_Black_person");
    EXPECT_EQ(set.entries[10].group, "religion/a_Buddhist");
    EXPECT_EQ(set.entries[11].group, "original");
}

TEST(TestSetFile, AFolderIsReadAsHolisticBias) {
    const auto set = core::readTestSetFile((test::sourceDir() / "tests/data/holistic-bias").string());
    EXPECT_EQ(set.entries.size(), 27u);
}

TEST(TestSetFile, SampleIsSeededOrderedAndWithoutRepeats) {
    core::TestSetFile set;
    for (int i = 0; i < 100; ++i) set.entries.push_back({"text " + std::to_string(i), {}, ""});
    auto a = set, b = set, c = set, all = set;
    core::sampleTestSet(a, 10, 7);
    core::sampleTestSet(b, 10, 7);
    core::sampleTestSet(c, 10, 8);
    core::sampleTestSet(all, 0, 7);
    ASSERT_EQ(a.entries.size(), 10u);
    EXPECT_EQ(all.entries.size(), 100u);
    std::vector<std::string> ta, tb, tc;
    for (size_t i = 0; i < 10; ++i) ta.push_back(a.entries[i].text), tb.push_back(b.entries[i].text), tc.push_back(c.entries[i].text);
    EXPECT_EQ(ta, tb);
    EXPECT_NE(ta, tc);
    EXPECT_EQ(std::set<std::string>(ta.begin(), ta.end()).size(), 10u);
    for (size_t i = 1; i < 10; ++i)
        EXPECT_LT(std::stoi(ta[i - 1].substr(5)), std::stoi(ta[i].substr(5))) << "the set's order is kept";
}
