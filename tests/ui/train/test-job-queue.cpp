// ui/train/job-queue and job-queue-rules: the Train page's queue runs one `srllm train` worker per device
// in queue order, cancels (SIGTERM), fails the row of a worker that died or never started, and discards;
// the buttons follow allowedActions. The worker is a shell stand-in that writes its row as the real one
// does (db/jobs.h: running with its pid and a heartbeat; cancelled on SIGTERM), so no model is needed:
// tests/data/ui/srllm-train-stand-in.sh.
#include <csignal>
#include <fstream>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/job/job-layout.h"
#include "db/project.h"
#include "ui/train/job-queue-rules.h"
#include "ui/train/job-queue.h"

using namespace srllm;
using db::JobStatus;


class TestJobQueue : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void actionsFollowStatusAndFolder_data();
    void actionsFollowStatusAndFolder();
    void oneJobPerDeviceInQueueOrder();
    void workerThatNeverStartedFailsItsRow();
    void killedWorkerFailsItsRowAndCanResume();
    void discardDeletesOutputsAndTheRow();

private:
    QString jobDir(const QString& name, bool withJobFile = true);
    JobStatus statusOf(const std::string& dir);
    qint64 idOf(const std::string& dir);

    QTemporaryDir m_tmp;
    std::unique_ptr<db::Project> m_project;
    int m_n = 0;
};

void TestJobQueue::initTestCase() {
    const QString script = qEnvironmentVariable("SRLLM_SOURCE_DIR") + QStringLiteral("/tests/data/ui/srllm-train-stand-in.sh");
    QVERIFY2(QFileInfo(script).isExecutable(), qPrintable(script));
    qputenv("SRLLM_CLI", script.toUtf8());
}

void TestJobQueue::init() {
    const QString path = m_tmp.filePath(QStringLiteral("p%1.srllm").arg(++m_n));
    m_project = db::Project::create(path.toStdString());
    qputenv("SRLLM_TEST_PROJECT", path.toUtf8());
}

void TestJobQueue::cleanup() { m_project.reset(); }

QString TestJobQueue::jobDir(const QString& name, bool withJobFile) {
    const QString dir = m_tmp.filePath(QStringLiteral("p%1-%2").arg(m_n).arg(name));
    QDir().mkpath(dir);
    if (withJobFile) std::ofstream((dir + QLatin1Char('/') + QString::fromLatin1(core::kJobFile)).toStdString()) << "{}";
    return dir;
}

JobStatus TestJobQueue::statusOf(const std::string& dir) { return db::jobByDir(m_project->db(), dir)->status; }
qint64 TestJobQueue::idOf(const std::string& dir) { return db::jobByDir(m_project->db(), dir)->id; }

void TestJobQueue::actionsFollowStatusAndFolder_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("checkpoint");
    QTest::addColumn<bool>("runDone");
    QTest::addColumn<QString>("allowed");  // letters: s(tart) c(ancel) r(esume) d(iscard)
    QTest::newRow("queued") << int(JobStatus::Queued) << false << false << QStringLiteral("c");
    QTest::newRow("running") << int(JobStatus::Running) << true << false << QStringLiteral("c");
    QTest::newRow("cancelling") << int(JobStatus::Cancelling) << true << false << QString();
    QTest::newRow("cancelled with a checkpoint") << int(JobStatus::Cancelled) << true << false << QStringLiteral("rd");
    QTest::newRow("failed before a checkpoint") << int(JobStatus::Failed) << false << false << QStringLiteral("sd");
    QTest::newRow("failed (killed) after one") << int(JobStatus::Failed) << true << false << QStringLiteral("rd");
    QTest::newRow("done") << int(JobStatus::Done) << true << true << QStringLiteral("d");
}

void TestJobQueue::actionsFollowStatusAndFolder() {
    QFETCH(int, status);
    QFETCH(bool, checkpoint);
    QFETCH(bool, runDone);
    QFETCH(QString, allowed);
    core::JobFolderState folder;
    folder.hasJob = true;
    if (checkpoint) folder.checkpointSteps = {25};
    if (runDone) {
        folder.hasResult = true;
        folder.run = core::RunRecord{};  // status done
    }
    const ui::JobActions can = ui::allowedActions(JobStatus(status), folder);
    QString got;
    if (can.start) got += QLatin1Char('s');
    if (can.cancel) got += QLatin1Char('c');
    if (can.resume) got += QLatin1Char('r');
    if (can.discard) got += QLatin1Char('d');
    QCOMPARE(got, allowed);
    QCOMPARE(ui::needsResume(folder), checkpoint);
}

