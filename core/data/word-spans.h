#pragma once
// Finds listed words in a text as code-point spans: case-insensitive, whole words only.
// Used to turn the SR_LLM CSVs' biased_words lists into annotation spans.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/import-record.h"

namespace srllm::core {

struct WordSpans {
    std::vector<Span> spans;           // one per word found, in list order
    std::vector<std::string> missing;  // words not found in the text
};

// Each word (trimmed) is matched at its first occurrence not already taken by an earlier equal
// word, ignoring case (per code point, so offsets stay those of `text`). A match must not touch a
// letter, digit or '_' on either side. Offsets are Unicode code points, [start, end).
WordSpans locateWords(std::string_view text, const std::vector<std::string>& words);

// Lower-cased code points of UTF-8 text, one per input code point (invalid bytes become U+FFFD), so
// positions stay code-point offsets of the original.
std::u32string lowerCodePoints(std::string_view text);
// A letter, mark, digit or '_': what a whole-word match must not touch.
bool isWordChar(char32_t cp);

// The number of code points in valid UTF-8 text.
int64_t codePointCount(std::string_view text);

}  // namespace srllm::core
