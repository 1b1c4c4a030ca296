#include "ui/train/train-view.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "core/job/job-events.h"
#include "core/job/job-folder.h"
#include "core/job/job-layout.h"
#include "ui/project-session.h"
#include "ui/train/job-list-model.h"
#include "ui/train/job-queue-rules.h"
#include "ui/train/job-queue.h"
#include "ui/train/new-job-tab.h"
#include "ui/train/run-panel.h"
#include "ui/train/slurm-client.h"
#include "ui/train/slurm-submit-dialog.h"

namespace srllm::ui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }
qint64 logSize(const QString& jobDir) { return QFileInfo(QDir(jobDir).filePath(QString::fromLatin1(core::kJobLogFile))).size(); }

}  // namespace

TrainView::TrainView(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_queue(new JobQueue(session->db(), this)), m_model(new JobListModel(this)),
      m_newJob(new NewJobTab(session, this)), m_run(new RunPanel(this)),
      m_slurm(SlurmClient::available() ? new SlurmClient(this) : nullptr) {
    m_run->insertTab(0, m_newJob, tr("New job"));
    m_run->setCurrentIndex(0);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(buildJobList());
    splitter->addWidget(m_run);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({460, 1140});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connectSlurm();
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
    connect(m_newJob, &NewJobTab::jobCreated, this, [this](qint64 id) {
        m_queue->refresh();
        selectJob(id);
        m_run->setCurrentIndex(1);
        emit jobCreated(id);
    });
    m_queue->refresh();  // after the connections: a queued job may start now, and its log must be followed
}

JobSetupForm* TrainView::form() const { return m_newJob->form(); }

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
    connect(m_cancel, &QPushButton::clicked, this, &TrainView::cancelSelected);
    connect(m_discard, &QPushButton::clicked, this, &TrainView::discardSelected);
    m_submit = new QPushButton(tr("Submit to Slurm…"), panel);
    m_submit->setObjectName(QStringLiteral("submitToSlurm"));
    m_submit->setToolTip(tr("Write the job's sbatch script and submit it to the cluster; Cancel stops it with a checkpoint"));
    m_submit->setVisible(m_slurm != nullptr);
    connect(m_submit, &QPushButton::clicked, this, &TrainView::submitSelected);
    m_slurmNote = new QLabel(panel);
    m_slurmNote->setObjectName(QStringLiteral("slurmNote"));
    m_slurmNote->setWordWrap(true);
    m_slurmNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_slurmNote->hide();
    m_jobs->setColumnHidden(JobListModel::Slurm, m_slurm == nullptr);
    auto* newJob = new QPushButton(tr("New job…"), panel);
    connect(newJob, &QPushButton::clicked, this, [this] { m_run->setCurrentIndex(0); });

    auto* buttons = new QGridLayout;
    buttons->addWidget(m_start, 0, 0);
    buttons->addWidget(m_cancel, 0, 1);
    buttons->addWidget(m_resume, 1, 0);
    buttons->addWidget(m_discard, 1, 1);
    buttons->addWidget(m_submit, 2, 0, 1, 2);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("<b>Jobs of this project</b> (one runs per device at a time)"), panel);
    layout->addWidget(title);
    layout->addWidget(m_jobs, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_slurmNote);
    layout->addWidget(newJob);
    updateActions();
    return panel;
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
    if (m_slurm) {
        readSlurmSubmissions();
        if (!m_sinceSlurmPoll.isValid() || m_sinceSlurmPoll.hasExpired(m_slurmPollMs)) pollSlurm();
    }
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
    // A job in Slurm's queue is the cluster's until it leaves: only Cancel (scancel) applies.
    const bool onSlurm = r && !slurmStateOf(r->id).isEmpty();
    const bool queuedHere = r && r->status == db::JobStatus::Queued && !m_queue->worker(r->id);
    m_start->setEnabled(can.start && !onSlurm);
    m_cancel->setEnabled(can.cancel || onSlurm);
    m_resume->setEnabled(can.resume && !onSlurm);
    m_discard->setEnabled(can.discard && !onSlurm);
    m_submit->setEnabled(m_slurm && !onSlurm && (can.start || can.resume || queuedHere));
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

