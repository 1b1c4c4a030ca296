#include "ui/train/train-view.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include "core/job/job-events.h"
#include "core/job/job-folder.h"
#include "core/job/job-layout.h"
#include "db/project.h"
#include "db/snapshots.h"
#include "ui/project-session.h"
#include "ui/train/job-creator.h"
#include "ui/train/job-estimate-text.h"
#include "ui/train/job-list-model.h"
#include "ui/train/job-queue-rules.h"
#include "ui/train/job-queue.h"
#include "ui/train/job-setup-form.h"
#include "ui/train/run-panel.h"
#include "ui/worker/background-task.h"
#include "ui/worker/worker-process.h"

namespace srllm::ui {

namespace {

constexpr int kPreviewDelayMs = 400;  // recompute the estimate once typing pauses
QString qs(const std::string& text) { return QString::fromStdString(text); }
QString errorHtml(const QString& text) { return QStringLiteral("<span style=\"color:#b00020\">%1</span>").arg(text.toHtmlEscaped()); }

qint64 logSize(const QString& jobDir) { return QFileInfo(QDir(jobDir).filePath(QString::fromLatin1(core::kJobLogFile))).size(); }

}  // namespace

TrainView::TrainView(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_queue(new JobQueue(session->db(), this)), m_model(new JobListModel(this)),
      m_run(new RunPanel(this)), m_creator(new JobCreator(this)), m_preview(new BackgroundTask(this)),
      m_devices(new WorkerProcess(this)), m_previewTimer(new QTimer(this)),
      m_cpuThreads(QThread::idealThreadCount()) {  // `srllm train` uses every core unless told otherwise
    m_run->insertTab(0, buildFormTab(), tr("New job"));
    m_run->setCurrentIndex(0);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(buildJobList());
    splitter->addWidget(m_run);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({460, 1140});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &TrainView::updatePreview);
    connect(m_queue, &JobQueue::rowsChanged, this, &TrainView::onRowsChanged);
    connect(m_queue, &JobQueue::workerStarting, m_run, &RunPanel::beginLive);
    connect(m_queue, &JobQueue::jobEvent, m_run, &RunPanel::addEvent);
    connect(m_queue, &JobQueue::jobEvent, this, [this](qint64 id, const core::JobEvent& event) {
        if (const auto* step = std::get_if<core::StepEvent>(&event.body))
            m_model->setProgress(id, double(step->step) / double(std::max<int64_t>(1, step->totalSteps)));
    });
    connect(m_queue, &JobQueue::jobMessage, m_run, &RunPanel::addMessage);
    connect(m_queue, &JobQueue::workerFinished, this, [this](qint64 id) {
        m_run->endLive(id);
        updateActions();
    });
    connect(m_creator, &JobCreator::progress, this, [this](qint64 done, qint64 total) {
        m_creating->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0) m_creating->setValue(int(1000 * done / total));
    });
    connect(m_creator, &JobCreator::created, this, [this](qint64 id, const QString& dir, const QString& summary) {
        m_creating->hide();
        m_stopCreating->hide();
        m_createStatus->setText(tr("Wrote %1. %2").arg(QDir::toNativeSeparators(dir), summary));
        m_form->setJobFolder(suggestedJobFolder());
        previewLater();  // Start again for the next job
        m_queue->refresh();
        selectJob(id);
        m_run->setCurrentIndex(1);
        emit jobCreated(id);
    });
    connect(m_creator, &JobCreator::failed, this, [this](const QString& message) {
        m_creating->hide();
        m_stopCreating->hide();
        m_createStatus->setText(errorHtml(tr("The job was not created: %1").arg(message)));
        previewLater();
        emit jobCreationFailed(message);
    });
    queryDevices();
    checkModel();
    m_queue->refresh();  // after the connections: a queued job may start now, and its log must be followed
}

TrainView::~TrainView() = default;

