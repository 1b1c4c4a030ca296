// ctest-label: slow
// ui/train/train-view, end to end: a tiny Llama (`srllm model new`, a tokenizer from `srllm tokenizer
// train`) and a project with gold rewrites (init, import, adjudicate, snapshot: all through the CLI); the
// job is started from the Train page, its loss falls and every chart fills, it is cancelled and resumed,
// its worker killed with SIGKILL and resumed, and its losses equal those of an uninterrupted CLI run of
// the same settings. Reopening the page reads the run back; Discard asks first.
#include <csignal>
#include <fstream>
#include <numeric>

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include "core/job/job-events.h"
#include "core/job/job-layout.h"
#include "db/annotators.h"
#include "db/jobs.h"
#include "db/project.h"
#include "support/qt-cli-run.h"
#include "support/time-scale.h"
#include "ui/project-session.h"
#include "ui/train/job-queue.h"
#include "ui/train/job-setup-form.h"
#include "ui/train/new-job-tab.h"
#include "ui/train/run-log-view.h"
#include "ui/train/run-panel.h"
#include "ui/train/run-record-view.h"
#include "ui/train/train-view.h"
#include "ui/train/training-charts.h"

using namespace srllm;
using Curve = ui::TrainingCurves::Curve;

namespace {

const int kRunMs = srllm::test::scaledMs(120000);  // one tiny job on a shared 2-core machine
const char* const kTemplate = "Rewrite: {text}\n{rewrite}";

// The settings of the run, the GUI's and the CLI's alike: 19 steps per epoch (38 records, batch 2).
core::TrainConfig tinyConfig() {
    core::TrainConfig c;
    c.lora.rank = 8;
    c.learningRate = 5e-3;
    c.batchSize = 2;
    c.gradAccumulation = 1;
    c.maxLength = 96;
    c.epochs = 12;
    c.checkpointEvery = 5;
    c.evalEvery = 10;
    c.earlyStoppingPatience = 0;
    return c;
}

QString runCli(const QStringList& arguments) {
    const auto run = test::runCliQt(arguments, kRunMs);
    if (run.exitCode != 0) return QStringLiteral("FAILED: srllm %1\n%2").arg(arguments.join(QLatin1Char(' ')), run.output());
    return {};
}

QVector<double> lossesOf(const QString& jobDir) {
    return ui::TrainingCurves::fromLog(jobDir).series(Curve::LossTrain).values;
}

}  // namespace

class TestTrainView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void badModelFolderNamesEachMissingPiece();
    void runCancelResumeKillResumeFromThePage();
    void pastRunReadsBackWhenThePageOpens();
    void followsAndCancelsARunOfAnotherProcess();
    void discardAsksFirst();
    void cleanupTestCase();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    db::JobStatus statusOf(const QString& jobDir);
    void clickMessageBoxButton(const QString& text);

    QTemporaryDir m_dir;
    std::unique_ptr<ui::ProjectSession> m_session;
    QString m_job;
};

