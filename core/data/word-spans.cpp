#include "core/data/word-spans.h"

#include <set>

#include <utf8proc.h>

namespace srllm::core {

std::u32string lowerCodePoints(std::string_view text) {
    std::u32string out;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {
            cp = 0xFFFD;
            n = 1;
        }
        out.push_back(static_cast<char32_t>(utf8proc_tolower(cp)));
        p += n;
        left -= n;
    }
    return out;
}

bool isWordChar(char32_t cp) {
    if (cp == U'_') return true;
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
        case UTF8PROC_CATEGORY_NO:
            return true;
        default:
            return false;
    }
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

int64_t codePointCount(std::string_view text) {
    int64_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

WordSpans locateWords(std::string_view text, const std::vector<std::string>& words) {
    WordSpans result;
    const std::u32string hay = lowerCodePoints(text);
    std::set<int64_t> taken;  // starts already given to an earlier word
    for (const auto& word : words) {
        const std::u32string needle = lowerCodePoints(trim(word));
        bool found = false;
        for (size_t at = needle.empty() ? std::u32string::npos : hay.find(needle); at != std::u32string::npos;
             at = hay.find(needle, at + 1)) {
            const size_t end = at + needle.size();
            const bool leftOk = at == 0 || !isWordChar(needle.front()) || !isWordChar(hay[at - 1]);
            const bool rightOk = end == hay.size() || !isWordChar(needle.back()) || !isWordChar(hay[end]);
            if (!leftOk || !rightOk || taken.count(static_cast<int64_t>(at))) continue;
            taken.insert(static_cast<int64_t>(at));
            result.spans.push_back({static_cast<int64_t>(at), static_cast<int64_t>(end)});
            found = true;
            break;
        }
        if (!found) result.missing.push_back(word);
    }
    return result;
}

}  // namespace srllm::core
