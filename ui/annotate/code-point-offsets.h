#pragma once
// QString positions count UTF-16 code units; the store counts Unicode code points (db-contract.md), so
// an emoji is 2 positions in a QTextCursor but 1 in a span. Pure functions, any thread.
#include <cstdint>

#include <QString>

namespace srllm::ui {

// Code points before UTF-16 position pos (clamped to the text); a position inside a surrogate pair
// counts the pair as before it.
int64_t codePointFromUtf16(const QString& text, int pos);

// UTF-16 position of code point offset cp (clamped to the text length).
int utf16FromCodePoint(const QString& text, int64_t cp);

// Number of code points in the text.
int64_t codePointLength(const QString& text);

}  // namespace srllm::ui