void TestTrainView::initTestCase() {
    if (qEnvironmentVariable("SRLLM_CLI").isEmpty() || !runCli({QStringLiteral("job"), QStringLiteral("devices")}).isEmpty())
        QSKIP("the srllm binary with the engine is not available (SRLLM_ENGINE=OFF?)");
    // 48 posts in four splits; two annotators agree on each, so adjudication gives gold for all.
    std::ofstream items(path(QStringLiteral("items.jsonl")).toStdString()), ann(path(QStringLiteral("ann.jsonl")).toStdString()),
        corpus(path(QStringLiteral("corpus.txt")).toStdString());
    const char* subjects[] = {"Older workers", "Young people", "Immigrants", "Women", "Men", "Students", "Farmers", "Nurses"};
    const char* claims[] = {"cannot learn new software", "are always lazy", "never pay their taxes", "are bad at math",
                            "ruin every team"};
    for (int i = 0; i < 48; ++i) {
        const std::string text = std::string(subjects[i % 8]) + " " + claims[i % 5] + ", says post " + std::to_string(i) + ".";
        const std::string rewrite = "Some people may need support, says post " + std::to_string(i) + ".";
        const char* split = i < 38 ? "train" : i < 44 ? "val" : "test";
        items << nlohmann::json{{"id", "p" + std::to_string(i)}, {"text", text}, {"split", split}}.dump() << "\n";
        for (const char* annotator : {"ann", "bob"})
            ann << nlohmann::json{{"item", "p" + std::to_string(i)}, {"annotator", annotator},
                                  {"labels", {{"annotation", "Unsafe"}, {"bias", "Yes"}}}, {"rewrite", rewrite}}
                       .dump()
                << "\n";
        corpus << text << "\n" << rewrite << "\n";
    }
    items.close();
    ann.close();
    corpus.close();
    const QString project = path(QStringLiteral("p.srllm"));
    for (const QStringList& args : {
             QStringList{"tokenizer", "train", "--corpus", path("corpus.txt"), "--vocab-size", "400", "--out", path("tok")},
             QStringList{"model", "new", path("model"), "--arch", "llama", "--layers", "2", "--dim", "64", "--heads", "4",
                         "--kv-heads", "2", "--tokenizer", path("tok")},
             QStringList{"init", project},
             QStringList{"import", project, path("items.jsonl")},
             QStringList{"import", project, path("ann.jsonl"), "--format", "annotations"},
             QStringList{"adjudicate", project, "--auto", "majority"},
             QStringList{"snapshot", "create", project, "gold"},
         }) {
        const QString failure = runCli(args);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    auto opened = db::Project::open(project.toStdString());
    const int64_t annotator = db::ensureAnnotator(opened->db(), "ann");
    m_session = std::make_unique<ui::ProjectSession>(std::move(opened), annotator);
    m_job = path(QStringLiteral("job-gui"));
}

void TestTrainView::cleanupTestCase() { m_session.reset(); }

db::JobStatus TestTrainView::statusOf(const QString& jobDir) {
    const auto row = db::jobByDir(m_session->db(), jobDir.toStdString());
    return row ? row->status : db::JobStatus::Queued;
}

void TestTrainView::clickMessageBoxButton(const QString& text) {
    QTimer::singleShot(200, this, [text] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) return;
        for (QAbstractButton* button : box->buttons())
            if (button->text() == text) button->click();
    });
}

void TestTrainView::badModelFolderNamesEachMissingPiece() {
    ui::TrainView view(m_session.get());
    QDir().mkpath(path(QStringLiteral("empty-model")));
    view.form()->setModelFolder(path(QStringLiteral("empty-model")));
    const QString report = view.form()->findChild<QLabel*>(QStringLiteral("modelReport"))->text();
    QVERIFY2(report.contains(QLatin1String("config.json")) && report.contains(QLatin1String("model.safetensors")) &&
                 report.contains(QLatin1String("tokenizer")),
             qPrintable(report));
    QTRY_VERIFY(view.form()->findChild<QLabel*>(QStringLiteral("estimate"))->text().contains(QLatin1String("base model")));
    QVERIFY(!view.form()->startButton()->isEnabled());

    // A device this machine does not have is refused before anything is written.
    view.form()->setModelFolder(path(QStringLiteral("model")));
    view.form()->findChild<QComboBox*>(QStringLiteral("device"))->setCurrentIndex(2);  // CUDA
    QTRY_VERIFY_WITH_TIMEOUT(!view.form()->findChild<QLabel*>(QStringLiteral("estimate"))->text().isEmpty(), 10000);
    QTest::qWait(1500);  // the devices answer and the preview after it
    if (!view.newJobTab()->cudaAvailable()) {
        QTRY_VERIFY(view.form()->findChild<QLabel*>(QStringLiteral("estimate"))->text().contains(QLatin1String("device")));
        QVERIFY(!view.form()->startButton()->isEnabled());
    }
}

