#pragma once
// UTF-8 <-> Unicode code points. Span offsets in the project are code-point offsets (as Python str
// indices), so every text metric and diff works on decoded code points, never on bytes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace srllm::core {

// Decodes UTF-8; each invalid byte becomes U+FFFD so offsets stay defined for damaged input.
std::u32string decodeUtf8(std::string_view text);

// Encodes code points as UTF-8 (code points that are not valid scalars become U+FFFD).
std::string encodeUtf8(std::u32string_view codePoints);

// Python's str.isspace(): the separators of str.split(), which sacrebleu and VADER split on.
bool isPythonWhitespace(char32_t c);

}  // namespace srllm::core
