#include "core/tokenizer/pre-tokenizer-regex.h"

#include <array>
#include <string>

#include <utf8proc.h>

namespace srllm::core {
namespace {

constexpr std::string_view kGpt2Regex =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";
constexpr std::string_view kLlama3Regex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr std::string_view kQwen2Regex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

enum class CharClass : uint8_t { Letter, Number, Space, Other };

struct Char {
    char32_t cp;
    CharClass cls;
    uint32_t offset;  // byte offset in the text
};

CharClass classify(char32_t cp) {
    if (isUnicodeLetter(cp)) return CharClass::Letter;
    if (isUnicodeNumber(cp)) return CharClass::Number;
    if (isUnicodeWhiteSpace(cp)) return CharClass::Space;
    return CharClass::Other;
}

const std::array<CharClass, 128>& asciiClasses() {
    static const std::array<CharClass, 128> table = [] {
        std::array<CharClass, 128> t{};
        for (char32_t c = 0; c < 128; ++c) t[c] = classify(c);
        return t;
    }();
    return table;
}

// Decodes text into characters with their classes; a sentinel at the end holds the text size.
void decodeChars(std::string_view text, std::vector<Char>& chars) {
    const auto& ascii = asciiClasses();
    chars.clear();
    size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            chars.push_back({byte, ascii[byte], static_cast<uint32_t>(i)});
            ++i;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                          static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (len <= 0) {
            chars.push_back({0xFFFD, CharClass::Other, static_cast<uint32_t>(i)});
            ++i;
        } else {
            chars.push_back({static_cast<char32_t>(cp), classify(static_cast<char32_t>(cp)), static_cast<uint32_t>(i)});
            i += static_cast<size_t>(len);
        }
    }
    chars.push_back({0, CharClass::Other, static_cast<uint32_t>(text.size())});
}

char32_t lowerAscii(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

// Length in characters of a contraction ('s 't 're 've 'm 'll 'd) at i, or 0.
size_t contractionAt(const std::vector<Char>& c, size_t i, size_t n, bool ignoreCase) {
    if (c[i].cp != '\'' || i + 1 >= n) return 0;
    auto at = [&](size_t k) { return ignoreCase ? lowerAscii(c[k].cp) : c[k].cp; };
    const char32_t a = at(i + 1);
    if (a == 's' || a == 't' || a == 'm' || a == 'd') return 2;
    if (i + 2 >= n) return 0;
    const char32_t b = at(i + 2);
    if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) return 3;
    return 0;
}

size_t runOf(const std::vector<Char>& c, size_t i, size_t n, CharClass cls) {
    while (i < n && c[i].cls == cls) ++i;
    return i;
}

bool isNewline(char32_t cp) { return cp == '\r' || cp == '\n'; }

// The \s+(?!\S) | \s+ tail shared by all patterns: whitespace up to (not including) the last space
// before a non-space, else the whole run.
size_t whitespaceEnd(const std::vector<Char>& c, size_t i, size_t n) {
    const size_t end = runOf(c, i, n, CharClass::Space);
    if (end < n && end - i > 1) return end - 1;
    return end;
}

// One GPT-2 token starting at i; returns its end (in characters).
size_t nextGpt2(const std::vector<Char>& c, size_t i, size_t n) {
    if (size_t k = contractionAt(c, i, n, false)) return i + k;
    const size_t j = (c[i].cp == ' ' && i + 1 < n && c[i + 1].cls != CharClass::Space) ? i + 1 : i;
    if (c[j].cls != CharClass::Space) return runOf(c, j, n, c[j].cls);
    return whitespaceEnd(c, i, n);
}

// One Llama-3 / Qwen2 token starting at i; maxDigits is 3 for Llama 3 and 1 for Qwen2.
size_t nextLlama3(const std::vector<Char>& c, size_t i, size_t n, size_t maxDigits) {
    if (size_t k = contractionAt(c, i, n, true)) return i + k;
    const CharClass cls = c[i].cls;
    const bool canPrefix = cls != CharClass::Letter && cls != CharClass::Number && !isNewline(c[i].cp);
    if (canPrefix && i + 1 < n && c[i + 1].cls == CharClass::Letter) return runOf(c, i + 1, n, CharClass::Letter);
    if (cls == CharClass::Letter) return runOf(c, i, n, CharClass::Letter);
    if (cls == CharClass::Number) {
        size_t j = i;
        while (j < n && j - i < maxDigits && c[j].cls == CharClass::Number) ++j;
        return j;
    }
    const size_t j = (c[i].cp == ' ' && i + 1 < n && c[i + 1].cls == CharClass::Other) ? i + 1 : i;
    if (c[j].cls == CharClass::Other) {
        size_t end = runOf(c, j, n, CharClass::Other);
        while (end < n && isNewline(c[end].cp)) ++end;
        return end;
    }
    // \s*[\r\n]+ : the whitespace run up to and including its last newline.
    const size_t runEnd = runOf(c, i, n, CharClass::Space);
    for (size_t k = runEnd; k > i; --k) {
        if (isNewline(c[k - 1].cp)) return k;
    }
    return whitespaceEnd(c, i, n);
}

}  // namespace

bool isUnicodeLetter(char32_t cp) {
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

bool isUnicodeNumber(char32_t cp) {
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO;
}

bool isUnicodeWhiteSpace(char32_t cp) {
    // The White_Space property (PropList.txt), which \s means in Oniguruma, Rust regex and Python regex.
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

std::optional<SplitPattern> splitPatternFromRegex(std::string_view regex) {
    for (SplitPattern p : {SplitPattern::Gpt2, SplitPattern::Llama3, SplitPattern::Qwen2}) {
        if (regex == splitPatternRegex(p)) return p;
    }
    return std::nullopt;
}

std::string_view splitPatternRegex(SplitPattern pattern) {
    switch (pattern) {
    case SplitPattern::Gpt2: return kGpt2Regex;
    case SplitPattern::Llama3: return kLlama3Regex;
    case SplitPattern::Qwen2: return kQwen2Regex;
    }
    return kGpt2Regex;
}

void splitByPattern(std::string_view text, SplitPattern pattern, std::vector<std::string_view>& out) {
    thread_local std::vector<Char> chars;
    decodeChars(text, chars);
    const size_t n = chars.size() - 1;  // without the sentinel
    size_t i = 0;
    while (i < n) {
        size_t end = 0;
        switch (pattern) {
        case SplitPattern::Gpt2: end = nextGpt2(chars, i, n); break;
        case SplitPattern::Llama3: end = nextLlama3(chars, i, n, 3); break;
        case SplitPattern::Qwen2: end = nextLlama3(chars, i, n, 1); break;
        }
        out.push_back(text.substr(chars[i].offset, chars[end].offset - chars[i].offset));
        i = end;
    }
}

}  // namespace srllm::core
