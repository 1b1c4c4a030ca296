#include "ui/team/word-list-suggestions.h"

#include <memory>

#include <QFileDialog>
#include <QMessageBox>

#include "core/data/lexicon-suggester.h"
#include "db/item-browse-query.h"
#include "db/project.h"
#include "db/suggestions.h"
#include "ui/project-session.h"
#include "ui/task-progress-dialog.h"

namespace srllm::ui {

void suggestFromWordList(QWidget* parent, ProjectSession* session, const QString& chosen) {
    const QString path = chosen.isEmpty() ? QFileDialog::getOpenFileName(parent, QObject::tr("Word list"), QString(),
                                                                         QObject::tr("Word lists (*.txt *.tsv);;All files (*)"))
                                          : chosen;
    if (path.isEmpty()) return;
    auto stored = std::make_shared<int64_t>(0);
    auto total = std::make_shared<size_t>(0);
    TaskProgressDialog progress(
        session, QObject::tr("Looking for the listed words in every item…"),
        [=](db::Project& project, const core::ProgressCallback& callback) {
            core::LexiconSuggester lexicon(path.toStdString());
            const auto items = db::browseItemIds(project.db(), {});
            *total = items.size();
            *stored = db::suggestForItems(project.db(), lexicon, items, callback);
            return BackgroundTask::Done();
        },
        parent);
    if (progress.runToEnd())
        QMessageBox::information(parent, QObject::tr("Suggestions"),
                                 QObject::tr("Candidate words found in %1 of %2 item(s). Annotators see them "
                                             "underlined as suggestions, never as their labels.")
                                     .arg(*stored).arg(*total));
}

}  // namespace srllm::ui
