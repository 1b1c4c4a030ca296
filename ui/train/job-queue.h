#pragma once
// The project's training queue as the Train page drives it: the rows of db/jobs.h, a `srllm train`
// worker (ui/worker/worker-process.h) for each job this window started, one per device (the store's
// rule, db::nextQueuedJob). Workers write their own row; this class fills in what a worker cannot (a
// crash, a failure before it reached the project) and re-reads the rows every few seconds, so jobs run
// by hand or by a workbench that crashed show up too. GUI thread only.
#include <map>
#include <vector>

#include <QObject>
#include <QTimer>

#include "db/jobs.h"
#include "ui/worker/worker-process.h"

namespace srllm::core {
struct JobEvent;
}
namespace srllm::db {
class Database;
}

namespace srllm::ui {

class JobQueue : public QObject {
    Q_OBJECT
public:
    // `db` is the GUI thread's connection to the project and must outlive the queue. Reads nothing
    // until refresh(), so the owner connects its signals first.
    explicit JobQueue(db::Database& db, QObject* parent = nullptr);
    // Running workers are asked to stop (SIGTERM: they save a checkpoint) and waited for.
    ~JobQueue() override;

    const std::vector<db::JobRow>& rows() const { return m_rows; }
    const db::JobRow* row(qint64 id) const;
    // The worker this window runs for the job, or nullptr.
    WorkerProcess* worker(qint64 id) const;

    // Re-reads the rows (failing those whose worker is gone) and starts what may start.
    void refresh();
    // Start and Resume: queues the job's folder again; `srllm train` gets --resume when it holds a checkpoint.
    void requeue(qint64 id);
    // Cancel: a queued job leaves the queue; a running one saves a checkpoint and stops (SIGTERM to our
    // worker; a worker of another process sees the row's "cancelling" at its next heartbeat).
    void cancel(qint64 id);
    // Discard: deletes the job's outputs (job.json and data/ stay) and its row. Throws on failure.
    void discard(qint64 id);

    // Seconds between re-reads of the rows.
    void setPollInterval(int msecs) { m_poll.setInterval(msecs); }

signals:
    void rowsChanged();
    // Just before a worker of this window starts on the job (its log.jsonl is complete up to now).
    void workerStarting(qint64 id, const QString& jobDir);
    void jobEvent(qint64 id, const core::JobEvent& event);
    // stderr of a worker, protocol problems and this class's own notes, for the run's log.
    void jobMessage(qint64 id, const QString& text, bool note);
    void workerFinished(qint64 id, srllm::ui::WorkerProcess::Outcome outcome);

private:
    void schedule();
    void launch(const db::JobRow& row);
    void onWorkerFinished(qint64 id, WorkerProcess::Outcome outcome, const QString& message);
    void reload();

    db::Database& m_db;
    std::vector<db::JobRow> m_rows;
    std::map<qint64, WorkerProcess*> m_workers;
    QTimer m_poll;
};

}  // namespace srllm::ui
