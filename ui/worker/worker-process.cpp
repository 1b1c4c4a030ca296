#include "ui/worker/worker-process.h"

#include <QCoreApplication>
#include <QDir>

namespace srllm::ui {

QString srllmProgram() {
    const QString fromEnvironment = qEnvironmentVariable("SRLLM_CLI");
    if (!fromEnvironment.isEmpty()) return fromEnvironment;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("srllm"));
}

WorkerProcess::WorkerProcess(QObject* parent) : QObject(parent), m_process(new QProcess(this)) {
    connect(m_process, &QProcess::readyReadStandardOutput, this, &WorkerProcess::readStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &WorkerProcess::readStderr);
    connect(m_process, &QProcess::started, this, &WorkerProcess::started);
    connect(m_process, &QProcess::finished, this, &WorkerProcess::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &WorkerProcess::onError);
}

WorkerProcess::~WorkerProcess() {
    // Whoever listened may be half destroyed already: stop quietly.
    disconnect(m_process, nullptr, this, nullptr);
    if (m_process->state() == QProcess::NotRunning) return;
    m_process->terminate();
    if (!m_process->waitForFinished(stopGraceMs)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool WorkerProcess::start(const QString& program, const QStringList& arguments, const QString& workingDirectory) {
    if (m_process->state() != QProcess::NotRunning) return false;
    m_stdout = JsonLinesReader();
    m_stderr = LineSplitter();
    m_stderrTail.clear();
    m_cancelling = false;
    m_reported = false;
    m_process->setWorkingDirectory(workingDirectory);
    m_process->start(program, arguments, QIODevice::ReadOnly);
    return true;
}

void WorkerProcess::cancel() {
    if (m_process->state() != QProcess::Running) return;
    m_cancelling = true;
    m_process->terminate();
}

void WorkerProcess::kill() {
    if (m_process->state() != QProcess::NotRunning) m_process->kill();
}

bool WorkerProcess::waitForFinished(int msecs) {
    return m_process->state() == QProcess::NotRunning || m_process->waitForFinished(msecs);
}

bool WorkerProcess::isRunning() const { return m_process->state() != QProcess::NotRunning; }

qint64 WorkerProcess::processId() const { return m_process->processId(); }

void WorkerProcess::readStdout() { emitBatch(m_stdout.feed(m_process->readAllStandardOutput())); }

void WorkerProcess::readStderr() { emitStderr(m_stderr.feed(m_process->readAllStandardError())); }

void WorkerProcess::emitBatch(const JsonLinesReader::Batch& batch) {
    for (const nlohmann::json& line : batch.objects) emit event(line);
    for (const QString& problem : batch.problems) emit protocolProblem(problem);
}

void WorkerProcess::emitStderr(std::vector<LineSplitter::Line> lines) {
    for (LineSplitter::Line& line : lines) {
        const QString text = line.tooLong ? tr("(a stderr line longer than the limit was skipped)")
                                          : QString::fromUtf8(line.text);
        m_stderrTail << text;
        if (m_stderrTail.size() > stderrLineLimit) m_stderrTail.removeFirst();
        emit stderrLine(text);
    }
}

void WorkerProcess::onFinished(int exitCode, QProcess::ExitStatus status) {
    readStdout();
    readStderr();
    emitBatch(m_stdout.finish());
    emitStderr(m_stderr.finish());
    if (m_reported) return;
    m_reported = true;
    m_cancelling = false;
    const QString last = lastStderrLine();
    if (status == QProcess::CrashExit) {
        emit finished(Outcome::Crashed, exitCode,
                      last.isEmpty() ? tr("The worker stopped unexpectedly (killed or crashed).")
                                     : tr("The worker stopped unexpectedly (killed or crashed); its last message: %1").arg(last));
    } else if (exitCode != 0) {
        emit finished(Outcome::Failed, exitCode,
                      last.isEmpty() ? tr("The worker exited with code %1.").arg(exitCode)
                                     : tr("The worker exited with code %1: %2").arg(exitCode).arg(last));
    } else {
        emit finished(Outcome::Finished, 0, QString());
    }
}

void WorkerProcess::onError(QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart || m_reported) return;  // crashes arrive through finished()
    m_reported = true;
    emit finished(Outcome::NotStarted, -1,
                  tr("Could not start %1: %2 (hint: is srllm installed beside srllm-workbench?)")
                      .arg(QDir::toNativeSeparators(m_process->program()), m_process->errorString()));
}

QString WorkerProcess::lastStderrLine() const {
    for (auto it = m_stderrTail.crbegin(); it != m_stderrTail.crend(); ++it)
        if (!it->trimmed().isEmpty()) return it->trimmed();
    return {};
}

}  // namespace srllm::ui
