#include "core/text/utf8-code-points.h"

#include <utf8proc.h>

namespace srllm::core {

namespace {
constexpr char32_t kReplacement = 0xFFFD;
}

std::u32string decodeUtf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t pos = 0;
    const auto size = static_cast<utf8proc_ssize_t>(text.size());
    while (pos < size) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(bytes + pos, size - pos, &cp);
        if (n <= 0) {  // invalid sequence: skip one byte, as Python's errors="replace" does
            out.push_back(kReplacement);
            ++pos;
            continue;
        }
        out.push_back(static_cast<char32_t>(cp));
        pos += n;
    }
    return out;
}

bool isPythonWhitespace(char32_t c) {
    if (c == U' ' || (c >= U'\t' && c <= U'\r') || (c >= 0x1C && c <= 0x1F) || c == 0x85) return true;
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP;
}

std::string encodeUtf8(std::u32string_view codePoints) {
    std::string out;
    out.reserve(codePoints.size());
    utf8proc_uint8_t buffer[4];
    for (char32_t cp : codePoints) {
        auto value = static_cast<utf8proc_int32_t>(cp);
        if (!utf8proc_codepoint_valid(value)) value = kReplacement;
        const utf8proc_ssize_t n = utf8proc_encode_char(value, buffer);
        out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
    }
    return out;
}

}  // namespace srllm::core
