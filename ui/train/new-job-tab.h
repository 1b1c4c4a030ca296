#pragma once
// The Train page's "New job" tab: the form (ui/train/job-setup-form.h) with what the page finds out
// about it as it is filled in (the base model's check, the data and the estimate, off the GUI thread),
// and Start, which writes the job folder and queues it (ui/train/job-creator.h). GUI thread only.
#include <optional>

#include <QWidget>

#include "core/job/base-model-check.h"
#include "db/job-create.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace srllm::ui {

class BackgroundTask;
class JobCreator;
class JobSetupForm;
class ProjectSession;
class WorkerProcess;

class NewJobTab : public QWidget {
    Q_OBJECT
public:
    explicit NewJobTab(ProjectSession* session, QWidget* parent = nullptr);

    JobSetupForm* form() const { return m_form; }
    // What `srllm job devices` found; false until it answered.
    bool cudaAvailable() const { return m_cudaAvailable; }

signals:
    // A job folder was written and queued (or creating it failed, with the message).
    void jobCreated(qint64 id);
    void jobCreationFailed(const QString& message);

private:
    void queryDevices();
    void checkModel();
    void previewLater();
    void updatePreview();
    void startNewJob();
    void finishCreating(const QString& status);
    db::JobRequest currentRequest() const;
    QString suggestedJobFolder() const;

    ProjectSession* m_session;
    JobSetupForm* m_form;
    QProgressBar* m_creating;
    QPushButton* m_stopCreating;
    QLabel* m_createStatus;
    JobCreator* m_creator;
    BackgroundTask* m_preview;
    WorkerProcess* m_devices;
    QTimer* m_previewTimer;
    std::optional<core::BaseModelCheck> m_check;
    bool m_previewAgain = false;  // the form changed while a preview was computed
    bool m_cudaAvailable = false;
    int m_cpuThreads;
};

}  // namespace srllm::ui