QWidget* TrainView::buildJobList() {
    auto* panel = new QWidget(this);
    m_jobs = new QTableView(panel);
    m_jobs->setObjectName(QStringLiteral("jobTable"));
    m_jobs->setModel(m_model);
    m_jobs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_jobs->verticalHeader()->hide();
    m_jobs->horizontalHeader()->setStretchLastSection(true);
    m_jobs->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_jobs->setWordWrap(false);
    connect(m_jobs->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TrainView::onSelectionChanged);

    m_start = new QPushButton(tr("Start"), panel);
    m_cancel = new QPushButton(tr("Cancel"), panel);
    m_resume = new QPushButton(tr("Resume"), panel);
    m_discard = new QPushButton(tr("Discard…"), panel);
    m_start->setToolTip(tr("Run the selected job from the beginning"));
    m_cancel->setToolTip(tr("Save a checkpoint and stop (Resume continues from it); a queued job leaves the queue"));
    m_resume->setToolTip(tr("Continue from the newest checkpoint with its optimizer state, random state and data position"));
    m_discard->setToolTip(tr("Delete the job's checkpoints, results and log after a confirmation; job.json and its data stay"));
    connect(m_start, &QPushButton::clicked, this, [this] { m_queue->requeue(selectedJob()); });
    connect(m_resume, &QPushButton::clicked, this, [this] { m_queue->requeue(selectedJob()); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_queue->cancel(selectedJob()); });
    connect(m_discard, &QPushButton::clicked, this, &TrainView::discardSelected);
    auto* newJob = new QPushButton(tr("New job…"), panel);
    connect(newJob, &QPushButton::clicked, this, [this] { m_run->setCurrentIndex(0); });

    auto* buttons = new QGridLayout;
    buttons->addWidget(m_start, 0, 0);
    buttons->addWidget(m_cancel, 0, 1);
    buttons->addWidget(m_resume, 1, 0);
    buttons->addWidget(m_discard, 1, 1);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("<b>Jobs of this project</b> (one runs per device at a time)"), panel);
    layout->addWidget(title);
    layout->addWidget(m_jobs, 1);
    layout->addLayout(buttons);
    layout->addWidget(newJob);
    updateActions();
    return panel;
}

QWidget* TrainView::buildFormTab() {
    m_form = new JobSetupForm;
    m_form->setSnapshots(db::listSnapshots(m_session->db()));
    m_form->setJobFolder(suggestedJobFolder());
    connect(m_form, &JobSetupForm::modelFolderChanged, this, &TrainView::checkModel);
    connect(m_form, &JobSetupForm::dataChanged, this, &TrainView::previewLater);
    connect(m_form, &JobSetupForm::settingsChanged, this, &TrainView::previewLater);
    connect(m_form, &JobSetupForm::startRequested, this, &TrainView::startNewJob);
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_creating = new QProgressBar;
    m_creating->setFormat(tr("Hashing the base model… %p%"));
    m_creating->hide();
    m_stopCreating = new QPushButton(tr("Stop preparing"));
    m_stopCreating->hide();
    connect(m_stopCreating, &QPushButton::clicked, m_creator, &JobCreator::cancel);
    m_createStatus = new QLabel;
    m_createStatus->setObjectName(QStringLiteral("createStatus"));
    m_createStatus->setWordWrap(true);
    m_createStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* status = new QHBoxLayout;
    status->addWidget(m_createStatus, 1);
    status->addWidget(m_creating);
    status->addWidget(m_stopCreating);

    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(scroll, 1);
    layout->addLayout(status);
    return tab;
}

void TrainView::queryDevices() {
    connect(m_devices, &WorkerProcess::event, this, [this](const nlohmann::json& answer) {
        m_cudaAvailable = answer.value("cuda", false);
        previewLater();
    });
    m_devices->start(srllmProgram(), {QStringLiteral("job"), QStringLiteral("devices")});
}

