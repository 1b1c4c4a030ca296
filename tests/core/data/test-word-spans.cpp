// Tests core/data/word-spans: case-insensitive whole-word search with code-point offsets.
#include <gtest/gtest.h>

#include "core/data/word-spans.h"

using srllm::core::locateWords;

namespace {
std::vector<std::pair<int64_t, int64_t>> pairs(const srllm::core::WordSpans& w) {
    std::vector<std::pair<int64_t, int64_t>> out;
    for (const auto& s : w.spans) out.emplace_back(s.start, s.end);
    return out;
}
}  // namespace

TEST(WordSpans, FindsWordsIgnoringCaseAtWordBoundaries) {
    // "About to go to the ghetto" : 'ghetto' starts at index 19 (Python: s.index('ghetto')).
    const auto r = locateWords("About to go to the Ghetto, old man!", {"ghetto", "OLD MAN"});
    EXPECT_EQ(pairs(r), (std::vector<std::pair<int64_t, int64_t>>{{19, 25}, {27, 34}}));
    EXPECT_TRUE(r.missing.empty());
}

TEST(WordSpans, DoesNotMatchInsideLongerWords) {
    // 'hate' inside 'whatever' and 'hateful' is not a match; the standalone one at index 17 is.
    const auto r = locateWords("whatever hateful hate", {"hate", "ever"});
    EXPECT_EQ(pairs(r), (std::vector<std::pair<int64_t, int64_t>>{{17, 21}}));
    EXPECT_EQ(r.missing, (std::vector<std::string>{"ever"}));
}

TEST(WordSpans, OffsetsAreCodePointsWithAccentsAndCjk) {
    // "Café 中国人 naïve": C a f é ␣ 中 国 人 ␣ n a ï v e -> '中国人' at [5,8), 'NAÏVE' at [9,14).
    const auto r = locateWords("Caf\xC3\xA9 \xE4\xB8\xAD\xE5\x9B\xBD\xE4\xBA\xBA na\xC3\xAFve",
                               {"\xE4\xB8\xAD\xE5\x9B\xBD\xE4\xBA\xBA", "NA\xC3\x8FVE", "caf\xC3\xA9"});
    EXPECT_EQ(pairs(r), (std::vector<std::pair<int64_t, int64_t>>{{5, 8}, {9, 14}, {0, 4}}));
}

TEST(WordSpans, RepeatedWordTakesTheNextOccurrence) {
    const auto r = locateWords("bad, bad idea", {"bad", "bad", "bad"});
    EXPECT_EQ(pairs(r), (std::vector<std::pair<int64_t, int64_t>>{{0, 3}, {5, 8}}));
    EXPECT_EQ(r.missing.size(), 1u);
}

TEST(WordSpans, TrimsListedWordsAndCountsCodePoints) {
    const auto r = locateWords("so mean", {" so mean "});
    EXPECT_EQ(pairs(r), (std::vector<std::pair<int64_t, int64_t>>{{0, 7}}));
    EXPECT_EQ(srllm::core::codePointCount("na\xC3\xAFve \xF0\x9F\x98\x80"), 7);
}
