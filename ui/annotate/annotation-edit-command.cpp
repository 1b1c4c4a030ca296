#include "ui/annotate/annotation-edit-command.h"

#include <QDateTime>

namespace srllm::ui {

namespace {
constexpr int kRewriteMergeId = 0x5271;  // any fixed id: only rewrite edits merge
constexpr qint64 kTypingPauseMs = 1500;
}

AnnotationEditCommand::AnnotationEditCommand(AnnotationDraft* draft, int64_t itemId, AnnotationDraft::EditKind kind,
                                             const QString& text, AnnotationState before, AnnotationState after)
    : QUndoCommand(text), m_draft(draft), m_itemId(itemId), m_kind(kind), m_before(std::move(before)),
      m_after(std::move(after)), m_lastEditMs(QDateTime::currentMSecsSinceEpoch()) {}

void AnnotationEditCommand::undo() { m_draft->apply(m_itemId, m_before); }

void AnnotationEditCommand::redo() { m_draft->apply(m_itemId, m_after); }

int AnnotationEditCommand::id() const { return m_kind == AnnotationDraft::EditKind::Rewrite ? kRewriteMergeId : -1; }

bool AnnotationEditCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const AnnotationEditCommand*>(other);
    if (next->m_itemId != m_itemId || next->m_draft != m_draft) return false;
    if (next->m_lastEditMs - m_lastEditMs > kTypingPauseMs) return false;
    m_after = next->m_after;
    m_lastEditMs = next->m_lastEditMs;
    return true;
}

}  // namespace srllm::ui
