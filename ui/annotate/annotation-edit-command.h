#pragma once
// One undoable change to an annotation: the state before and after, applied through AnnotationDraft so
// the store and the widgets follow. Undo brings back the item it belongs to if another one is shown.
// Consecutive rewrite keystrokes on one item merge into one command.
#include <cstdint>

#include <QUndoCommand>

#include "ui/annotate/annotation-draft.h"

namespace srllm::ui {

class AnnotationEditCommand : public QUndoCommand {
public:
    AnnotationEditCommand(AnnotationDraft* draft, int64_t itemId, AnnotationDraft::EditKind kind,
                          const QString& text, AnnotationState before, AnnotationState after);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    AnnotationDraft* m_draft;
    int64_t m_itemId;
    AnnotationDraft::EditKind m_kind;
    AnnotationState m_before;
    AnnotationState m_after;
    qint64 m_lastEditMs;  // keystrokes further apart than a pause become separate undo steps
};

}  // namespace srllm::ui
