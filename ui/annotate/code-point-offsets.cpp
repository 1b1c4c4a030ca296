#include "ui/annotate/code-point-offsets.h"

#include <algorithm>

namespace srllm::ui {

int64_t codePointFromUtf16(const QString& text, int pos) {
    pos = std::clamp(pos, 0, int(text.size()));
    int64_t cp = 0;
    for (int i = 0; i < pos; ++i) {
        // A low surrogate completes the pair its high surrogate already counted.
        if (!text.at(i).isLowSurrogate() || i == 0 || !text.at(i - 1).isHighSurrogate()) ++cp;
    }
    return cp;
}

int utf16FromCodePoint(const QString& text, int64_t cp) {
    int pos = 0;
    for (int64_t seen = 0; seen < cp && pos < text.size(); ++seen) {
        const bool pair = text.at(pos).isHighSurrogate() && pos + 1 < text.size() && text.at(pos + 1).isLowSurrogate();
        pos += pair ? 2 : 1;
    }
    return pos;
}

int64_t codePointLength(const QString& text) { return codePointFromUtf16(text, int(text.size())); }

}  // namespace srllm::ui
