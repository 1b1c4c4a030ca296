#pragma once
// Word-level diff of two texts for the rewrite editor: which words were kept, deleted or inserted.
// Tokens are words, whitespace runs and single punctuation marks (see diffTokens); the edit script is
// the shortest one (Wu-Manber-Myers O(NP), from Debian's header-only libdtl). Pure function, any thread.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace srllm::core {

enum class DiffOp { Equal, Insert, Delete };

// One run of consecutive tokens with the same op. Offsets are code points, [start, end): an Insert has
// oldStart == oldEnd (where it goes in the old text), a Delete has newStart == newEnd.
struct DiffSegment {
    DiffOp op = DiffOp::Equal;
    std::string text;  // UTF-8, from the old text for Equal/Delete, from the new text for Insert
    int64_t oldStart = 0;
    int64_t oldEnd = 0;
    int64_t newStart = 0;
    int64_t newEnd = 0;
};

struct DiffToken {
    int64_t start = 0;  // code points, [start, end)
    int64_t end = 0;
};

// Splits into tokens that cover the text without gaps: a word (letters, digits, marks, '_'), a run of
// whitespace, or one other code point. Characters of scripts written without spaces (CJK, kana, Thai)
// are one token each, so a Chinese sentence does not become one giant "word".
std::vector<DiffToken> diffTokens(std::u32string_view text);

// Segments in reading order; a replacement comes out as Delete then Insert. Concatenating the
// Equal+Delete texts gives oldText, the Equal+Insert texts give newText.
std::vector<DiffSegment> wordDiff(std::string_view oldText, std::string_view newText);

// Short name of an op ("equal", "insert", "delete") for JSON and logs.
const char* diffOpName(DiffOp op);

}  // namespace srllm::core
