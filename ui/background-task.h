#pragma once
// One long job (an import, an export, an id scan, the agreement bootstrap) on a thread of its own with its
// own connection to the project (WAL lets it work while the window reads and writes), reporting progress
// and taking a cancel, so the window never waits for it. The job returns a closure that runs on the GUI
// thread with its results. Threading: create, cancel and destroy on the GUI thread.
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

#include <QObject>
#include <QString>

#include "core/common/progress.h"
#include "db/database.h"

class QThread;

namespace srllm::db {
class Project;
}

namespace srllm::ui {

class ProjectSession;

class BackgroundTask : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void()>;  // runs on the GUI thread when the job succeeded
    using Job = std::function<Done(db::Project& project, const core::ProgressCallback& progress)>;

    // Starts the job at once on its own thread, with a connection opened there as the session's reader.
    BackgroundTask(ProjectSession* session, Job job, QObject* parent = nullptr);
    // Cancels and waits for the thread (an interrupted query returns within milliseconds).
    ~BackgroundTask() override;

    bool isRunning() const;
    // Asks the job to stop: its next progress call returns false and a running query is interrupted.
    void cancel();
    bool cancelled() const { return m_cancelled; }

signals:
    void progress(qint64 done, qint64 total);  // throttled to a few per second
    // ok: the job returned (its Done has run); otherwise error says why ("" when cancelled).
    void finished(bool ok, const QString& error);

private:
    void run(const QString& path, const db::Reader& reader, const Job& job);

    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancelled{false};
    std::mutex m_dbMutex;             // guards m_db against the thread closing it during cancel()
    db::Database* m_db = nullptr;
};

}  // namespace srllm::ui
