// ui/train/train-view with Slurm (ui/train/slurm-client.h): stand-ins for sbatch, squeue and scancel
// (tests/data/ui/fake-slurm/, copied first on PATH) record their arguments and answer as the real tools do.
// The page submits a job folder (the script export-slurm writes, with the dialog's allocation), shows
// sbatch's refusal, follows squeue's state and the folder's log.jsonl, and cancels with SIGTERM to the
// tasks, after which the job resumes. Without sbatch on PATH the page offers no Slurm at all.
#include <filesystem>
#include <fstream>

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "core/job/job-events.h"
#include "core/job/job-layout.h"
#include "core/job/job-spec.h"
#include "core/job/slurm-submission.h"
#include "db/annotators.h"
#include "db/jobs.h"
#include "db/project.h"
#include "ui/project-session.h"
#include "ui/train/job-list-model.h"
#include "ui/train/job-queue.h"
#include "ui/train/run-panel.h"
#include "ui/train/slurm-submit-dialog.h"
#include "ui/train/train-view.h"
#include "ui/train/training-charts.h"

using namespace srllm;

class TestTrainSlurm : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void submitFollowCancelResume();
    void noSbatchNoSlurm();
    void cleanupTestCase();

private:
    QString fake(const QString& name) const { return m_tmp.filePath(QStringLiteral("slurm/") + name); }
    QString readFake(const QString& name) const;
    static QString cell(const ui::TrainView& view, int column);
    void fillDialogThenSubmit();

    QTemporaryDir m_tmp;
    QByteArray m_path;
    std::unique_ptr<ui::ProjectSession> m_session;
    QString m_job;
    qint64 m_id = 0;
};

QString TestTrainSlurm::readFake(const QString& name) const {
    QFile file(fake(name));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString TestTrainSlurm::cell(const ui::TrainView& view, int column) {
    const QAbstractItemModel* model = view.jobTable()->model();
    return model->index(0, column).data().toString();
}

void TestTrainSlurm::initTestCase() {
    const QString stands = qEnvironmentVariable("SRLLM_SOURCE_DIR") + QStringLiteral("/tests/data/ui/fake-slurm/");
    QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("bin"))) && QDir().mkpath(fake({})));
    for (const char* tool : {"sbatch", "squeue", "scancel"}) {
        const QString to = m_tmp.filePath(QStringLiteral("bin/") + QLatin1String(tool));
        QVERIFY2(QFile::copy(stands + QLatin1String(tool), to), tool);
        QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    m_path = qgetenv("PATH");
    qputenv("PATH", m_tmp.filePath(QStringLiteral("bin")).toUtf8() + ':' + m_path);
    qputenv("FAKE_SLURM", fake({}).toUtf8());
    qputenv("SRLLM_CLI", "/opt/srllm/bin/srllm");  // what the script runs on the nodes

    auto project = db::Project::create(m_tmp.filePath(QStringLiteral("p.srllm")).toStdString());
    const int64_t annotator = db::ensureAnnotator(project->db(), "ann");
    m_session = std::make_unique<ui::ProjectSession>(std::move(project), annotator);
    // A job folder (batch 4, so 2 processes share it) whose row is idle: it never ran.
    m_job = m_tmp.filePath(QStringLiteral("job one"));
    core::JobSpec spec;
    spec.baseModel = {"/models/tiny", "", "LlamaForCausalLM"};
    spec.train.batchSize = 4;
    spec.device = "cpu";
    spec.data.templ = {"custom", "Fix: {text}\n", "{rewrite}"};
    spec.data.train = {core::kJobTrainData, 10, ""};
    core::writeJobSpec(m_job.toStdString(), spec);
    m_id = db::enqueueJob(m_session->db(), m_job.toStdString(), "cpu", std::nullopt).id;
    db::requestCancel(m_session->db(), m_id);
}

void TestTrainSlurm::cleanupTestCase() {
    m_session.reset();
    qputenv("PATH", m_path);
}

void TestTrainSlurm::fillDialogThenSubmit() {
    QTimer::singleShot(100, this, [] {
        auto* dialog = qobject_cast<ui::SlurmSubmitDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->findChild<QSpinBox*>(QStringLiteral("nodes"))->setValue(2);
        dialog->findChild<QLineEdit*>(QStringLiteral("time"))->setText(QStringLiteral("1:30:00"));
        dialog->findChild<QLineEdit*>(QStringLiteral("partition"))->setText(QStringLiteral("gpu"));
        dialog->accept();
    });
}

