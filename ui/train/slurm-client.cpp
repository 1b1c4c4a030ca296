#include "ui/train/slurm-client.h"

#include <QProcess>
#include <QStandardPaths>

#include "core/job/job-spec.h"
#include "ui/worker/worker-process.h"

namespace srllm::ui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

// What a failed command said: its stderr without empty lines, else its exit code.
QString failure(const QString& program, int exitCode, const QString& err) {
    const QString text = err.trimmed();
    return text.isEmpty() ? SlurmClient::tr("%1 ended with exit code %2").arg(program).arg(exitCode) : text;
}

}  // namespace

SlurmClient::SlurmClient(QObject* parent) : QObject(parent) {}

bool SlurmClient::available() { return !QStandardPaths::findExecutable(QStringLiteral("sbatch")).isEmpty(); }

void SlurmClient::run(const QString& program, const QStringList& arguments, const QString& workingDirectory, Done done) {
    auto* process = new QProcess(this);
    if (!workingDirectory.isEmpty()) process->setWorkingDirectory(workingDirectory);
    connect(process, &QProcess::finished, this, [process, done](int exitCode, QProcess::ExitStatus status) {
        done(status == QProcess::NormalExit ? exitCode : -1, QString::fromLocal8Bit(process->readAllStandardOutput()),
             QString::fromLocal8Bit(process->readAllStandardError()));
        process->deleteLater();
    });
    connect(process, &QProcess::errorOccurred, this, [process, program, done](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart) return;  // the others end in finished()
        done(-1, {}, tr("%1 could not be run: %2").arg(program, process->errorString()));
        process->deleteLater();
    });
    process->start(program, arguments);
}

void SlurmClient::submit(qint64 id, const QString& jobDir, const core::SlurmScriptOptions& options) {
    std::string script;
    try {
        script = core::writeSlurmScript(jobDir.toStdString(), srllmProgram().toStdString(), options).string();
    } catch (const std::exception& e) {
        emit failed(id, qs(e.what()));
        return;
    }
    const int processes = core::slurmWorldSize(options);
    run(QStringLiteral("sbatch"), {qs(script)}, jobDir,
        [this, id, jobDir, script, processes](int exitCode, const QString& out, const QString& err) {
            const auto slurmId = exitCode == 0 ? core::parseSbatchJobId(out.toStdString()) : std::nullopt;
            if (!slurmId) {
                emit failed(id, exitCode == 0 ? tr("sbatch gave no job id: %1").arg(out.trimmed()) : failure("sbatch", exitCode, err));
                return;
            }
            try {
                core::writeSlurmSubmission(jobDir.toStdString(), {*slurmId, core::utcTimestamp(), script, processes});
            } catch (const std::exception& e) {
                emit failed(id, tr("Slurm job %1 was submitted, but its id could not be saved: %2").arg(qs(*slurmId), qs(e.what())));
                return;
            }
            emit submitted(id, qs(*slurmId));
        });
}

void SlurmClient::poll(const QStringList& slurmIds) {
    if (m_polling || slurmIds.isEmpty()) return;
    m_polling = true;
    const QStringList arguments{QStringLiteral("--noheader"), QStringLiteral("--format=") + QLatin1String(core::kSqueueFormat),
                                QStringLiteral("--jobs=") + slurmIds.join(QLatin1Char(','))};
    run(QStringLiteral("squeue"), arguments, {}, [this](int exitCode, const QString& out, const QString& err) {
        m_polling = false;
        // squeue refuses an id the controller has forgotten: that job has left the queue too.
        if (exitCode != 0 && !err.contains(QLatin1String("Invalid job id"))) {
            emit failed(0, failure("squeue", exitCode, err));
            return;
        }
        std::map<QString, core::SlurmQueueEntry> queue;
        for (core::SlurmQueueEntry& entry : core::parseSqueue(out.toStdString())) queue[qs(entry.jobId)] = std::move(entry);
        emit polled(queue);
    });
}

void SlurmClient::cancel(qint64 id, const QString& slurmId, bool running) {
    QStringList arguments;
    if (running) arguments << QStringLiteral("--signal=TERM");
    arguments << slurmId;
    run(QStringLiteral("scancel"), arguments, {}, [this, id](int exitCode, const QString&, const QString& err) {
        if (exitCode != 0) emit failed(id, failure("scancel", exitCode, err));
        else emit cancelRequested(id);
    });
}

}  // namespace srllm::ui
