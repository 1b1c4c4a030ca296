#pragma once
// Span selection that snaps to whole words: a selection that starts or ends inside a word takes the whole
// word (annotators mark words, not letters; the paper's biased words are whole words). Han, Hiragana and
// Katakana characters count as words of their own (those scripts put no spaces between words).
// Whitespace at the edges is dropped. Positions are UTF-16 (QString) positions. Pure functions, any thread.
#include <utility>

#include <QString>

namespace srllm::ui {

// A letter, mark, digit, '_' (as core's whole-word matching), or an apostrophe between two of them.
bool isWordCharAt(const QString& text, int pos);

// [begin, end) widened to word boundaries and trimmed of surrounding whitespace; begin == end when the
// selection holds only whitespace.
std::pair<int, int> snapToWords(const QString& text, int begin, int end);

// Only trimmed of surrounding whitespace: the "exact characters" selection (with the modifier key held).
std::pair<int, int> trimSelection(const QString& text, int begin, int end);

}  // namespace srllm::ui
