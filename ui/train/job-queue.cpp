#include "ui/train/job-queue.h"

#include "core/job/job-events.h"
#include "core/job/job-folder.h"
#include "core/job/job-layout.h"
#include "db/database.h"
#include "ui/train/job-queue-rules.h"

namespace srllm::ui {

namespace {
constexpr int kPollMs = 3000;  // rows written by other processes show up within this
}

JobQueue::JobQueue(db::Database& db, QObject* parent) : QObject(parent), m_db(db) {
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &JobQueue::refresh);
    m_poll.start();
}

JobQueue::~JobQueue() {
    // WorkerProcess's destructor sends SIGTERM and waits: the runs end with a checkpoint, resumable.
    for (auto& [id, worker] : m_workers) disconnect(worker, nullptr, this, nullptr);
}

const db::JobRow* JobQueue::row(qint64 id) const {
    for (const db::JobRow& r : m_rows)
        if (r.id == id) return &r;
    return nullptr;
}

WorkerProcess* JobQueue::worker(qint64 id) const {
    const auto it = m_workers.find(id);
    return it == m_workers.end() ? nullptr : it->second;
}

void JobQueue::reload() {
    db::recoverStaleJobs(m_db);
    m_rows = db::listJobs(m_db);
    emit rowsChanged();
}

void JobQueue::refresh() {
    try {
        reload();
        schedule();
    } catch (const std::exception& e) {
        emit jobMessage(0, tr("The job queue could not be read: %1").arg(QString::fromStdString(e.what())), true);
    }
}

void JobQueue::schedule() {
    // A worker of ours that has not reached its `start` line keeps its row queued: wait for it rather
    // than start it twice or start the next job on a device it may take.
    while (const auto next = db::nextQueuedJob(m_db)) {
        if (m_workers.count(next->id)) return;
        launch(*next);
    }
}

void JobQueue::launch(const db::JobRow& row) {
    auto* worker = new WorkerProcess(this);
    const qint64 id = row.id;
    m_workers[id] = worker;
    connect(worker, &WorkerProcess::event, this, [this, id](const nlohmann::json& line) {
        try {
            if (auto event = core::parseEvent(line)) emit jobEvent(id, *event);
        } catch (const std::exception& e) {
            emit jobMessage(id, tr("A line of the worker was not understood: %1").arg(QString::fromStdString(e.what())), true);
        }
    });
    connect(worker, &WorkerProcess::stderrLine, this, [this, id](const QString& line) { emit jobMessage(id, line, false); });
    connect(worker, &WorkerProcess::protocolProblem, this, [this, id](const QString& text) { emit jobMessage(id, text, false); });
    connect(worker, &WorkerProcess::finished, this,
            [this, id](WorkerProcess::Outcome outcome, int, const QString& message) { onWorkerFinished(id, outcome, message); });
    QStringList arguments{QStringLiteral("train"), QString::fromStdString(row.dir)};
    if (needsResume(core::inspectJobFolder(row.dir))) arguments << QStringLiteral("--resume");
    emit workerStarting(id, QString::fromStdString(row.dir));
    emit jobMessage(id, tr("Running: srllm %1").arg(arguments.join(QLatin1Char(' '))), true);
    worker->start(srllmProgram(), arguments);
}

void JobQueue::onWorkerFinished(qint64 id, WorkerProcess::Outcome outcome, const QString& message) {
    if (const auto it = m_workers.find(id); it != m_workers.end()) {
        it->second->deleteLater();
        m_workers.erase(it);
    }
    if (!message.isEmpty()) emit jobMessage(id, message, true);
    try {
        // A worker that ended before its `start` line (bad arguments, a missing binary, the project out
        // of reach) left its row queued: the folder's run.json, else the worker's own words, say why.
        const auto now = db::jobById(m_db, id);
        if (now && now->status == db::JobStatus::Queued) {
            const auto run = core::readRunRecord(now->dir);
            const QString why = run ? QString::fromStdString(run->reason) : message;
            db::endJobRun(m_db, id, run ? db::jobStatusOf(run->status) : db::JobStatus::Failed,
                          (why.isEmpty() ? tr("the worker ended before it started training") : why).toStdString());
        }
    } catch (const std::exception& e) {
        emit jobMessage(id, QString::fromStdString(e.what()), true);
    }
    emit workerFinished(id, outcome);
    refresh();
}

void JobQueue::requeue(qint64 id) {
    const db::JobRow* r = row(id);
    if (!r) return;
    db::enqueueJob(m_db, r->dir, r->device, r->snapshotId);
    refresh();
}

void JobQueue::cancel(qint64 id) {
    db::requestCancel(m_db, id);
    if (WorkerProcess* w = worker(id)) w->cancel();
    refresh();
}

void JobQueue::discard(qint64 id) {
    const db::JobRow* r = row(id);
    if (!r) return;
    const std::string dir = r->dir;
    db::removeJob(m_db, id);  // refuses an active job, before anything is deleted
    if (std::filesystem::exists(std::filesystem::path(dir) / core::kJobFile)) core::discardJobOutputs(dir);
    refresh();
}

}  // namespace srllm::ui
