#pragma once
// Writes a job folder off the GUI thread: db::createJob (checks, frozen data, base-model hash, queue row)
// with its own connection to the project, reporting the hash's progress and taking a cancel. Hashing a
// 13 GB model the first time takes minutes; the page stays responsive meanwhile.
#include <QObject>

#include "db/job-create.h"
#include "ui/worker/background-task.h"

namespace srllm::ui {

class JobCreator : public QObject {
    Q_OBJECT
public:
    explicit JobCreator(QObject* parent = nullptr);
    // Cancels a creation in progress and waits for it (the folder is then not written).
    ~JobCreator() override;

    // Starts creating; false while one is in progress. GUI thread only.
    bool start(const QString& projectPath, const db::JobRequest& request);
    void cancel() { m_task->cancel(); }
    bool isRunning() const { return m_task->isRunning(); }

signals:
    void progress(qint64 done, qint64 total);
    // `summary`: what was frozen, in words.
    void created(qint64 jobId, const QString& jobDir, const QString& summary);
    void failed(const QString& message);

private:
    BackgroundTask* m_task;
};

}  // namespace srllm::ui