void TrainView::checkModel() {
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

void TrainView::previewLater() {
    // Start waits for the estimate of what is on the form now.
    m_form->setStartEnabled(false, tr("Computing the estimate…"));
    m_form->setEstimate(tr("Computing the estimate…"));
    m_previewTimer->start();
}

db::JobRequest TrainView::currentRequest() const {
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
    return r;
}

void TrainView::updatePreview() {
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
    m_preview->run([this, request, projectPath](const std::atomic<bool>&) -> BackgroundTask::Delivery {
        try {
            auto project = db::Project::open(projectPath);
            const db::JobPreview preview = db::previewJob(project->db(), request);
            const QString estimate = estimateHtml(preview.estimate);
            const QString data = previewSummary(preview);
            return [this, estimate, data] {
                m_form->setEstimate(estimate);
                m_form->setDataReport(data);
                m_form->setStartEnabled(true);
                if (std::exchange(m_previewAgain, false)) updatePreview();
            };
        } catch (const std::exception& e) {
            const QString message = qs(e.what());
            return [this, message] {
                m_form->setEstimate(errorHtml(message));
                m_form->setDataReport({});
                m_form->setStartEnabled(false, message);
                if (std::exchange(m_previewAgain, false)) updatePreview();
            };
        }
    });
}

void TrainView::startNewJob() {
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

QString TrainView::suggestedJobFolder() const {
    const QFileInfo project(m_session->projectPath());
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    return QDir(project.absolutePath()).filePath(project.completeBaseName() + QStringLiteral("-jobs/job-") + stamp);
}

qint64 TrainView::selectedJob() const {
    const QModelIndexList rows = m_jobs->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_model->jobId(rows.first().row());
}

void TrainView::selectJob(qint64 id) {
    const int row = m_model->rowOfJob(id);
    if (row < 0) return;
    m_jobs->selectRow(row);
}

void TrainView::onRowsChanged() {
    const qint64 selected = selectedJob();
    {
        const QSignalBlocker block(m_jobs->selectionModel());
        m_model->setRows(m_queue->rows());
        const int row = m_model->rowOfJob(selected);
        if (row >= 0) m_jobs->selectRow(row);
    }
    if (selected != 0 && m_model->rowOfJob(selected) < 0) onSelectionChanged();  // discarded
    // A run of another process (or of a workbench that crashed) is followed through its log.
    for (const db::JobRow& r : m_queue->rows())
        if (r.active() && !m_queue->worker(r.id)) m_run->forget(r.id);
    if (const db::JobRow* r = m_queue->row(selected); r && !m_queue->worker(selected)) {
        const qint64 size = logSize(qs(r->dir));
        if (size != m_logSize) {
            m_logSize = size;
            m_run->reloadShownJob();
        }
    }
    updateActions();
}

void TrainView::onSelectionChanged() {
    const qint64 id = selectedJob();
    const db::JobRow* r = m_queue->row(id);
    const QString dir = r ? qs(r->dir) : QString();
    m_logSize = r ? logSize(dir) : -1;
    m_run->showJob(r ? id : 0, dir);
    if (r && m_run->currentIndex() == 0) m_run->setCurrentIndex(1);
    updateActions();
}

void TrainView::updateActions() {
    const db::JobRow* r = m_queue ? m_queue->row(selectedJob()) : nullptr;
    JobActions can;
    core::JobFolderState folder;
    if (r) {
        folder = core::inspectJobFolder(r->dir);
        can = allowedActions(r->status, folder);
    }
    m_start->setEnabled(can.start);
    m_cancel->setEnabled(can.cancel);
    m_resume->setEnabled(can.resume);
    m_discard->setEnabled(can.discard);
    m_resume->setText(can.resume ? tr("Resume from step %1").arg(folder.checkpointSteps.back()) : tr("Resume"));
}

void TrainView::discardSelected() {
    const db::JobRow* r = m_queue->row(selectedJob());
    if (!r) return;
    const qint64 id = r->id;
    QMessageBox box(QMessageBox::Warning, tr("Discard job outputs"),
                    tr("Delete the checkpoints, results and log of %1?\n\njob.json and the frozen data stay in the folder; "
                       "the job leaves this project's list. This cannot be undone.")
                        .arg(QDir::toNativeSeparators(qs(r->dir))),
                    QMessageBox::NoButton, this);
    QPushButton* discard = box.addButton(tr("Discard outputs"), QMessageBox::DestructiveRole);
    box.addButton(tr("Keep them"), QMessageBox::RejectRole);
    box.setDefaultButton(qobject_cast<QPushButton*>(box.buttons().last()));
    box.exec();
    if (box.clickedButton() != discard) return;
    try {
        m_queue->discard(id);
        m_run->forget(id);  // the store may give the id to the next job
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Discard job outputs"), tr("Nothing was deleted: %1").arg(qs(e.what())));
    }
}

}  // namespace srllm::ui
