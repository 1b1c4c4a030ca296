#pragma once
// One undoable change to the reviewer's judgement of a comparison: the stored judgement before (none for a
// first verdict) and after. Applying goes through the view, which writes the store and shows that comparison.
#include <cstdint>
#include <functional>
#include <optional>

#include <QUndoCommand>

#include "db/review-queue.h"

namespace srllm::ui {

class ReviewJudgementCommand : public QUndoCommand {
public:
    using Apply = std::function<void(int64_t comparisonId, const std::optional<db::Judgement>& judgement)>;
    ReviewJudgementCommand(const QString& text, Apply apply, int64_t comparisonId, std::optional<db::Judgement> before,
                           db::Judgement after);

    void undo() override { m_apply(m_comparisonId, m_before); }
    void redo() override { m_apply(m_comparisonId, m_after); }

private:
    Apply m_apply;
    int64_t m_comparisonId;
    std::optional<db::Judgement> m_before;
    db::Judgement m_after;
};

}  // namespace srllm::ui
