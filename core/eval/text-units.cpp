#include "core/eval/text-units.h"

#include <utf8proc.h>

#include "core/text/utf8-code-points.h"

namespace srllm::core {

namespace {

bool isWordChar(char32_t c) {
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

bool isJoiner(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'-'; }
bool isTerminator(char32_t c) { return c == U'.' || c == U'!' || c == U'?'; }

}  // namespace

TextUnits splitTextUnits(std::string_view text) {
    const std::u32string codes = decodeUtf8(text);
    TextUnits units;
    bool wordsSinceLastEnd = false;
    std::u32string word;
    int64_t wordLength = 0;
    auto flushWord = [&] {
        if (word.empty()) return;
        units.words.push_back(encodeUtf8(word));
        units.wordLengths.push_back(wordLength);
        units.characters += wordLength;
        word.clear();
        wordLength = 0;
        wordsSinceLastEnd = true;
    };
    for (size_t i = 0; i < codes.size(); ++i) {
        const char32_t c = codes[i];
        if (isWordChar(c)) {
            word.push_back(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))));
            ++wordLength;
            continue;
        }
        if (isJoiner(c) && !word.empty() && i + 1 < codes.size() && isWordChar(codes[i + 1])) {
            word.push_back(c == U'\u2019' ? U'\'' : c);
            continue;
        }
        flushWord();
        if (isTerminator(c) && wordsSinceLastEnd) {
            size_t j = i;
            while (j + 1 < codes.size() && isTerminator(codes[j + 1])) ++j;
            if (j + 1 == codes.size() || isPythonWhitespace(codes[j + 1])) {
                ++units.sentences;
                wordsSinceLastEnd = false;
            }
            i = j;
        }
    }
    flushWord();
    if (wordsSinceLastEnd) ++units.sentences;
    return units;
}

int64_t firstInvalidUtf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const auto size = static_cast<utf8proc_ssize_t>(text.size());
    utf8proc_ssize_t pos = 0;
    while (pos < size) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(bytes + pos, size - pos, &cp);
        if (n <= 0) return pos;
        pos += n;
    }
    return -1;
}

}  // namespace srllm::core