void TestJobQueue::oneJobPerDeviceInQueueOrder() {
    db::Database& d = m_project->db();
    const std::string a = jobDir(QStringLiteral("a")).toStdString(), b = jobDir(QStringLiteral("b")).toStdString(),
                      c = jobDir(QStringLiteral("c")).toStdString();
    db::enqueueJob(d, a, "cpu", std::nullopt);
    db::enqueueJob(d, b, "cpu", std::nullopt);
    db::enqueueJob(d, c, "cuda:1", std::nullopt);
    ui::JobQueue queue(d);
    queue.setPollInterval(100);
    QSignalSpy events(&queue, &ui::JobQueue::jobEvent);
    queue.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(a) == JobStatus::Running && statusOf(c) == JobStatus::Running, 10000);
    QTRY_COMPARE(events.size(), 2);  // the two start lines
    QCOMPARE(statusOf(b), JobStatus::Queued);  // the CPU is taken
    QVERIFY(!queue.worker(idOf(b)));

    queue.cancel(idOf(a));
    QCOMPARE(statusOf(a), JobStatus::Cancelling);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(a), JobStatus::Cancelled, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(b), JobStatus::Running, 10000);  // its turn came

    queue.cancel(idOf(c));
    queue.cancel(idOf(b));
    QTRY_VERIFY_WITH_TIMEOUT(!queue.worker(idOf(b)) && !queue.worker(idOf(c)), 10000);
    QCOMPARE(statusOf(b), JobStatus::Cancelled);
    QCOMPARE(statusOf(c), JobStatus::Cancelled);
}

void TestJobQueue::workerThatNeverStartedFailsItsRow() {
    const std::string dir = jobDir(QStringLiteral("fails")).toStdString();
    db::enqueueJob(m_project->db(), dir, "cpu", std::nullopt);
    ui::JobQueue queue(m_project->db());
    QSignalSpy finished(&queue, &ui::JobQueue::workerFinished);
    queue.refresh();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(1).value<ui::WorkerProcess::Outcome>(), ui::WorkerProcess::Outcome::Failed);
    const auto row = db::jobByDir(m_project->db(), dir);
    QCOMPARE(row->status, JobStatus::Failed);
    QVERIFY2(QString::fromStdString(row->error).contains(QLatin1String("job.json: unreadable")), row->error.c_str());
    QVERIFY(!queue.worker(row->id));  // not started again
}

void TestJobQueue::killedWorkerFailsItsRowAndCanResume() {
    const std::string dir = jobDir(QStringLiteral("killed")).toStdString();
    db::enqueueJob(m_project->db(), dir, "cpu", std::nullopt);
    ui::JobQueue queue(m_project->db());
    QSignalSpy finished(&queue, &ui::JobQueue::workerFinished);
    queue.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(dir), JobStatus::Running, 10000);
    ::kill(pid_t(queue.worker(idOf(dir))->processId()), SIGKILL);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(1).value<ui::WorkerProcess::Outcome>(), ui::WorkerProcess::Outcome::Crashed);
    const auto row = db::jobByDir(m_project->db(), dir);
    QCOMPARE(row->status, JobStatus::Failed);
    QVERIFY2(QString::fromStdString(row->error).contains(QLatin1String("stopped without finishing")), row->error.c_str());
    core::JobFolderState folder;
    folder.hasJob = true;
    folder.checkpointSteps = {1};
    QVERIFY(ui::allowedActions(row->status, folder).resume);
    queue.requeue(row->id);  // Resume
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(dir), JobStatus::Running, 10000);
    queue.cancel(row->id);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(dir), JobStatus::Cancelled, 10000);
}

void TestJobQueue::discardDeletesOutputsAndTheRow() {
    const QString dir = jobDir(QStringLiteral("discard"));
    QDir().mkpath(dir + QStringLiteral("/checkpoints/step-00000001"));
    QDir().mkpath(dir + QStringLiteral("/data"));
    std::ofstream((dir + QStringLiteral("/log.jsonl")).toStdString()) << "{}\n";
    std::ofstream((dir + QStringLiteral("/data/train.jsonl")).toStdString()) << "{}\n";
    const auto row = db::enqueueJob(m_project->db(), dir.toStdString(), "cpu", std::nullopt);
    db::endJobRun(m_project->db(), row.id, JobStatus::Cancelled);
    ui::JobQueue queue(m_project->db());
    queue.refresh();
    queue.discard(row.id);
    QVERIFY(!db::jobById(m_project->db(), row.id));
    QVERIFY(!QFile::exists(dir + QStringLiteral("/log.jsonl")));
    QVERIFY(!QFile::exists(dir + QStringLiteral("/checkpoints")));
    QVERIFY(QFile::exists(dir + QStringLiteral("/job.json")));
    QVERIFY(QFile::exists(dir + QStringLiteral("/data/train.jsonl")));
    QVERIFY(queue.rows().empty());
}

QTEST_GUILESS_MAIN(TestJobQueue)
#include "test-job-queue.moc"
