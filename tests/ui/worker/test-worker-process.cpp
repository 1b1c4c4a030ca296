// ui/worker/worker-process: a real child process (/bin/sh scripts standing in for `srllm`) speaks JSON
// lines on stdout and words on stderr; cancel is SIGTERM, kill is SIGKILL, and each ending is told apart.
#include <csignal>

#include <QSignalSpy>
#include <QTest>

#include "ui/worker/worker-process.h"

using srllm::ui::WorkerProcess;

namespace {

const QString kShell = QStringLiteral("/bin/sh");

// Starts `script` under /bin/sh and waits until it ends (or 20 s pass).
void runScript(WorkerProcess& worker, const QString& script, QSignalSpy& finished) {
    QVERIFY(worker.start(kShell, {QStringLiteral("-c"), script}));
    QVERIFY(finished.wait(20000));
}

WorkerProcess::Outcome outcomeOf(const QSignalSpy& finished) {
    return finished.first().at(0).value<WorkerProcess::Outcome>();
}

bool processAlive(qint64 pid) { return pid > 0 && ::kill(pid_t(pid), 0) == 0; }

}  // namespace

class TestWorkerProcess : public QObject {
    Q_OBJECT
private slots:
    void eventsAndStderrArriveInOrder();
    void nonZeroExitIsAFailureNamingTheLastMessage();
    void cancelSendsSigtermAndTheWorkerSaysGoodbye();
    void killIsACrash();
    void missingProgramDoesNotStart();
    void protocolProblemsAreReportedNotFatal();
    void stderrTailIsBounded();
    void destroyingARunningWorkerStopsIt();
    void secondStartWhileRunningIsRefused();
};

void TestWorkerProcess::eventsAndStderrArriveInOrder() {
    WorkerProcess worker;
    QSignalSpy events(&worker, &WorkerProcess::event);
    QSignalSpy errors(&worker, &WorkerProcess::stderrLine);
    QSignalSpy finished(&worker, &WorkerProcess::finished);
    runScript(worker,
              QStringLiteral("echo '{\"event\":\"start\",\"total_steps\":2}'; echo 'loading model' >&2;"
                             "echo '{\"event\":\"step\",\"step\":1}'; printf '{\"event\":\"done\",\"steps\":2}'"),
              finished);
    QCOMPARE(outcomeOf(finished), WorkerProcess::Outcome::Finished);
    QCOMPARE(finished.first().at(1).toInt(), 0);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).at(0).value<nlohmann::json>().at("event").get<std::string>(), std::string("start"));
    QCOMPARE(events.at(1).at(0).value<nlohmann::json>().at("step").get<int>(), 1);
    QCOMPARE(events.at(2).at(0).value<nlohmann::json>().at("steps").get<int>(), 2);  // came without a newline
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(0).toString(), QStringLiteral("loading model"));
}

void TestWorkerProcess::nonZeroExitIsAFailureNamingTheLastMessage() {
    WorkerProcess worker;
    QSignalSpy finished(&worker, &WorkerProcess::finished);
    runScript(worker, QStringLiteral("echo 'reading config' >&2; echo 'srllm: error: config.json: missing' >&2; exit 3"), finished);
    QCOMPARE(outcomeOf(finished), WorkerProcess::Outcome::Failed);
    QCOMPARE(finished.first().at(1).toInt(), 3);
    const QString message = finished.first().at(2).toString();
    QVERIFY2(message.contains(QLatin1String("code 3")) && message.contains(QLatin1String("config.json: missing")),
             qPrintable(message));
}

void TestWorkerProcess::cancelSendsSigtermAndTheWorkerSaysGoodbye() {
    WorkerProcess worker;
    QSignalSpy events(&worker, &WorkerProcess::event);
    QSignalSpy finished(&worker, &WorkerProcess::finished);
    // The stand-in traps TERM as `srllm train` does: a last line, then exit 0.
    QVERIFY(worker.start(kShell, {QStringLiteral("-c"),
                                  QStringLiteral("trap 'echo {\\\"event\\\":\\\"cancelled\\\",\\\"step\\\":5}; exit 0' TERM;"
                                                 "echo '{\"event\":\"start\"}'; while :; do sleep 0.05; done")}));
    QVERIFY(events.wait(10000));
    QVERIFY(worker.isRunning());
    worker.cancel();
    QVERIFY(worker.isCancelling());
    QVERIFY(finished.wait(10000));
    QCOMPARE(outcomeOf(finished), WorkerProcess::Outcome::Finished);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(1).at(0).value<nlohmann::json>().at("event").get<std::string>(), std::string("cancelled"));
    QVERIFY(!worker.isCancelling());
}

