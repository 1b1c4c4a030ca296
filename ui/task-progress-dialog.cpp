#include "ui/task-progress-dialog.h"

#include <QMessageBox>

namespace srllm::ui {

TaskProgressDialog::TaskProgressDialog(ProjectSession* session, const QString& what, BackgroundTask::Job job,
                                       QWidget* parent)
    : QProgressDialog(what, tr("Cancel"), 0, 0, parent) {
    setWindowModality(Qt::WindowModal);
    setAutoClose(false);
    setAutoReset(false);
    m_task = std::make_unique<BackgroundTask>(session, std::move(job));
    connect(m_task.get(), &BackgroundTask::progress, this, [this](qint64 done, qint64 total) {
        setRange(0, 1000);
        setValue(total > 0 ? int(1000 * done / total) : 0);
    });
    connect(this, &QProgressDialog::canceled, m_task.get(), &BackgroundTask::cancel);
    connect(m_task.get(), &BackgroundTask::finished, this, [this](bool ok, const QString& error) {
        m_ok = ok;
        m_error = error;
        done(ok ? QDialog::Accepted : QDialog::Rejected);
    });
}

TaskProgressDialog::~TaskProgressDialog() = default;

bool TaskProgressDialog::runToEnd() {
    exec();
    if (!m_ok && !m_error.isEmpty())
        QMessageBox::warning(parentWidget(), labelText(), m_error);
    return m_ok;
}

}  // namespace srllm::ui
