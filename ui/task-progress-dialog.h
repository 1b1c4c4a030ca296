#pragma once
// A BackgroundTask shown in a window-modal progress dialog with Cancel: imports, exports, assignments and
// suggestion runs. The window keeps painting and the job runs on its own connection; the dialog closes
// itself when the job ends and reports a failure in a message box. Threading: GUI thread only.
#include <QProgressDialog>

#include "ui/background-task.h"

namespace srllm::ui {

class TaskProgressDialog : public QProgressDialog {
    Q_OBJECT
public:
    // Starts the job at once; `what` labels the dialog ("Importing items.jsonl…").
    TaskProgressDialog(ProjectSession* session, const QString& what, BackgroundTask::Job job, QWidget* parent);
    ~TaskProgressDialog() override;

    // Runs the dialog until the job ends; true when it succeeded (false: failed, with a message, or cancelled).
    bool runToEnd();
    const QString& error() const { return m_error; }

private:
    std::unique_ptr<BackgroundTask> m_task;
    bool m_ok = false;
    QString m_error;
};

}  // namespace srllm::ui
