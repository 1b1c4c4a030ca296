#pragma once
// Words and sentences as the readability formulas count them. A word is a maximal run of letters,
// marks and digits, with apostrophes and hyphens kept when letters stand on both sides ("don't",
// "well-known"); a sentence ends at a run of . ! ? followed by white space or the end, and a text with
// words but no such ending is one sentence. Pure, any thread; invalid UTF-8 bytes count as U+FFFD.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace srllm::core {

struct TextUnits {
    std::vector<std::string> words;  // lowercased (simple case mapping), UTF-8
    std::vector<int64_t> wordLengths;  // code points per word, letters and digits only
    int64_t sentences = 0;
    int64_t characters = 0;  // letters and digits in words (the "characters" of ARI and Coleman-Liau)
};

TextUnits splitTextUnits(std::string_view text);

// Byte offset of the first invalid UTF-8 sequence, or -1 when the text is valid.
int64_t firstInvalidUtf8(std::string_view text);

}  // namespace srllm::core
