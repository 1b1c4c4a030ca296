#include "ui/annotate/span-text-view.h"

#include <QMouseEvent>
#include <QTextBlock>

#include "ui/annotate/code-point-offsets.h"
#include "ui/annotate/word-snap.h"

namespace srllm::ui {

SpanTextView::SpanTextView(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    setFont(big);
}

void SpanTextView::setContent(const QString& text, const std::vector<core::Span>& spans) {
    m_text = text;
    m_suggested.clear();
    setPlainText(text);
    setSpans(spans);
}

void SpanTextView::setSpans(const std::vector<core::Span>& spans) {
    m_spans = spans;
    refreshMarks();
}

void SpanTextView::setSuggestedSpans(const std::vector<core::Span>& spans) {
    m_suggested = spans;
    refreshMarks();
}

QTextEdit::ExtraSelection SpanTextView::mark(const core::Span& span, bool suggested) const {
    QTextEdit::ExtraSelection mark;
    mark.cursor = QTextCursor(document());
    mark.cursor.setPosition(utf16FromCodePoint(m_text, span.start));
    mark.cursor.setPosition(utf16FromCodePoint(m_text, span.end), QTextCursor::KeepAnchor);
    if (suggested) {
        mark.format.setUnderlineStyle(QTextCharFormat::DotLine);
        mark.format.setUnderlineColor(QColor(60, 110, 200));
        mark.format.setToolTip(tr("Suggested: a candidate biased word (not marked until you mark it)"));
        return mark;
    }
    mark.format.setBackground(QColor(255, 214, 102));
    mark.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
    mark.format.setUnderlineColor(QColor(204, 102, 0));
    mark.format.setToolTip(tr("Biased words: click to remove"));
    return mark;
}

void SpanTextView::refreshMarks() {
    QList<QTextEdit::ExtraSelection> marks;
    for (const core::Span& span : m_suggested) marks << mark(span, true);  // drawn first, under the marks
    for (const core::Span& span : m_spans) marks << mark(span, false);
    setExtraSelections(marks);
}

std::optional<core::Span> SpanTextView::selectedSpan(bool exact) const {
    // setPlainText keeps the text as is, so document positions are positions in m_text.
    const QTextCursor cursor = textCursor();
    const auto [begin, end] = exact ? trimSelection(m_text, cursor.selectionStart(), cursor.selectionEnd())
                                    : snapToWords(m_text, cursor.selectionStart(), cursor.selectionEnd());
    if (begin >= end) return std::nullopt;
    return core::Span{codePointFromUtf16(m_text, begin), codePointFromUtf16(m_text, end)};
}

void SpanTextView::markSelection(bool exact) {
    const std::optional<core::Span> span = selectedSpan(exact);
    QTextCursor cursor = textCursor();
    cursor.clearSelection();
    setTextCursor(cursor);
    if (span) emit spanMarked(*span);
}

void SpanTextView::mouseReleaseEvent(QMouseEvent* event) {
    QPlainTextEdit::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton) return;
    if (textCursor().hasSelection()) {
        markSelection(event->modifiers().testFlag(Qt::AltModifier));
        return;
    }
    const int index = spanAt(cursorForPosition(event->position().toPoint()).position());
    if (index >= 0) emit spanRemoveRequested(index);
}

int SpanTextView::spanAt(int utf16Pos) const {
    const int64_t cp = codePointFromUtf16(m_text, utf16Pos);
    for (size_t i = 0; i < m_spans.size(); ++i)
        if (cp >= m_spans[i].start && cp < m_spans[i].end) return int(i);
    return -1;
}

}  // namespace srllm::ui
