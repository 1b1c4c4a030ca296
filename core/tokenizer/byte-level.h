#pragma once
// GPT-2's reversible byte <-> printable-character mapping (bytes_to_unicode in openai/gpt-2 encoder.py):
// printable Latin-1 bytes map to themselves, the other 68 bytes to U+0100 onwards, so every byte string
// becomes a string of visible characters that a BPE vocabulary can hold.
#include <array>
#include <string>
#include <string_view>

namespace srllm::core {

// The UTF-8 encoding of the character each byte maps to.
const std::array<std::string, 256>& byteToUnicode();

// Appends the mapped form of bytes to out.
void appendByteLevel(std::string_view bytes, std::string& out);

// Reverses the mapping; a character outside the 256 mapped ones is copied through unchanged.
std::string byteLevelDecode(std::string_view mapped);

// Appends the UTF-8 encoding of a code point.
void appendUtf8(char32_t cp, std::string& out);

// Length of the UTF-8 character starting with this byte (1 for invalid lead bytes).
size_t utf8CharLength(unsigned char lead);

// Replaces invalid UTF-8 sequences by U+FFFD, as a lossy decoder does.
std::string utf8Lossy(std::string_view bytes);

}  // namespace srllm::core
