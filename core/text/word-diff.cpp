#include "core/text/word-diff.h"

#include <dtl/dtl.hpp>
#include <utf8proc.h>

#include "core/text/utf8-code-points.h"

namespace srllm::core {

namespace {

enum class CharClass { Word, Space, Single };

bool isUnspacedScript(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF)       // hiragana, katakana
           || (c >= 0x3400 && c <= 0x4DBF)    // CJK extension A
           || (c >= 0x4E00 && c <= 0x9FFF)    // CJK unified ideographs
           || (c >= 0xF900 && c <= 0xFAFF)    // CJK compatibility ideographs
           || (c >= 0x20000 && c <= 0x3FFFF)  // CJK extensions B and later
           || (c >= 0x0E00 && c <= 0x0E7F);   // Thai
}

CharClass classify(char32_t c) {
    if (isUnspacedScript(c)) return CharClass::Single;
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_PC:
        return CharClass::Word;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return CharClass::Space;
    default:
        return (c == U'\t' || c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f') ? CharClass::Space
                                                                                   : CharClass::Single;
    }
}

std::vector<std::u32string> tokenTexts(std::u32string_view text, const std::vector<DiffToken>& tokens) {
    std::vector<std::u32string> out;
    out.reserve(tokens.size());
    for (const auto& t : tokens)
        out.emplace_back(text.substr(static_cast<size_t>(t.start), static_cast<size_t>(t.end - t.start)));
    return out;
}

}  // namespace

std::vector<DiffToken> diffTokens(std::u32string_view text) {
    std::vector<DiffToken> tokens;
    const auto n = static_cast<int64_t>(text.size());
    int64_t i = 0;
    while (i < n) {
        const CharClass cls = classify(text[static_cast<size_t>(i)]);
        int64_t j = i + 1;
        if (cls != CharClass::Single)
            while (j < n && classify(text[static_cast<size_t>(j)]) == cls) ++j;
        tokens.push_back({i, j});
        i = j;
    }
    return tokens;
}

std::vector<DiffSegment> wordDiff(std::string_view oldText, std::string_view newText) {
    const std::u32string oldCodes = decodeUtf8(oldText);
    const std::u32string newCodes = decodeUtf8(newText);
    const auto oldTokens = diffTokens(oldCodes);
    const auto newTokens = diffTokens(newCodes);
    // deletesFirst = true: a replaced word reads "old, then new", the order the editor colours it in.
    dtl::Diff<std::u32string> diff(tokenTexts(oldCodes, oldTokens), tokenTexts(newCodes, newTokens), true);
    diff.compose();

    std::vector<DiffSegment> segments;
    size_t oldIndex = 0;
    size_t newIndex = 0;
    int64_t oldPos = 0;
    int64_t newPos = 0;
    for (const auto& [token, info] : diff.getSes().getSequence()) {
        const DiffOp op = info.type == dtl::SES_COMMON ? DiffOp::Equal
                          : info.type == dtl::SES_ADD  ? DiffOp::Insert
                                                       : DiffOp::Delete;
        if (segments.empty() || segments.back().op != op)
            segments.push_back({op, {}, oldPos, oldPos, newPos, newPos});
        DiffSegment& seg = segments.back();
        if (op != DiffOp::Insert) {
            oldPos = oldTokens[oldIndex++].end;
            seg.oldEnd = oldPos;
        }
        if (op != DiffOp::Delete) {
            newPos = newTokens[newIndex++].end;
            seg.newEnd = newPos;
        }
        seg.text += encodeUtf8(token);
    }
    return segments;
}

const char* diffOpName(DiffOp op) {
    switch (op) {
    case DiffOp::Equal: return "equal";
    case DiffOp::Insert: return "insert";
    case DiffOp::Delete: return "delete";
    }
    return "equal";
}

}  // namespace srllm::core
