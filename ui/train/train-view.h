#pragma once
// The Train mode: the project's jobs (queue) on the left with Start, Cancel, Resume and Discard; on the
// right the form of a new job and the selected run's charts, log and record. The job folder is written
// off the GUI thread (ui/train/job-creator.h) and run by `srllm train` workers (ui/train/job-queue.h).
// GUI thread only.
#include <optional>

#include <QWidget>

#include "core/job/base-model-check.h"
#include "db/job-create.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace srllm::ui {

class BackgroundTask;
class JobCreator;
class JobListModel;
class JobQueue;
class JobSetupForm;
class ProjectSession;
class RunPanel;
class WorkerProcess;

class TrainView : public QWidget {
    Q_OBJECT
public:
    explicit TrainView(ProjectSession* session, QWidget* parent = nullptr);
    ~TrainView() override;

    JobSetupForm* form() const { return m_form; }
    JobQueue* queue() const { return m_queue; }
    RunPanel* runPanel() const { return m_run; }
    QTableView* jobTable() const { return m_jobs; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* resumeButton() const { return m_resume; }
    QPushButton* discardButton() const { return m_discard; }
    qint64 selectedJob() const;
    void selectJob(qint64 id);
    // What the devices query found (`srllm job devices`); false until it answered.
    bool cudaAvailable() const { return m_cudaAvailable; }

signals:
    // A job folder was written and queued (or creating it failed, with the message).
    void jobCreated(qint64 id);
    void jobCreationFailed(const QString& message);

private:
    QWidget* buildJobList();
    QWidget* buildFormTab();
    void queryDevices();
    void checkModel();
    void previewLater();
    void updatePreview();
    void startNewJob();
    void onRowsChanged();
    void onSelectionChanged();
    void updateActions();
    void discardSelected();
    db::JobRequest currentRequest() const;
    QString suggestedJobFolder() const;

    ProjectSession* m_session;
    JobQueue* m_queue;
    JobListModel* m_model;
    QTableView* m_jobs;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QPushButton* m_resume;
    QPushButton* m_discard;
    JobSetupForm* m_form;
    QProgressBar* m_creating;
    QPushButton* m_stopCreating;
    QLabel* m_createStatus;
    RunPanel* m_run;
    JobCreator* m_creator;
    BackgroundTask* m_preview;
    WorkerProcess* m_devices;
    QTimer* m_previewTimer;
    std::optional<core::BaseModelCheck> m_check;
    bool m_previewAgain = false;  // settings changed while a preview was computed
    bool m_cudaAvailable = false;
    int m_cpuThreads;
    qint64 m_logSize = -1;  // of the shown job's log.jsonl, to re-read a run of another process when it grows
};

}  // namespace srllm::ui
