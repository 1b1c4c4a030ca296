#include "ui/train/job-creator.h"

#include "db/project.h"
#include "ui/train/job-estimate-text.h"

namespace srllm::ui {

JobCreator::JobCreator(QObject* parent) : QObject(parent), m_task(new BackgroundTask(this)) {}

// The thread posts progress to this object: it must end while this object is still whole.
JobCreator::~JobCreator() { delete m_task; }

bool JobCreator::start(const QString& projectPath, const db::JobRequest& request) {
    return m_task->run([this, projectPath, request](const std::atomic<bool>& cancelled) -> BackgroundTask::Delivery {
        db::JobRequest r = request;
        r.hashProgress = [this, &cancelled](int64_t done, int64_t total) {
            QMetaObject::invokeMethod(this, [this, done, total] { emit progress(done, total); }, Qt::QueuedConnection);
            return !cancelled.load();
        };
        try {
            // The GUI thread's connection belongs to it: this thread opens its own (WAL lets them share).
            auto project = db::Project::open(projectPath.toStdString());
            const db::JobCreated done = db::createJob(project->db(), projectPath.toStdString(), r);
            const qint64 id = done.row ? done.row->id : 0;
            const QString dir = QString::fromStdString(r.jobDir.string());
            const QString summary = previewSummary(done);
            return [this, id, dir, summary] { emit created(id, dir, summary); };
        } catch (const std::exception& e) {
            const QString message = cancelled ? tr("Cancelled; nothing was written.") : QString::fromStdString(e.what());
            return [this, message] { emit failed(message); };
        }
    });
}

}  // namespace srllm::ui
