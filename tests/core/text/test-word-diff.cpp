// Tests core/text/word-diff: the expected segments below are worked out by hand from the texts.
#include <gtest/gtest.h>

#include "core/text/utf8-code-points.h"
#include "core/text/word-diff.h"

using namespace srllm::core;

namespace {

struct Expected {
    DiffOp op;
    std::string text;
    int64_t oldStart, oldEnd, newStart, newEnd;
};

void expectSegments(const std::vector<DiffSegment>& got, const std::vector<Expected>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
        SCOPED_TRACE("segment " + std::to_string(i));
        EXPECT_EQ(got[i].op, want[i].op);
        EXPECT_EQ(got[i].text, want[i].text);
        EXPECT_EQ(got[i].oldStart, want[i].oldStart);
        EXPECT_EQ(got[i].oldEnd, want[i].oldEnd);
        EXPECT_EQ(got[i].newStart, want[i].newStart);
        EXPECT_EQ(got[i].newEnd, want[i].newEnd);
    }
}

std::vector<std::u32string> tokenStrings(const std::u32string& text) {
    std::vector<std::u32string> out;
    for (const auto& t : diffTokens(text)) out.push_back(text.substr(t.start, t.end - t.start));
    return out;
}

}  // namespace

TEST(WordDiff, ReplacedWordsComeOutAsDeleteThenInsertWithCodePointOffsets) {
    // old: "The "[0,4) "old"[4,7) " man is "[7,15) "lazy"[15,19) "."[19,20)
    // new: "The "[0,4) "elderly"[4,11) " man is "[11,19) "relaxed"[19,26) "."[26,27)
    expectSegments(wordDiff("The old man is lazy.", "The elderly man is relaxed."),
                   {{DiffOp::Equal, "The ", 0, 4, 0, 4},
                    {DiffOp::Delete, "old", 4, 7, 4, 4},
                    {DiffOp::Insert, "elderly", 7, 7, 4, 11},
                    {DiffOp::Equal, " man is ", 7, 15, 11, 19},
                    {DiffOp::Delete, "lazy", 15, 19, 19, 19},
                    {DiffOp::Insert, "relaxed", 19, 19, 19, 26},
                    {DiffOp::Equal, ".", 19, 20, 26, 27}});
}

TEST(WordDiff, OffsetsCountCodePointsNotBytes) {
    // "Café " is 5 code points (6 bytes); "très"[5,9) is deleted, "plutôt"[5,11) inserted.
    expectSegments(wordDiff("Café très bon", "Café plutôt bon"),
                   {{DiffOp::Equal, "Café ", 0, 5, 0, 5},
                    {DiffOp::Delete, "très", 5, 9, 5, 5},
                    {DiffOp::Insert, "plutôt", 9, 9, 5, 11},
                    {DiffOp::Equal, " bon", 9, 13, 11, 15}});
}

TEST(WordDiff, PureInsertionAndDeletion) {
    expectSegments(wordDiff("a b", "a new b"),
                   {{DiffOp::Equal, "a ", 0, 2, 0, 2},
                    {DiffOp::Insert, "new ", 2, 2, 2, 6},
                    {DiffOp::Equal, "b", 2, 3, 6, 7}});
    expectSegments(wordDiff("you stupid idiot", "you idiot"),
                   {{DiffOp::Equal, "you ", 0, 4, 0, 4},
                    {DiffOp::Delete, "stupid ", 4, 11, 4, 4},
                    {DiffOp::Equal, "idiot", 11, 16, 4, 9}});
}

TEST(WordDiff, EdgeCasesEmptyAndIdentical) {
    EXPECT_TRUE(wordDiff("", "").empty());
    expectSegments(wordDiff("same text", "same text"), {{DiffOp::Equal, "same text", 0, 9, 0, 9}});
    expectSegments(wordDiff("", "new"), {{DiffOp::Insert, "new", 0, 0, 0, 3}});
    expectSegments(wordDiff("gone", ""), {{DiffOp::Delete, "gone", 0, 4, 0, 0}});
}

TEST(WordDiff, SegmentsRebuildBothTextsAndTileTheirOffsets) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Women are bad drivers!!", "Some drivers are careless."},
        {"日本語のテキストです。", "日本語の文章です。"},
        {"línea uno\nlínea dos", "línea\tuno\nlínea tres"},
        {"x", "y"},
    };
    for (const auto& [a, b] : cases) {
        SCOPED_TRACE(a + " -> " + b);
        std::string rebuiltOld, rebuiltNew;
        int64_t oldPos = 0, newPos = 0;
        for (const auto& s : wordDiff(a, b)) {
            EXPECT_EQ(s.oldStart, oldPos);
            EXPECT_EQ(s.newStart, newPos);
            const auto len = static_cast<int64_t>(decodeUtf8(s.text).size());
            if (s.op != DiffOp::Insert) { rebuiltOld += s.text; EXPECT_EQ(s.oldEnd - s.oldStart, len); }
            else EXPECT_EQ(s.oldEnd, s.oldStart);
            if (s.op != DiffOp::Delete) { rebuiltNew += s.text; EXPECT_EQ(s.newEnd - s.newStart, len); }
            else EXPECT_EQ(s.newEnd, s.newStart);
            oldPos = s.oldEnd;
            newPos = s.newEnd;
        }
        EXPECT_EQ(rebuiltOld, a);
        EXPECT_EQ(rebuiltNew, b);
    }
}

TEST(WordDiff, TokensAreWordsSpaceRunsAndSinglePunctuation) {
    EXPECT_EQ(tokenStrings(U"don't  stop!!"),
              (std::vector<std::u32string>{U"don", U"'", U"t", U"  ", U"stop", U"!", U"!"}));
    EXPECT_EQ(tokenStrings(U"snake_case 42x"), (std::vector<std::u32string>{U"snake_case", U" ", U"42x"}));
    // Scripts without spaces: one token per character.
    EXPECT_EQ(tokenStrings(U"日本語"), (std::vector<std::u32string>{U"日", U"本", U"語"}));
}
