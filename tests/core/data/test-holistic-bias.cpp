// HolisticBias built from its folder: the tiny fixture in tests/data/holistic-bias (27 sentences counted
// by hand: 2 nouns x 2 templates, each descriptor alone in the template without a noun and with each noun
// of its gender in both, a standalone phrase with a noun twice per noun, one without in one template) and
// the real v1.1 folder, each against golden-counts-*.json made by the Python script beside them.
#include <fstream>
#include <map>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"
#include "core/data/holistic-bias.h"
#include "support/input-error.h"
#include "support/test-data.h"

using namespace srllm;
using testing::HasSubstr;

namespace {

const std::filesystem::path kTiny = "tests/data/holistic-bias";

void expectGolden(const std::vector<core::TestSetEntry>& sentences, const std::string& goldenName) {
    std::ifstream in(test::sourceDir() / kTiny / goldenName);
    const auto golden = nlohmann::json::parse(in);
    EXPECT_EQ(static_cast<int64_t>(sentences.size()), golden["total"].get<int64_t>());
    std::map<std::string, int64_t> counts;
    std::set<std::string> texts;
    for (const auto& s : sentences) {
        ++counts[s.group];
        texts.insert(s.text);
    }
    EXPECT_EQ(nlohmann::json(counts), golden["groups"]);
    for (const auto& text : golden["some_sentences"]) EXPECT_TRUE(texts.contains(text.get<std::string>())) << text;
}

}  // namespace

TEST(HolisticBias, TinyFolderCountsAndSentencesByHand) {
    const auto sentences = core::holisticBiasSentences(test::sourceDir() / kTiny);
    expectGolden(sentences, "golden-counts-tiny.json");
    std::set<std::string> texts;
    for (const auto& s : sentences) texts.insert(s.text);
    EXPECT_TRUE(texts.contains("I'm an old woman.")) << "the descriptor's own article";
    EXPECT_TRUE(texts.contains("I like men who use wheelchairs.")) << "a plural standalone phrase drops the article";
    EXPECT_FALSE(texts.contains("I like a wheelchair user.")) << "a phrase without a noun skips must_be_noun templates";
    EXPECT_FALSE(texts.contains("I'm an elderly man.")) << "a female descriptor takes female nouns only";
}

TEST(HolisticBias, SharedV11FolderMatchesTheReferenceCounts) {
    SRLLM_REQUIRE_SHARED(folder, "holistic_bias/descriptors.json");
    expectGolden(core::holisticBiasSentences(folder.parent_path()), "golden-counts-shared.json");
}

TEST(HolisticBias, MissingOrMalformedFilesNameTheFileAndField) {
    test::ScratchDir dir;
    for (const char* name : {"nouns.json", "descriptors.json", "standalone_noun_phrases.json", "sentence_templates.json"})
        std::filesystem::copy_file(test::sourceDir() / kTiny / name, dir / name);
    std::filesystem::remove(dir / "sentence_templates.json");
    EXPECT_THROW(core::holisticBiasSentences(dir.path()), core::InputError);
    test::writeFile(dir, "sentence_templates.json", R"({"I am here.": {}})");
    auto error = test::catchInputError([&] { core::holisticBiasSentences(dir.path()); });
    ASSERT_TRUE(error);
    EXPECT_THAT(error->what, HasSubstr("sentence_templates.json"));
    EXPECT_THAT(error->what, HasSubstr("neither {noun_phrase} nor {plural_noun_phrase}"));
    test::writeFile(dir, "sentence_templates.json", R"({"I'm {noun_phrase}.": {"must_be_noun": "yes"}})");
    error = test::catchInputError([&] { core::holisticBiasSentences(dir.path()); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->diagnostic.field, "I'm {noun_phrase}..must_be_noun");
    test::writeFile(dir, "sentence_templates.json", R"({"I'm {noun_phrase}.": {}})");
    test::writeFile(dir, "nouns.json", R"({"female": [["woman"]]})");
    error = test::catchInputError([&] { core::holisticBiasSentences(dir.path()); });
    ASSERT_TRUE(error);
    EXPECT_THAT(error->what, HasSubstr("nouns.json"));
    EXPECT_EQ(error->diagnostic.field, "female");
}
