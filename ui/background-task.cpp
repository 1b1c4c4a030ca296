#include "ui/background-task.h"

#include <chrono>

#include <QPointer>
#include <QThread>

#include "db/project.h"
#include "ui/project-session.h"

namespace srllm::ui {

namespace {
constexpr auto kProgressEvery = std::chrono::milliseconds(100);  // smooth enough; never floods the event loop
}

BackgroundTask::BackgroundTask(ProjectSession* session, Job job, QObject* parent) : QObject(parent) {
    const QString path = session->projectPath();
    const db::Reader reader = session->reader();
    m_thread = QThread::create([this, path, reader, job = std::move(job)] { run(path, reader, job); });
    m_thread->start();
}

BackgroundTask::~BackgroundTask() {
    cancel();
    m_thread->wait();
    delete m_thread;
}

bool BackgroundTask::isRunning() const { return m_thread->isRunning(); }

void BackgroundTask::cancel() {
    m_cancelled = true;
    const std::lock_guard<std::mutex> lock(m_dbMutex);
    if (m_db) m_db->interrupt();
}

void BackgroundTask::run(const QString& path, const db::Reader& reader, const Job& job) {
    QPointer<BackgroundTask> self(this);  // results are delivered only while the task still exists
    const auto deliver = [self](std::function<void(BackgroundTask*)> f) {
        QMetaObject::invokeMethod(
            self, [self, f = std::move(f)] { if (self) f(self); }, Qt::QueuedConnection);
    };
    auto last = std::chrono::steady_clock::now() - kProgressEvery;
    const core::ProgressCallback progress = [&](int64_t done, int64_t total) {
        const auto now = std::chrono::steady_clock::now();
        if (now - last >= kProgressEvery || done == total) {
            last = now;
            deliver([done, total](BackgroundTask* t) { emit t->progress(done, total); });
        }
        return !m_cancelled;
    };
    try {
        std::unique_ptr<db::Project> project = ProjectSession::openConnection(path, reader);
        {
            const std::lock_guard<std::mutex> lock(m_dbMutex);
            m_db = &project->db();
        }
        Done done;
        try {
            done = job(*project, progress);
        } catch (...) {
            const std::lock_guard<std::mutex> lock(m_dbMutex);
            m_db = nullptr;
            throw;
        }
        {
            const std::lock_guard<std::mutex> lock(m_dbMutex);
            m_db = nullptr;
        }
        deliver([done = std::move(done)](BackgroundTask* t) {
            if (t->m_cancelled) {
                emit t->finished(false, QString());
                return;
            }
            if (done) done();
            emit t->finished(true, QString());
        });
    } catch (const std::exception& e) {
        const QString error = m_cancelled ? QString() : QString::fromUtf8(e.what());
        deliver([error](BackgroundTask* t) { emit t->finished(false, error); });
    }
}

}  // namespace srllm::ui
