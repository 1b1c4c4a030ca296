// Golden splits from tests/data/pre-tokenizer-reference.py (Python `regex` module, the reference for \p{L}).
#include <gtest/gtest.h>

#include "core/tokenizer/pre-tokenizer-regex.h"
#include "golden-tsv.h"

using namespace srllm::core;

namespace {

std::vector<int64_t> pieceLengths(const std::string& text, SplitPattern pattern) {
    std::vector<std::string_view> pieces;
    splitByPattern(text, pattern, pieces);
    std::vector<int64_t> lengths;
    for (auto p : pieces) lengths.push_back(static_cast<int64_t>(p.size()));
    return lengths;
}

}  // namespace

TEST(PreTokenizerRegex, MatchesPythonRegexOnGoldenTexts) {
    const auto rows = srllm::test::readGoldenTsv("pre-tokenizer-golden.tsv");
    ASSERT_GE(rows.size(), 45u) << "tests/data/pre-tokenizer-golden.tsv missing or short";
    for (const auto& row : rows) {
        ASSERT_EQ(row.size(), 3u);
        const SplitPattern pattern = row[0] == "gpt2" ? SplitPattern::Gpt2
                                     : row[0] == "llama3" ? SplitPattern::Llama3
                                                          : SplitPattern::Qwen2;
        const std::string text = srllm::test::unescapeGolden(row[1]);
        EXPECT_EQ(pieceLengths(text, pattern), srllm::test::parseNumbers(row[2])) << row[0] << ": " << row[1];
    }
}

TEST(PreTokenizerRegex, RecognisesTheTokenizerJsonRegexStrings) {
    for (SplitPattern p : {SplitPattern::Gpt2, SplitPattern::Llama3, SplitPattern::Qwen2}) {
        EXPECT_EQ(splitPatternFromRegex(splitPatternRegex(p)), p);
    }
    EXPECT_FALSE(splitPatternFromRegex(R"(\w+|[^\w\s]+)").has_value());
}

TEST(PreTokenizerRegex, InvalidUtf8BytesAreKeptAsOtherCharacters) {
    const std::string text = "ab\xff\xfe cd";
    std::vector<std::string_view> pieces;
    splitByPattern(text, SplitPattern::Gpt2, pieces);
    // "ab" | "\xff\xfe" (a run of "other") | " cd"
    ASSERT_EQ(pieces.size(), 3u);
    EXPECT_EQ(pieces[1], "\xff\xfe");
    EXPECT_EQ(pieces[2], " cd");
}

TEST(PreTokenizerRegex, EmptyTextGivesNoPieces) {
    std::vector<std::string_view> pieces;
    splitByPattern("", SplitPattern::Llama3, pieces);
    EXPECT_TRUE(pieces.empty());
}
