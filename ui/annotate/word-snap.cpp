#include "ui/annotate/word-snap.h"

namespace srllm::ui {

namespace {

uint codePointAt(const QString& text, int pos) {
    const QChar c = text.at(pos);
    if (c.isHighSurrogate() && pos + 1 < text.size() && text.at(pos + 1).isLowSurrogate())
        return QChar::surrogateToUcs4(c, text.at(pos + 1));
    if (c.isLowSurrogate() && pos > 0 && text.at(pos - 1).isHighSurrogate())
        return QChar::surrogateToUcs4(text.at(pos - 1), c);
    return c.unicode();
}

bool isWordCodePoint(uint cp) {
    return cp == '_' || QChar::isLetterOrNumber(cp) || QChar::isMark(cp);
}

// Chinese and Japanese write words without spaces: each character stands alone, so a selection in them
// is never widened to the whole run.
bool standsAlone(uint cp) {
    const QChar::Script script = QChar::script(cp);
    return script == QChar::Script_Han || script == QChar::Script_Hiragana || script == QChar::Script_Katakana;
}

// Two adjacent positions belong to one word.
bool joined(const QString& text, int left, int right) {
    return isWordCharAt(text, left) && isWordCharAt(text, right) && !standsAlone(codePointAt(text, left)) &&
           !standsAlone(codePointAt(text, right));
}

}  // namespace

bool isWordCharAt(const QString& text, int pos) {
    if (pos < 0 || pos >= text.size()) return false;
    const uint cp = codePointAt(text, pos);
    if (cp == '\'' || cp == 0x2019)  // "don't", "people’s": one word
        return pos > 0 && pos + 1 < text.size() && isWordCodePoint(codePointAt(text, pos - 1)) &&
               isWordCodePoint(codePointAt(text, pos + 1));
    return isWordCodePoint(cp);
}

std::pair<int, int> trimSelection(const QString& text, int begin, int end) {
    while (begin < end && text.at(begin).isSpace()) ++begin;
    while (end > begin && text.at(end - 1).isSpace()) --end;
    return {begin, end};
}

std::pair<int, int> snapToWords(const QString& text, int begin, int end) {
    std::tie(begin, end) = trimSelection(text, begin, end);
    if (begin >= end) return {begin, begin};
    while (begin > 0 && joined(text, begin - 1, begin)) --begin;
    while (end < text.size() && joined(text, end - 1, end)) ++end;
    return {begin, end};
}

}  // namespace srllm::ui
