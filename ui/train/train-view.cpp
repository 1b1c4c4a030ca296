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

namespace srllm::ui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }
qint64 logSize(const QString& jobDir) { return QFileInfo(QDir(jobDir).filePath(QString::fromLatin1(core::kJobLogFile))).size(); }

}  // namespace

TrainView::TrainView(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_queue(new JobQueue(session->db(), this)), m_model(new JobListModel(this)),
      m_newJob(new NewJobTab(session, this)), m_run(new RunPanel(this)) {
    m_run->insertTab(0, m_newJob, tr("New job"));
    m_run->setCurrentIndex(0);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(buildJobList());
    splitter->addWidget(m_run);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({460, 1140});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

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
