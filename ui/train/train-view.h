#pragma once
// The Train mode: the project's jobs (queue) on the left with Start, Cancel, Resume and Discard; on the
// right the new-job tab (ui/train/new-job-tab.h) and the selected run's charts, log and record. Runs
// are `srllm train` workers (ui/train/job-queue.h). GUI thread only.
#include <map>

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace srllm::ui {

class JobListModel;
class JobQueue;
class JobSetupForm;
class NewJobTab;
class ProjectSession;
class RunPanel;
class SlurmClient;

class TrainView : public QWidget {
    Q_OBJECT
public:
    explicit TrainView(ProjectSession* session, QWidget* parent = nullptr);

    NewJobTab* newJobTab() const { return m_newJob; }
    JobSetupForm* form() const;
    JobQueue* queue() const { return m_queue; }
    RunPanel* runPanel() const { return m_run; }
    QTableView* jobTable() const { return m_jobs; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* resumeButton() const { return m_resume; }
    QPushButton* discardButton() const { return m_discard; }
    // Submit to Slurm…: hidden when sbatch is not on PATH. slurmNote() says what Slurm answered.
    QPushButton* submitButton() const { return m_submit; }
    QLabel* slurmNote() const { return m_slurmNote; }
    // squeue is asked at most this often (a cluster's controller serves everyone), and after each
    // submission or cancel.
    void setSlurmPollInterval(int msecs) { m_slurmPollMs = msecs; }
    qint64 selectedJob() const;
    void selectJob(qint64 id);

signals:
    // A job folder was written from the new-job tab and queued.
    void jobCreated(qint64 id);

private:
    QWidget* buildJobList();
    void onRowsChanged();
    void onSelectionChanged();
    void updateActions();
    void discardSelected();
    void submitSelected();
    void cancelSelected();
    void connectSlurm();
    void readSlurmSubmissions();
    void pollSlurm();
    void showSlurmNote(const QString& text, bool problem);
    QString slurmStateOf(qint64 id) const;  // squeue's state, "" when not in Slurm's queue

    JobQueue* m_queue;
    JobListModel* m_model;
    QTableView* m_jobs;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QPushButton* m_resume;
    QPushButton* m_discard;
    NewJobTab* m_newJob;
    RunPanel* m_run;
    QPushButton* m_submit;
    QLabel* m_slurmNote;
    SlurmClient* m_slurm;  // nullptr without sbatch
    std::map<qint64, QString> m_slurmIds;     // job -> Slurm job id (JOBDIR/slurm.json)
    std::map<qint64, QString> m_slurmStates;  // job -> squeue state; absent until polled, "" once it left
    QElapsedTimer m_sinceSlurmPoll;
    int m_slurmPollMs = 15000;
    qint64 m_logSize = -1;  // of the shown job's log.jsonl, to re-read a run of another process when it grows
};

}  // namespace srllm::ui