void TestWorkerProcess::killIsACrash() {
    WorkerProcess worker;
    QSignalSpy events(&worker, &WorkerProcess::event);
    QSignalSpy finished(&worker, &WorkerProcess::finished);
    QVERIFY(worker.start(kShell, {QStringLiteral("-c"), QStringLiteral("echo '{\"event\":\"start\"}'; exec sleep 60")}));
    QVERIFY(events.wait(10000));
    worker.kill();
    QVERIFY(finished.wait(10000));
    QCOMPARE(outcomeOf(finished), WorkerProcess::Outcome::Crashed);
    QVERIFY(finished.first().at(2).toString().contains(QLatin1String("unexpectedly")));
}

void TestWorkerProcess::missingProgramDoesNotStart() {
    WorkerProcess worker;
    QSignalSpy finished(&worker, &WorkerProcess::finished);
    QVERIFY(worker.start(QStringLiteral("/nonexistent/srllm"), {}));
    QVERIFY(finished.wait(10000));
    QCOMPARE(outcomeOf(finished), WorkerProcess::Outcome::NotStarted);
    QVERIFY(finished.first().at(2).toString().contains(QLatin1String("/nonexistent/srllm")));
    QVERIFY(!worker.isRunning());
}

void TestWorkerProcess::protocolProblemsAreReportedNotFatal() {
    WorkerProcess worker;
    QSignalSpy events(&worker, &WorkerProcess::event);
    QSignalSpy problems(&worker, &WorkerProcess::protocolProblem);
    QSignalSpy finished(&worker, &WorkerProcess::finished);
    runScript(worker, QStringLiteral("echo 'progress 10%'; echo '{\"event\":\"done\"}'"), finished);
    QCOMPARE(outcomeOf(finished), WorkerProcess::Outcome::Finished);
    QCOMPARE(events.size(), 1);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().at(0).toString().startsWith(QLatin1String("line 1: not JSON")));
}

void TestWorkerProcess::stderrTailIsBounded() {
    WorkerProcess worker;
    worker.stderrLineLimit = 10;
    QSignalSpy finished(&worker, &WorkerProcess::finished);
    runScript(worker, QStringLiteral("i=1; while [ $i -le 50 ]; do echo \"message $i\" >&2; i=$((i+1)); done"), finished);
    const QStringList tail = worker.stderrTail();
    QCOMPARE(tail.size(), 10);
    QCOMPARE(tail.first(), QStringLiteral("message 41"));
    QCOMPARE(tail.last(), QStringLiteral("message 50"));
}

void TestWorkerProcess::destroyingARunningWorkerStopsIt() {
    qint64 pid = 0;
    {
        WorkerProcess worker;
        worker.stopGraceMs = 2000;
        QSignalSpy started(&worker, &WorkerProcess::started);
        QVERIFY(worker.start(kShell, {QStringLiteral("-c"), QStringLiteral("exec sleep 60")}));
        QVERIFY(started.wait(10000));
        pid = worker.processId();
        QVERIFY(processAlive(pid));
    }
    QVERIFY(!processAlive(pid));
}

void TestWorkerProcess::secondStartWhileRunningIsRefused() {
    WorkerProcess worker;
    QSignalSpy started(&worker, &WorkerProcess::started);
    QVERIFY(worker.start(kShell, {QStringLiteral("-c"), QStringLiteral("exec sleep 60")}));
    QVERIFY(started.wait(10000));
    QVERIFY(!worker.start(kShell, {QStringLiteral("-c"), QStringLiteral("true")}));
    worker.kill();
    QVERIFY(worker.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestWorkerProcess)
#include "test-worker-process.moc"
