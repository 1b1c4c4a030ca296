#pragma once
// Runs the srllm binary ($SRLLM_CLI) from a Qt test, for GUI tests that prepare scorers, models and
// projects through the CLI as a person would. The GoogleTest side has support/cli-run.h.
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace srllm::test {

struct QtCliRun {
    int exitCode = -1;  // -1 when it did not finish in time or did not exit normally
    QByteArray out, err;
    QString output() const { return QString::fromUtf8(out + err); }
};

inline QtCliRun runCliQt(const QStringList& arguments, int timeoutMs = 120000) {
    QProcess process;
    process.start(qEnvironmentVariable("SRLLM_CLI"), arguments);
    QtCliRun run;
    if (process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit) run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

}  // namespace srllm::test
