#pragma once
// The item text, read-only, with the biased-word spans highlighted and suggested words (a lexicon, a
// scorer) underlined with dots. Selecting text (mouse, or Shift+arrows then the "mark span" action)
// proposes a span that snaps to whole words; holding Alt while releasing the mouse (or the "mark exact"
// action) keeps the exact characters. Clicking inside a span asks to remove it. Offsets in and out are
// code points (db-contract.md); the UTF-16 conversion happens here and nowhere else.
#include <optional>
#include <vector>

#include <QPlainTextEdit>

#include "core/data/import-record.h"

namespace srllm::ui {

class SpanTextView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit SpanTextView(QWidget* parent = nullptr);

    void setContent(const QString& text, const std::vector<core::Span>& spans);
    void setSpans(const std::vector<core::Span>& spans);
    // Suggested words, drawn under the marked spans (dotted underline).
    void setSuggestedSpans(const std::vector<core::Span>& spans);

    // The selection snapped to whole words (exact: only trimmed of whitespace), as a code-point span;
    // nullopt when empty.
    std::optional<core::Span> selectedSpan(bool exact = false) const;

public slots:
    // Emits spanMarked for the current selection (if any) and clears it.
    void markSelection(bool exact = false);

signals:
    void spanMarked(const srllm::core::Span& span);
    void spanRemoveRequested(int index);

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    int spanAt(int utf16Pos) const;
    void refreshMarks();
    QTextEdit::ExtraSelection mark(const core::Span& span, bool suggested) const;

    QString m_text;
    std::vector<core::Span> m_spans;
    std::vector<core::Span> m_suggested;
};

}  // namespace srllm::ui
