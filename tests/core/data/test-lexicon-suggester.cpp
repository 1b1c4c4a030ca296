// core/data/lexicon-suggester: whole-word, case-insensitive phrase matches as code-point spans; the
// longest phrase wins; VADER's valence column filters entries (#11 item 4). Offsets counted by hand
// (python3: text.find(word), which counts code points).
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/data/lexicon-suggester.h"
#include "support/test-data.h"

using namespace srllm;

namespace {
std::vector<std::pair<int64_t, int64_t>> spans(const core::Suggestion& s) {
    std::vector<std::pair<int64_t, int64_t>> out;
    for (const auto& span : s.spans) out.emplace_back(span.start, span.end);
    return out;
}
}  // namespace

TEST(LexiconSuggester, MatchesWholeWordsAndPhrasesInCodePoints) {
    test::ScratchDir dir;
    core::LexiconSuggester lexicon(test::writeFile(dir, "words.txt", "# comment\nold people\nold\nÄrger\r\n\n"));
    EXPECT_EQ(lexicon.source(), "lexicon:words.txt");
    EXPECT_EQ(lexicon.entries(), 3u);
    // "old  people" (two spaces) and "OLD people" match the phrase; "oldpeople" is no whole word.
    const auto s = lexicon.suggest("Die Grüße: old  people, OLD people and oldpeople — Ärger!");
    EXPECT_EQ(spans(s), (std::vector<std::pair<int64_t, int64_t>>{{11, 22}, {24, 34}, {51, 56}}));
    EXPECT_TRUE(s.labels.empty());
    EXPECT_FALSE(s.rewrite);
    EXPECT_TRUE(lexicon.suggest("Nothing here, bold folder.").empty());
}

TEST(LexiconSuggester, ValenceColumnKeepsOnlyNegativeEnoughEntries) {
    test::ScratchDir dir;
    const auto path = test::writeFile(dir, "v.txt", "awful\t-2.0\t0.8\t[]\nlove\t3.2\t0.4\t[]\nabhor\t-2.0\t1\t[]\n");
    EXPECT_THROW(core::LexiconSuggester(path, -2.5), core::InputError);  // nothing at or below -2.5
    EXPECT_THROW(core::LexiconSuggester(test::writeFile(dir, "bad.txt", "x\tmany\n"), -1.0), core::InputError);
    core::LexiconSuggester negative(path, -2.0);
    EXPECT_EQ(negative.entries(), 2u);
    EXPECT_EQ(spans(negative.suggest("I love this awful film")), (std::vector<std::pair<int64_t, int64_t>>{{12, 17}}));
}

TEST(LexiconSuggester, EmptyOrMissingLexiconIsAnInputError) {
    test::ScratchDir dir;
    EXPECT_THROW(core::LexiconSuggester(test::writeFile(dir, "e.txt", "# only a comment\n:-)\n")), core::InputError);
    EXPECT_THROW(core::LexiconSuggester((dir / "absent.txt").string()), core::InputError);
}

TEST(LexiconSuggester, FindsLdnoobwPhrasesInRealText) {
    SRLLM_REQUIRE_SHARED(path, "lexicons/ldnoobw_en.txt");
    core::LexiconSuggester lexicon(path.string());
    // 403 lines, two of them the same words apart from punctuation (python3: the set of
    // ' '.join(re.findall(r'\w+', line.lower())) over the lines has 402 members).
    EXPECT_EQ(lexicon.entries(), 402u);
    EXPECT_EQ(spans(lexicon.suggest("He said Alabama Hot Pocket twice, then 2g1c.")),
              (std::vector<std::pair<int64_t, int64_t>>{{8, 26}, {39, 43}}));
}