void TestTrainView::runCancelResumeKillResumeFromThePage() {
    ui::TrainView view(m_session.get());
    ui::JobSetupForm* form = view.form();
    form->setModelFolder(path(QStringLiteral("model")));
    form->findChild<QComboBox*>(QStringLiteral("template"))->setCurrentText(QStringLiteral("custom"));
    form->findChild<QPlainTextEdit*>(QStringLiteral("customTemplate"))->setPlainText(QString::fromLatin1(kTemplate));
    form->setTrainConfig(tinyConfig());
    form->findChild<QComboBox*>(QStringLiteral("device"))->setCurrentIndex(1);  // CPU
    form->setJobFolder(m_job);
    QTRY_VERIFY_WITH_TIMEOUT(form->startButton()->isEnabled(), 20000);
    QVERIFY(form->findChild<QLabel*>(QStringLiteral("estimate"))->text().contains(QLatin1String("Estimate")));
    QVERIFY(form->findChild<QLabel*>(QStringLiteral("dataReport"))->text().startsWith(QLatin1String("38 training and 6 validation")));

    QSignalSpy created(&view, &ui::TrainView::jobCreated);
    form->startButton()->click();
    QVERIFY(created.wait(kRunMs));
    const qint64 id = created.first().at(0).toLongLong();
    QCOMPARE(view.selectedJob(), id);
    const ui::TrainingCharts* charts = view.runPanel()->charts();

    // Cancel once the run is under way: a checkpoint, then "cancelled"; Resume names its step.
    QTRY_VERIFY_WITH_TIMEOUT(charts->pointCount(Curve::LossTrain) >= 8, kRunMs);
    QVERIFY(view.cancelButton()->isEnabled());
    view.cancelButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_job), db::JobStatus::Cancelled, kRunMs);
    QTRY_VERIFY(!view.queue()->worker(id));
    QVERIFY(view.runPanel()->log()->toPlainText().contains(QLatin1String("cancelled at step")));
    QTRY_VERIFY(view.resumeButton()->isEnabled());
    QVERIFY2(view.resumeButton()->text().startsWith(QLatin1String("Resume from step")), qPrintable(view.resumeButton()->text()));
    QVERIFY(!view.startButton()->isEnabled());  // a checkpoint would be lost

    // Resume, then kill the worker with SIGKILL once it has saved a checkpoint of its own.
    const int cancelledAt = charts->pointCount(Curve::LossTrain);
    view.resumeButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(view.queue()->worker(id) && charts->pointCount(Curve::LossTrain) >= cancelledAt + 8, kRunMs);
    QVERIFY(view.runPanel()->log()->toPlainText().contains(QLatin1String("resumed from step")));
    ::kill(pid_t(view.queue()->worker(id)->processId()), SIGKILL);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_job), db::JobStatus::Failed, kRunMs);
    QTRY_VERIFY(view.runPanel()->log()->toPlainText().contains(QLatin1String("stopped unexpectedly")));
    QTRY_VERIFY(view.resumeButton()->isEnabled());
    view.resumeButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_job), db::JobStatus::Done, kRunMs);
    QTRY_VERIFY(!view.queue()->worker(id));

    // Every chart is filled, one point per step once the resumes dropped what the checkpoints did not hold.
    const ui::TrainingCurves& curves = view.runPanel()->shownCurves();
    const qsizetype steps = curves.series(Curve::LossTrain).steps.size();
    QCOMPARE(steps, qsizetype(19 * 12));
    for (qsizetype i = 0; i < steps; ++i) QCOMPARE(curves.series(Curve::LossTrain).steps[i], double(i + 1));
    for (Curve curve : {Curve::LearningRate, Curve::TokensPerSecond, Curve::EtaSeconds, Curve::MemoryBytes})
        QCOMPARE(charts->pointCount(curve), int(steps));
    QCOMPARE(charts->pointCount(Curve::LossEval), int(steps / 10) + 1);  // every 10 steps and at the end
    QCOMPARE(curves.progress().resumes, 2);
    const QVector<double> loss = curves.series(Curve::LossTrain).values;
    const double first = std::accumulate(loss.begin(), loss.begin() + 10, 0.0) / 10;
    const double last = std::accumulate(loss.end() - 10, loss.end(), 0.0) / 10;
    QVERIFY2(last < first - 0.5, qPrintable(QStringLiteral("loss %1 -> %2").arg(first).arg(last)));

    // The same settings run without interruption from the CLI give the same losses, bit for bit.
    const QString config = path(QStringLiteral("tiny-config.json"));
    std::ofstream(config.toStdString()) << tinyConfig().toJson().dump();
    QString failure = runCli({"job", "new", path("p.srllm"), path("job-cli"), "--model", path("model"), "--snapshot", "gold",
                              "--no-queue", "--template", "custom", "--custom-template", QString::fromLatin1(kTemplate),
                              "--config", config, "--device", "cpu"});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    failure = runCli({"train", path("job-cli")});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(lossesOf(path(QStringLiteral("job-cli"))), loss);
}

