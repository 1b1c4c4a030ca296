#include "ui/annotate/span-text-view.h"

#include <QMouseEvent>
#include <QTextBlock>

#include "ui/annotate/code-point-offsets.h"

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
    setPlainText(text);
    setSpans(spans);
}

void SpanTextView::setSpans(const std::vector<core::Span>& spans) {
    m_spans = spans;
    QList<QTextEdit::ExtraSelection> marks;
    for (const core::Span& span : spans) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(document());
        mark.cursor.setPosition(utf16FromCodePoint(m_text, span.start));
        mark.cursor.setPosition(utf16FromCodePoint(m_text, span.end), QTextCursor::KeepAnchor);
        mark.format.setBackground(QColor(255, 214, 102));
        mark.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        mark.format.setUnderlineColor(QColor(204, 102, 0));
        mark.format.setToolTip(tr("Biased words: click to remove"));
        marks << mark;
    }
    setExtraSelections(marks);
}

std::optional<core::Span> SpanTextView::selectedSpan() const {
    // setPlainText keeps the text as is, so document positions are positions in m_text.
    const QTextCursor cursor = textCursor();
    int begin = cursor.selectionStart();
    int end = cursor.selectionEnd();
    while (begin < end && m_text.at(begin).isSpace()) ++begin;
    while (end > begin && m_text.at(end - 1).isSpace()) --end;
    if (begin >= end) return std::nullopt;
    return core::Span{codePointFromUtf16(m_text, begin), codePointFromUtf16(m_text, end)};
}

void SpanTextView::markSelection() {
    const std::optional<core::Span> span = selectedSpan();
    QTextCursor cursor = textCursor();
    cursor.clearSelection();
    setTextCursor(cursor);
    if (span) emit spanMarked(*span);
}

void SpanTextView::mouseReleaseEvent(QMouseEvent* event) {
    QPlainTextEdit::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton) return;
    if (textCursor().hasSelection()) {
        markSelection();
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
