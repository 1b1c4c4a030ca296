#include "ui/annotate/project-scorer.h"

#include "db/suggestions.h"

namespace srllm::ui {

std::shared_ptr<const core::RiskScorer> ProjectScorer::current(db::Database& db) {
    const std::optional<std::string> folder = db::suggestionScorerFolder(db);
    if (folder == m_folder) return m_scorer;
    m_folder = folder;
    m_scorer.reset();
    m_error.clear();
    if (!folder) return nullptr;
    try {
        m_scorer = std::make_shared<const core::RiskScorer>(core::RiskScorer::load(*folder));
    } catch (const std::exception& e) {
        m_error = QString::fromUtf8(e.what());
    }
    return m_scorer;
}

QString ProjectScorer::takeError() { return std::exchange(m_error, QString()); }

}  // namespace srllm::ui
