#pragma once
// The project's risk scorer (db::suggestionScorerFolder), loaded once per folder and shared by the
// Annotate view's suggested risk labels and the rewrite editor's live toxicity. Loading reads a 16 MiB
// weights file (about 0.4 s, once per folder); scoring a text takes ~30 us. Threading: GUI thread only.
#include <memory>
#include <optional>
#include <string>

#include <QString>

#include "core/eval/risk-scorer.h"

namespace srllm::db {
class Database;
}

namespace srllm::ui {

class ProjectScorer {
public:
    // The scorer of the folder set in the project now, loaded when the folder is new; null when none is
    // set or it cannot be loaded (error() then says why; it is reported once per folder).
    std::shared_ptr<const core::RiskScorer> current(db::Database& db);
    // The load error of the folder set now, returned once; empty otherwise.
    QString takeError();

private:
    std::optional<std::string> m_folder;
    std::shared_ptr<const core::RiskScorer> m_scorer;
    QString m_error;
};

}  // namespace srllm::ui