QString TrainView::slurmStateOf(qint64 id) const {
    const auto state = m_slurmStates.find(id);
    return state == m_slurmStates.end() ? QString() : state->second;
}

void TrainView::showSlurmNote(const QString& text, bool problem) {
    m_slurmNote->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
    m_slurmNote->setText(text);
    m_slurmNote->show();
}

void TrainView::connectSlurm() {
    if (!m_slurm) return;
    connect(m_slurm, &SlurmClient::submitted, this, [this](qint64 id, const QString& slurmId) {
        m_slurmIds[id] = slurmId;
        m_slurmStates[id] = QStringLiteral("PENDING");  // sbatch accepted it; squeue says more
        m_model->setSlurm(id, slurmId, m_slurmStates[id]);
        showSlurmNote(tr("Submitted as Slurm job %1. Its progress is read from log.jsonl in the job folder.").arg(slurmId), false);
        updateActions();
        pollSlurm();
    });
    connect(m_slurm, &SlurmClient::failed, this, [this](qint64, const QString& message) {
        showSlurmNote(tr("Slurm: %1").arg(message), true);
    });
    connect(m_slurm, &SlurmClient::cancelRequested, this, [this](qint64 id) {
        showSlurmNote(tr("Slurm job %1 was asked to stop; a running job saves a checkpoint first, so it can resume.")
                          .arg(m_slurmIds[id]),
                      false);
        pollSlurm();
    });
    connect(m_slurm, &SlurmClient::polled, this, [this](const std::map<QString, core::SlurmQueueEntry>& queue) {
        for (const auto& [id, slurmId] : m_slurmIds) {
            const auto entry = queue.find(slurmId);
            m_slurmStates[id] = entry == queue.end() ? QString() : QString::fromStdString(entry->second.state);
            m_model->setSlurm(id, slurmId, m_slurmStates[id]);
        }
        updateActions();
    });
}

void TrainView::readSlurmSubmissions() {
    for (const db::JobRow& r : m_queue->rows()) {
        std::optional<core::SlurmSubmission> submission;
        try {
            submission = core::readSlurmSubmission(r.dir);
        } catch (const std::exception&) {
            m_model->setSlurm(r.id, tr("unreadable"), {});
            continue;
        }
        if (!submission) continue;
        const QString slurmId = qs(submission->jobId);
        if (m_slurmIds[r.id] == slurmId) continue;
        m_slurmIds[r.id] = slurmId;
        m_slurmStates.erase(r.id);  // another submission: ask squeue again
        m_model->setSlurm(r.id, slurmId, {});
    }
}

void TrainView::pollSlurm() {
    QStringList ids;
    for (const auto& [id, slurmId] : m_slurmIds)
        if (const auto state = m_slurmStates.find(id); state == m_slurmStates.end() || !state->second.isEmpty()) ids << slurmId;
    if (ids.isEmpty()) return;
    m_sinceSlurmPoll.start();
    m_slurm->poll(ids);
}

void TrainView::submitSelected() {
    const db::JobRow* r = m_queue->row(selectedJob());
    if (!r || !m_slurm) return;
    const qint64 id = r->id;
    const QString dir = qs(r->dir);
    SlurmSubmitDialog dialog(QFileInfo(dir).fileName(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    r = m_queue->row(id);  // the dialog's event loop let the queue reload its rows (ASan: use after free)
    if (!r) return;
    if (r->status == db::JobStatus::Queued) m_queue->cancel(id);  // it leaves this machine's queue
    showSlurmNote(tr("Submitting %1 to Slurm…").arg(QFileInfo(dir).fileName()), false);
    m_slurm->submit(id, dir, dialog.options());
}

void TrainView::cancelSelected() {
    const qint64 id = selectedJob();
    const db::JobRow* r = m_queue->row(id);
    if (!r) return;
    const QString state = slurmStateOf(id);
    if (state.isEmpty() || r->active()) m_queue->cancel(id);  // the row, seen by a worker that reached the project
    if (!state.isEmpty()) m_slurm->cancel(id, m_slurmIds[id], state != QLatin1String("PENDING"));
}

}  // namespace srllm::ui
