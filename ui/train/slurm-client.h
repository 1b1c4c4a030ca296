#pragma once
// Slurm's own commands for the Train page: sbatch submits a job folder (its script written by
// core::writeSlurmScript, as `srllm job export-slurm` writes it; the id kept in JOBDIR/slurm.json),
// squeue reports the states, scancel stops a job. Each command is a QProcess whose end arrives as a
// signal, so the GUI thread never waits on the cluster. GUI thread only.
#include <map>

#include <QObject>
#include <QStringList>

#include "core/job/slurm-script.h"
#include "core/job/slurm-submission.h"

namespace srllm::ui {

class SlurmClient : public QObject {
    Q_OBJECT
public:
    explicit SlurmClient(QObject* parent = nullptr);

    // Whether sbatch is on PATH (the page offers Slurm only then).
    static bool available();

    // Writes the job's script and submits it: submitted() or failed(). The script runs the `srllm` binary
    // the page runs (ui/worker/worker-process.h: srllmProgram), so the cluster must see that path.
    void submit(qint64 id, const QString& jobDir, const core::SlurmScriptOptions& options);
    // Asks squeue for these Slurm job ids: polled() with those still in the queue (the others have left
    // it). Does nothing while the previous squeue still runs.
    void poll(const QStringList& slurmIds);
    // A pending job leaves the queue; a running one gets SIGTERM in every task (not the batch shell), so
    // `srllm train` checkpoints and stops: the job stays resumable.
    void cancel(qint64 id, const QString& slurmId, bool running);

signals:
    void submitted(qint64 id, const QString& slurmId);
    void polled(const std::map<QString, srllm::core::SlurmQueueEntry>& queue);
    void cancelRequested(qint64 id);
    // A command failed: `message` holds its stderr (or why it could not run). id 0: squeue.
    void failed(qint64 id, const QString& message);

private:
    using Done = std::function<void(int exitCode, const QString& out, const QString& err)>;
    void run(const QString& program, const QStringList& arguments, const QString& workingDirectory, Done done);

    bool m_polling = false;
};

}  // namespace srllm::ui
