#include "ui/review/review-judgement-command.h"

namespace srllm::ui {

ReviewJudgementCommand::ReviewJudgementCommand(const QString& text, Apply apply, int64_t comparisonId,
                                               std::optional<db::Judgement> before, db::Judgement after)
    : QUndoCommand(text), m_apply(std::move(apply)),
      m_comparisonId(comparisonId), m_before(std::move(before)), m_after(std::move(after)) {}

}  // namespace srllm::ui
