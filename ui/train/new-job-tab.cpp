#include "ui/train/new-job-tab.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include "db/project.h"
#include "db/snapshots.h"
#include "ui/project-session.h"
#include "ui/train/job-creator.h"
#include "ui/train/job-estimate-text.h"
#include "ui/train/job-setup-form.h"
#include "ui/worker/thread-job.h"
#include "ui/worker/worker-process.h"

namespace srllm::ui {

namespace {

constexpr int kPreviewDelayMs = 400;  // recompute the estimate once typing pauses
QString qs(const std::string& text) { return QString::fromStdString(text); }
QString errorHtml(const QString& text) { return QStringLiteral("<span style=\"color:#b00020\">%1</span>").arg(text.toHtmlEscaped()); }

}  // namespace

NewJobTab::NewJobTab(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_form(new JobSetupForm), m_creating(new QProgressBar(this)),
      m_stopCreating(new QPushButton(tr("Stop preparing"), this)), m_createStatus(new QLabel(this)),
      m_creator(new JobCreator(this)), m_preview(new ThreadJob(this)), m_devices(new WorkerProcess(this)),
      m_previewTimer(new QTimer(this)),
      m_cpuThreads(QThread::idealThreadCount()) {  // `srllm train` uses every core unless told otherwise
    m_form->setSnapshots(db::listSnapshots(m_session->db()));
    m_form->setJobFolder(suggestedJobFolder());
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_creating->setFormat(tr("Hashing the base model… %p%"));
    m_creating->hide();
    m_stopCreating->hide();
    m_createStatus->setObjectName(QStringLiteral("createStatus"));
    m_createStatus->setWordWrap(true);
    m_createStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* status = new QHBoxLayout;
    status->addWidget(m_createStatus, 1);
    status->addWidget(m_creating);
    status->addWidget(m_stopCreating);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addLayout(status);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &NewJobTab::updatePreview);
    connect(m_form, &JobSetupForm::modelFolderChanged, this, &NewJobTab::checkModel);
    connect(m_form, &JobSetupForm::dataChanged, this, &NewJobTab::previewLater);
    connect(m_form, &JobSetupForm::settingsChanged, this, &NewJobTab::previewLater);
    connect(m_form, &JobSetupForm::startRequested, this, &NewJobTab::startNewJob);
    connect(m_stopCreating, &QPushButton::clicked, m_creator, &JobCreator::cancel);
    connect(m_creator, &JobCreator::progress, this, [this](qint64 done, qint64 total) {
        m_creating->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0) m_creating->setValue(int(1000 * done / total));
    });
    connect(m_creator, &JobCreator::created, this, [this](qint64 id, const QString& dir, const QString& summary) {
        finishCreating(tr("Wrote %1. %2").arg(QDir::toNativeSeparators(dir), summary));
        m_form->setJobFolder(suggestedJobFolder());
        emit jobCreated(id);
    });
    connect(m_creator, &JobCreator::failed, this, [this](const QString& message) {
        finishCreating(errorHtml(tr("The job was not created: %1").arg(message)));
        emit jobCreationFailed(message);
    });
    queryDevices();
    checkModel();
}

void NewJobTab::queryDevices() {
    connect(m_devices, &WorkerProcess::event, this, [this](const nlohmann::json& answer) {
        m_cudaAvailable = answer.value("cuda", false);
        previewLater();
    });
    m_devices->start(srllmProgram(), {QStringLiteral("job"), QStringLiteral("devices")});
}

void NewJobTab::checkModel() {
    const QString folder = m_form->values().modelFolder;
    if (folder.isEmpty()) {
        m_check.reset();
        m_form->setModelReport(tr("Choose the folder of a Hugging Face model (config.json, *.safetensors, tokenizer)."));
    } else {
        m_check = core::checkBaseModel(folder.toStdString());
        m_form->setModelReport(modelCheckHtml(*m_check));
    }
    previewLater();
}

void NewJobTab::previewLater() {
    // Start waits for the estimate of what is on the form now.
    m_form->setStartEnabled(false, tr("Computing the estimate…"));
    m_form->setEstimate(tr("Computing the estimate…"));
    m_previewTimer->start();
}

db::JobRequest NewJobTab::currentRequest() const {
    const FormValues v = m_form->values();
    db::JobRequest r;
    r.jobDir = v.jobFolder.toStdString();
    r.baseModel = v.modelFolder.toStdString();
    r.snapshotId = v.snapshotId.value_or(0);
    r.templateName = v.templateName.toStdString();
    r.customTemplate = v.customTemplate.toStdString();
    r.train = v.train;
    r.device = v.device.toStdString();
    r.cudaAvailable = m_cudaAvailable;
    r.cpuThreads = m_cpuThreads;
    r.scorer = v.scorer;
    return r;
}

void NewJobTab::updatePreview() {
    const auto blocked = [this](const QString& why) {
        m_form->setEstimate(errorHtml(why));
        m_form->setStartEnabled(false, why);
    };
    if (!m_check || !m_check->ok()) return blocked(tr("Choose a complete base model folder first."));
    if (!m_form->values().snapshotId)
        return blocked(tr("Make a snapshot of the gold labels first (srllm snapshot create PROJECT)."));
    if (m_preview->isRunning()) {
        m_previewAgain = true;
        return;
    }
    const db::JobRequest request = currentRequest();
    const std::string projectPath = m_session->projectPath().toStdString();
    m_preview->run([this, request, projectPath](const std::atomic<bool>&) -> ThreadJob::Delivery {
        QString estimate, data, problem;
        try {
            // This thread's own connection: a Database belongs to the thread that opened it.
            auto project = db::Project::open(projectPath);
            const db::JobPreview preview = db::previewJob(project->db(), request);
            estimate = estimateHtml(preview.estimate);
            data = previewSummary(preview);
        } catch (const std::exception& e) {
            problem = qs(e.what());
        }
        return [this, estimate, data, problem] {
            m_form->setEstimate(problem.isEmpty() ? estimate : errorHtml(problem));
            m_form->setDataReport(data);
            m_form->setStartEnabled(problem.isEmpty(), problem);
            if (std::exchange(m_previewAgain, false)) updatePreview();
        };
    });
}

void NewJobTab::startNewJob() {
    if (m_creator->isRunning()) return;
    db::JobRequest request = currentRequest();
    request.queue = true;
    if (request.jobDir.empty()) {
        m_createStatus->setText(errorHtml(tr("Choose a job folder (new or empty).")));
        return;
    }
    m_createStatus->setText(tr("Preparing %1: checking the settings, freezing the data, hashing the base model…")
                                .arg(QDir::toNativeSeparators(qs(request.jobDir.string()))));
    m_creating->setRange(0, 0);
    m_creating->show();
    m_stopCreating->show();
    m_form->setStartEnabled(false, tr("A job is being prepared"));
    m_creator->start(m_session->projectPath(), request);
}

void NewJobTab::finishCreating(const QString& status) {
    m_creating->hide();
    m_stopCreating->hide();
    m_createStatus->setText(status);
    previewLater();  // Start again, for the next job
}

QString NewJobTab::suggestedJobFolder() const {
    const QFileInfo project(m_session->projectPath());
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    return QDir(project.absolutePath()).filePath(project.completeBaseName() + QStringLiteral("-jobs/job-") + stamp);
}

}  // namespace srllm::ui
