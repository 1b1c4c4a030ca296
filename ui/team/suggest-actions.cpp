#include "ui/team/suggest-actions.h"

#include <functional>
#include <memory>
#include <optional>

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>

#include "core/data/lexicon-suggester.h"
#include "core/eval/scorer-suggester.h"
#include "db/item-browse-query.h"
#include "db/project.h"
#include "db/suggestions.h"
#include "ui/project-session.h"
#include "ui/task-progress-dialog.h"

namespace srllm::ui {

namespace {

using MakeSuggester = std::function<std::unique_ptr<core::Suggester>(db::Project&)>;

struct RunCounts {
    int64_t stored = 0;
    size_t items = 0;
};

// Runs the suggester `make` builds (on the worker thread) over every item; nullopt when cancelled or
// failed (the dialog has said why).
std::optional<RunCounts> runOverItems(QWidget* parent, ProjectSession* session, const QString& message,
                                      MakeSuggester make) {
    auto counts = std::make_shared<RunCounts>();
    TaskProgressDialog progress(
        session, message,
        [=](db::Project& project, const core::ProgressCallback& callback) {
            const auto suggester = make(project);
            const auto items = db::browseItemIds(project.db(), {});
            counts->items = items.size();
            counts->stored = db::suggestForItems(project.db(), *suggester, items, callback);
            return BackgroundTask::Done();
        },
        parent);
    if (!progress.runToEnd()) return std::nullopt;
    return *counts;
}

}  // namespace

void suggestFromWordList(QWidget* parent, ProjectSession* session, const QString& chosen) {
    const QString path = chosen.isEmpty() ? QFileDialog::getOpenFileName(parent, QObject::tr("Word list"), QString(),
                                                                         QObject::tr("Word lists (*.txt *.tsv);;All files (*)"))
                                          : chosen;
    if (path.isEmpty()) return;
    const auto counts = runOverItems(parent, session, QObject::tr("Looking for the listed words in every item…"),
                                     [path](db::Project&) -> std::unique_ptr<core::Suggester> {
                                         return std::make_unique<core::LexiconSuggester>(path.toStdString());
                                     });
    if (counts)
        QMessageBox::information(parent, QObject::tr("Suggestions"),
                                 QObject::tr("Candidate words found in %1 of %2 item(s). Annotators see them "
                                             "underlined as suggestions, never as their labels.")
                                     .arg(counts->stored).arg(counts->items));
}

void suggestWithScorer(QWidget* parent, ProjectSession* session, const QString& chosen) {
    const QString folder = chosen.isEmpty() ? QFileDialog::getExistingDirectory(parent, QObject::tr("Risk scorer folder"))
                                            : chosen;
    if (folder.isEmpty()) return;
    const std::string path = QDir(folder).absolutePath().toStdString();
    const auto counts = runOverItems(parent, session, QObject::tr("Scoring every item with the risk scorer…"),
                                     [path](db::Project&) -> std::unique_ptr<core::Suggester> {
                                         return std::make_unique<core::ScorerSuggester>(
                                             std::make_shared<const core::RiskScorer>(core::RiskScorer::load(path)));
                                     });
    if (!counts) return;
    try {
        db::setSuggestionScorerFolder(session->db(), path);  // only once it has loaded and run
    } catch (const std::exception& e) {
        QMessageBox::warning(parent, QObject::tr("Suggestions"), QString::fromUtf8(e.what()));
        return;
    }
    QMessageBox::information(parent, QObject::tr("Suggestions"),
                             QObject::tr("Suggested risk labels for %1 of %2 item(s). Annotators see them as "
                                         "suggestions, never as their labels; items imported later are scored "
                                         "when first shown.")
                                 .arg(counts->stored).arg(counts->items));
}

}  // namespace srllm::ui
