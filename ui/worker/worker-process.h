#pragma once
// A long job in a separate process: a QProcess running the `srllm` CLI (or any program), whose stdout
// carries one JSON object per line (docs/JOBS.md) and whose stderr is kept for the log. Training and
// evaluation both use it, so it knows nothing about what the lines mean. Cancel is SIGTERM (the CLI
// saves a checkpoint and exits 0); kill is SIGKILL. GUI thread only.
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <nlohmann/json.hpp>

#include "ui/worker/json-lines-reader.h"

namespace srllm::ui {

// The `srllm` binary beside the running application; the SRLLM_CLI environment variable overrides it
// (tests run from another folder than the binaries).
QString srllmProgram();

class WorkerProcess : public QObject {
    Q_OBJECT
public:
    // How a run ended: Finished = exit code 0; Failed = another exit code; Crashed = killed by a signal
    // or died; NotStarted = the program could not be run.
    enum class Outcome { Finished, Failed, Crashed, NotStarted };
    Q_ENUM(Outcome)

    explicit WorkerProcess(QObject* parent = nullptr);
    // A still-running worker is asked to stop (SIGTERM) and given `stopGraceMs` before SIGKILL.
    ~WorkerProcess() override;

    // Starts program with arguments; emits started() or finished(NotStarted, …). Refused (false)
    // while a run is in progress.
    bool start(const QString& program, const QStringList& arguments, const QString& workingDirectory = {});
    // SIGTERM; the worker finishes its step, saves and exits. Does nothing when not running.
    void cancel();
    // SIGKILL, for a worker that does not answer.
    void kill();
    // Blocks until the process ends or msecs pass; true when it ended. For tests and shutdown only.
    bool waitForFinished(int msecs);

    bool isRunning() const;
    bool isCancelling() const { return m_cancelling; }
    qint64 processId() const;
    // The newest stderr lines (at most stderrLineLimit), for the log and for a failure message.
    QStringList stderrTail() const { return m_stderrTail; }

    int stopGraceMs = 30000;
    int stderrLineLimit = 200;

signals:
    void started();
    void event(const nlohmann::json& line);
    void stderrLine(const QString& line);
    // A stdout line that broke the protocol (not JSON, not an object, too long).
    void protocolProblem(const QString& message);
    // `message` explains Failed, Crashed and NotStarted in words (with the last stderr line).
    void finished(srllm::ui::WorkerProcess::Outcome outcome, int exitCode, const QString& message);

private:
    void readStdout();
    void readStderr();
    void emitBatch(const JsonLinesReader::Batch& batch);
    void emitStderr(std::vector<LineSplitter::Line> lines);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    QString lastStderrLine() const;

    QProcess* m_process;
    JsonLinesReader m_stdout;
    LineSplitter m_stderr;
    QStringList m_stderrTail;
    bool m_cancelling = false;
    bool m_reported = false;  // finished() already emitted for this run
};

}  // namespace srllm::ui