void TestTrainView::pastRunReadsBackWhenThePageOpens() {
    ui::TrainView view(m_session.get());
    const auto row = db::jobByDir(m_session->db(), m_job.toStdString());
    QVERIFY(row);
    view.selectJob(row->id);
    QCOMPARE(view.runPanel()->charts()->pointCount(Curve::LossTrain), 19 * 12);
    QCOMPARE(view.runPanel()->record()->value(QStringLiteral("Run"), QStringLiteral("Status")), QStringLiteral("done"));
    QVERIFY(view.runPanel()->record()->value(QStringLiteral("Base model"), QStringLiteral("Hash")).startsWith(QLatin1String("sha256:")));
    QVERIFY(view.runPanel()->log()->toPlainText().contains(QLatin1String("done: 228 steps")));
    QVERIFY(!view.resumeButton()->isEnabled());
    QVERIFY(view.discardButton()->isEnabled());
}

void TestTrainView::followsAndCancelsARunOfAnotherProcess() {
    // What a workbench reopened after a crash sees: a run it did not start, followed through its log.
    const QString dir = path(QStringLiteral("job-other"));
    core::TrainConfig config = tinyConfig();
    // 19,000 steps (the most epochs a config takes): on an idle machine 100 epochs ended in 9 s, before the
    // heartbeat (every 10 s) carried the cancel; this run outlasts it by more than a minute.
    config.epochs = 1000;
    const QString configFile = path(QStringLiteral("long-config.json"));
    std::ofstream(configFile.toStdString()) << config.toJson().dump();
    const QString failure = runCli({"job", "new", path("p.srllm"), dir, "--model", path("model"), "--snapshot", "gold",
                                    "--no-queue", "--template", "custom", "--custom-template", QString::fromLatin1(kTemplate),
                                    "--config", configFile, "--device", "cpu"});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QProcess other;
    other.setStandardOutputFile(QProcess::nullDevice());
    other.start(qEnvironmentVariable("SRLLM_CLI"), {QStringLiteral("train"), dir});
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(dir), db::JobStatus::Running, kRunMs);

    ui::TrainView view(m_session.get());
    view.queue()->setPollInterval(300);
    const qint64 id = db::jobByDir(m_session->db(), dir.toStdString())->id;
    view.selectJob(id);
    QVERIFY(!view.queue()->worker(id));
    const int seen = view.runPanel()->charts()->pointCount(Curve::LossTrain);
    QTRY_VERIFY_WITH_TIMEOUT(view.runPanel()->charts()->pointCount(Curve::LossTrain) > seen, kRunMs);
    QVERIFY(view.cancelButton()->isEnabled());
    view.cancelButton()->click();
    QCOMPARE(statusOf(dir), db::JobStatus::Cancelling);
    QVERIFY(other.waitForFinished(kRunMs));  // it saw "cancelling" at its next heartbeat
    QCOMPARE(other.exitCode(), 0);
    QTRY_COMPARE(statusOf(dir), db::JobStatus::Cancelled);
    QTRY_VERIFY(view.resumeButton()->isEnabled());
}

void TestTrainView::discardAsksFirst() {
    ui::TrainView view(m_session.get());
    const auto row = db::jobByDir(m_session->db(), m_job.toStdString());
    QVERIFY(row);
    view.selectJob(row->id);
    const QString log = m_job + QLatin1Char('/') + QString::fromLatin1(core::kJobLogFile);
    clickMessageBoxButton(QStringLiteral("Keep them"));
    view.discardButton()->click();
    QVERIFY(QFile::exists(log));
    QVERIFY(db::jobById(m_session->db(), row->id));
    clickMessageBoxButton(QStringLiteral("Discard outputs"));
    view.discardButton()->click();
    QVERIFY(!QFile::exists(log));
    QVERIFY(!QFile::exists(m_job + QStringLiteral("/adapter")));
    QVERIFY(QFile::exists(m_job + QStringLiteral("/job.json")));
    QVERIFY(!db::jobById(m_session->db(), row->id));
    QCOMPARE(view.jobTable()->model()->rowCount(), 2);  // the jobs of the CLI runs stay
}

QTEST_MAIN(TestTrainView)
#include "test-train-view.moc"