void TestTrainSlurm::submitFollowCancelResume() {
    ui::TrainView view(m_session.get());
    view.queue()->setPollInterval(100);
    view.setSlurmPollInterval(0);
    view.selectJob(m_id);
    QVERIFY(!view.submitButton()->isHidden());
    QVERIFY(view.submitButton()->isEnabled());

    // sbatch refuses: its own words on the page, nothing recorded in the folder.
    std::ofstream(fake(QStringLiteral("refuse")).toStdString())
        << "sbatch: error: Batch job submission failed: Invalid account or account/partition combination specified\n";
    fillDialogThenSubmit();
    view.submitButton()->click();
    QTRY_VERIFY(view.slurmNote()->text().contains(QLatin1String("Invalid account or account/partition combination")));
    QVERIFY(!std::filesystem::exists(std::filesystem::path(m_job.toStdString()) / core::kSlurmSubmissionFile));
    QFile::remove(fake(QStringLiteral("refuse")));

    // Submitted: the script export-slurm writes, with the dialog's allocation; the id kept in slurm.json.
    fillDialogThenSubmit();
    view.submitButton()->click();
    QTRY_VERIFY(view.slurmNote()->text().contains(QLatin1String("Slurm job 42")));
    const QString script = QDir(m_job).filePath(QStringLiteral("slurm.sbatch"));
    QCOMPARE(readFake(QStringLiteral("sbatch.args")).split(QLatin1Char('\n'), Qt::SkipEmptyParts).last(), script);
    const QString submitted = readFake(QStringLiteral("submitted.sbatch"));
    for (const QString& line : {QStringLiteral("#SBATCH --nodes=2\n"), QStringLiteral("#SBATCH --ntasks-per-node=1\n"),
                                QStringLiteral("#SBATCH --time=1:30:00\n"), QStringLiteral("#SBATCH --partition=gpu\n"),
                                QStringLiteral("JOBDIR='%1'\n").arg(m_job), QStringLiteral("SRLLM='/opt/srllm/bin/srllm'\n"),
                                QStringLiteral("srun --kill-on-bad-exit=1 \"$SRLLM\" train \"$JOBDIR\"")})
        QVERIFY2(submitted.contains(line), qPrintable(line));
    const auto record = core::readSlurmSubmission(m_job.toStdString());
    QVERIFY(record);
    QCOMPARE(record->jobId, std::string("42"));
    QCOMPARE(record->processes, 2);
    QCOMPARE(cell(view, ui::JobListModel::Slurm), QStringLiteral("42"));
    QTRY_COMPARE(cell(view, ui::JobListModel::Status), QStringLiteral("Slurm: pending"));
    // "pending" is shown from sbatch's answer, before the first poll: wait for squeue (it lagged behind on a loaded machine).
    QTRY_VERIFY(readFake(QStringLiteral("squeue.args")).contains(QLatin1String("--noheader --format=%i|%T|%M|%R --jobs=42")));
    QVERIFY(!view.startButton()->isEnabled() && !view.discardButton()->isEnabled() && !view.submitButton()->isEnabled());
    QVERIFY(view.cancelButton()->isEnabled());

    // Running on the cluster: squeue's state, and the progress its rank 0 appends to log.jsonl.
    std::ofstream(fake(QStringLiteral("queue")).toStdString()) << "42|RUNNING|0:07|node1\n";
    QTRY_COMPARE(cell(view, ui::JobListModel::Status), QStringLiteral("Slurm: running"));
    {
        std::ofstream log(QDir(m_job).filePath(QString::fromLatin1(core::kJobLogFile)).toStdString(), std::ios::app);
        core::StartEvent start;
        start.totalSteps = 10;
        start.worldSize = 2;
        log << core::eventLine({{}, start}) << "\n";
        for (int step = 1; step <= 3; ++step) {
            core::StepEvent e;
            e.step = step;
            e.totalSteps = 10;
            e.lossTrain = 3.0 - 0.5 * step;
            log << core::eventLine({{}, e}) << "\n";
        }
    }
    QTRY_COMPARE(view.runPanel()->charts()->pointCount(ui::TrainingCurves::Curve::LossTrain), 3);

    // Cancel: SIGTERM to the tasks (they checkpoint), the job leaves the queue (squeue then refuses its
    // id, as Slurm does once it has forgotten a job), and it resumes from its checkpoint.
    const auto checkpoint = std::filesystem::path(m_job.toStdString()) / core::kCheckpointsFolder / core::checkpointFolderName(3);
    std::filesystem::create_directories(checkpoint);
    std::ofstream(checkpoint / core::kCheckpointStateFile) << "state";
    std::ofstream(checkpoint / core::kCheckpointDoneFile) << "";
    view.cancelButton()->click();
    QTRY_COMPARE(readFake(QStringLiteral("scancel.args")), QStringLiteral("--signal=TERM 42\n"));
    QTRY_VERIFY(view.slurmNote()->text().contains(QLatin1String("asked to stop")));
    QTRY_COMPARE(cell(view, ui::JobListModel::Status), QStringLiteral("cancelled"));
    QCOMPARE(cell(view, ui::JobListModel::Slurm), QStringLiteral("42"));
    QTRY_VERIFY(view.resumeButton()->isEnabled());
    QVERIFY(view.submitButton()->isEnabled());  // submitting again resumes too (the script adds --resume)
    QVERIFY(submitted.contains(QLatin1String("RESUME=(--resume)")));
}

void TestTrainSlurm::noSbatchNoSlurm() {
    qputenv("PATH", m_tmp.filePath(QStringLiteral("none")).toUtf8());
    ui::TrainView view(m_session.get());
    qputenv("PATH", m_tmp.filePath(QStringLiteral("bin")).toUtf8() + ':' + m_path);
    QVERIFY(view.submitButton()->isHidden());
    QVERIFY(view.jobTable()->isColumnHidden(ui::JobListModel::Slurm));
}

QTEST_MAIN(TestTrainSlurm)
#include "test-train-slurm.moc"
