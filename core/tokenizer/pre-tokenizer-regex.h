#pragma once
// Hand-written scanners equivalent to the pre-tokenizer regexes of GPT-2, Llama 3 and Qwen2.
// std::regex has no \p{L}; these follow the regex semantics (leftmost alternative, greedy, backtracking
// of \s+(?!\S)) with Unicode classes from utf8proc. \s is the Unicode White_Space property.
#include <optional>
#include <string_view>
#include <vector>

namespace srllm::core {

enum class SplitPattern {
    Gpt2,    // 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
    Llama3,  // (?i:'s|…)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
    Qwen2,   // as Llama3 but \p{N} one digit at a time
};

// The pattern a tokenizer.json Split regex string denotes; nullopt for a regex without a scanner.
std::optional<SplitPattern> splitPatternFromRegex(std::string_view regex);

// The regex source of a pattern, as written in tokenizer.json.
std::string_view splitPatternRegex(SplitPattern pattern);

// Appends the consecutive pieces of text (together covering all of it) to out.
// Invalid UTF-8 bytes count as one "other" character each.
void splitByPattern(std::string_view text, SplitPattern pattern, std::vector<std::string_view>& out);

// Unicode classes used by the scanners (exposed for the Digits pre-tokenizer and tests).
bool isUnicodeLetter(char32_t cp);
bool isUnicodeNumber(char32_t cp);
bool isUnicodeWhiteSpace(char32_t cp);

}  // namespace srllm::core
