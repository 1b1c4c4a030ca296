#include "ui/evaluate/evaluate-view.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "db/database.h"
#include "db/generation-runs.h"
#include "db/metric-values.h"
#include "db/project.h"
#include "ui/evaluate/evaluation-item-dialog.h"
#include "ui/evaluate/evaluation-table-view.h"
#include "ui/evaluate/generate-run-dialog.h"
#include "ui/plots/plot-export.h"
#include "ui/project-session.h"
#include "ui/report/report-dialog.h"
#include "ui/worker/thread-job.h"
#include "ui/worker/worker-process.h"

namespace srllm::ui {

namespace {

constexpr int kRunIdRole = Qt::UserRole + 1;
constexpr int kTestSetRole = Qt::UserRole + 2;

}  // namespace

EvaluateView::EvaluateView(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_runs(new QListWidget(this)), m_generate(new QPushButton(tr("New generation run…"), this)),
      m_evaluate(new QPushButton(tr("Evaluate…"), this)), m_report(new QPushButton(tr("Report…"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_table(new EvaluationTableView(this)), m_figureList(new QListWidget(this)), m_plot(new QCustomPlot(this)),
      m_items(new QTableWidget(this)), m_worker(new WorkerProcess(this)), m_loader(new ThreadJob(this)) {
    m_runs->setDragDropMode(QAbstractItemView::InternalMove);
    m_runs->setToolTip(tr("Check the runs to compare; the first checked is the baseline (drag to reorder)."));
    m_evaluate->setToolTip(tr("Score the checked runs with a risk scorer and store the table (srllm eval)."));
    m_report->setToolTip(tr("Write the checked runs' report as one HTML or PDF file (srllm report)."));
    m_cancel->setEnabled(false);
    m_progress->setVisible(false);
    m_status->setWordWrap(true);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(new QLabel(tr("Generation runs (first checked = baseline):"), left));
    leftLayout->addWidget(m_runs, 1);
    leftLayout->addWidget(m_generate);
    leftLayout->addWidget(m_evaluate);
    leftLayout->addWidget(m_report);
    auto* workerRow = new QHBoxLayout;
    workerRow->addWidget(m_progress, 1);
    workerRow->addWidget(m_cancel);
    leftLayout->addLayout(workerRow);
    leftLayout->addWidget(m_status);

    auto* figures = new QSplitter(Qt::Horizontal, this);
    figures->addWidget(m_figureList);
    auto* plotPane = new QWidget(figures);
    auto* plotLayout = new QVBoxLayout(plotPane);
    auto* exportRow = new QHBoxLayout;
    auto* exportButton = new QPushButton(tr("Export figure…"), plotPane);
    auto* exportAllButton = new QPushButton(tr("Export all figures…"), plotPane);
    exportRow->addStretch(1);
    exportRow->addWidget(exportButton);
    exportRow->addWidget(exportAllButton);
    plotLayout->addLayout(exportRow);
    auto* plotSplit = new QSplitter(Qt::Vertical, plotPane);
    plotSplit->addWidget(m_plot);
    plotSplit->addWidget(m_items);
    plotSplit->setStretchFactor(0, 3);
    plotSplit->setStretchFactor(1, 1);
    plotLayout->addWidget(plotSplit, 1);
    figures->addWidget(plotPane);
    figures->setStretchFactor(1, 1);
    m_plot->setMinimumSize(400, 300);
    m_items->setColumnCount(3);
    m_items->setHorizontalHeaderLabels({tr("Item"), tr("Original"), tr("Output")});
    m_items->verticalHeader()->hide();
    m_items->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_items->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_items->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_items->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_items->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_items->setToolTip(tr("Double-click an item to see every run's output and score."));
    m_tabs->addTab(m_table, tr("Table"));
    m_tabs->addTab(figures, tr("Figures"));

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_tabs);
    split->setStretchFactor(1, 1);
    split->setSizes({280, 1000});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_runs, &QListWidget::itemChanged, this, &EvaluateView::reloadData);
    connect(m_runs->model(), &QAbstractItemModel::rowsMoved, this, &EvaluateView::reloadData);
    connect(m_figureList, &QListWidget::currentRowChanged, this, &EvaluateView::showFigure);
    connect(m_plot, &QCustomPlot::plottableClick, this,
            [this](QCPAbstractPlottable* plottable, int index, QMouseEvent*) { showItemsBehind(plottable, index); });
    connect(m_items, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { openItem(row); });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const int i = m_figureList->currentRow();
        if (i >= 0) exportPlotWithDialog(this, m_plot, m_figures[size_t(i)].id);
    });
    connect(exportAllButton, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Export all figures"));
        if (!folder.isEmpty()) m_status->setText(tr("%n file(s) written to %1.", nullptr, int(exportAll(folder).size())).arg(folder));
    });
    connect(m_generate, &QPushButton::clicked, this, &EvaluateView::newGenerationRun);
    connect(m_evaluate, &QPushButton::clicked, this, &EvaluateView::chooseScorerAndEvaluate);
    connect(m_report, &QPushButton::clicked, this, [this] { ReportDialog(m_session, this, checkedRuns()).exec(); });
    connect(m_cancel, &QPushButton::clicked, m_worker, &WorkerProcess::cancel);
    connect(m_worker, &WorkerProcess::event, this, &EvaluateView::onWorkerEvent);
    connect(m_worker, &WorkerProcess::finished, this, [this](WorkerProcess::Outcome outcome, int, const QString& text) {
        m_cancel->setEnabled(false);
        m_generate->setEnabled(true);
        m_evaluate->setEnabled(true);
        m_progress->setVisible(false);
        m_status->setText(outcome == WorkerProcess::Outcome::Finished ? tr("Finished.") : tr("Failed: %1").arg(text));
        emit message(m_status->text());
        const auto checked = checkedRuns();
        reloadRuns();
        setCheckedRuns(checked);
    });
    reloadRuns();
    std::vector<int64_t> initial;
    bool evaluated = false;
    try {  // a damaged stored evaluation is reported by reloadData(), like any other read of the runs
        if (const auto latest = db::latestEvaluation(m_session->db())) {
            initial = (*latest)["run_ids"].get<std::vector<int64_t>>();
            evaluated = true;
        }
    } catch (const db::DbError&) {
    }
    if (!evaluated && m_runs->count() > 0)
        for (int i = 0; i < m_runs->count(); ++i)
            if (m_runs->item(i)->data(kTestSetRole) == m_runs->item(0)->data(kTestSetRole))
                initial.push_back(m_runs->item(i)->data(kRunIdRole).toLongLong());
    setCheckedRuns(initial);
}

void EvaluateView::reloadRuns() {
    const QSignalBlocker blocker(m_runs);
    m_runs->clear();
    auto runs = db::listGenerationRuns(m_session->db());
    std::stable_partition(runs.begin(), runs.end(), [](const auto& r) { return r.spec.kind == "original"; });
    for (const auto& run : runs) {
        auto* item = new QListWidgetItem(QStringLiteral("%1  (%2, %3/%4)")
                                             .arg(QString::fromStdString(run.spec.name), QString::fromStdString(run.spec.testSet))
                                             .arg(run.outputCount)
                                             .arg(run.itemCount),
                                         m_runs);
        item->setData(kRunIdRole, qlonglong(run.id));
        item->setData(kTestSetRole, QString::fromStdString(run.testSetHash));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setToolTip(tr("Model hash: %1").arg(QString::fromStdString(run.spec.modelHash.value_or("-"))));
    }
}

void EvaluateView::setCheckedRuns(const std::vector<int64_t>& runIds) {
    {
        const QSignalBlocker blocker(m_runs);
        int next = 0;
        for (const auto id : runIds)
            for (int i = 0; i < m_runs->count(); ++i)
                if (m_runs->item(i)->data(kRunIdRole).toLongLong() == id) {
                    m_runs->insertItem(next++, m_runs->takeItem(i));
                    break;
                }
        for (int i = 0; i < m_runs->count(); ++i) m_runs->item(i)->setCheckState(i < next ? Qt::Checked : Qt::Unchecked);
    }
    reloadData();
}

std::vector<int64_t> EvaluateView::checkedRuns() const {
    std::vector<int64_t> ids;
    for (int i = 0; i < m_runs->count(); ++i)
        if (m_runs->item(i)->checkState() == Qt::Checked) ids.push_back(m_runs->item(i)->data(kRunIdRole).toLongLong());
    return ids;
}

void EvaluateView::reloadData() {
    const auto ids = checkedRuns();
    if (ids.empty()) {
        setData({}, tr("Check one or more generation runs (make them with New generation run…)."));
        return;
    }
    if (m_loader->isRunning()) {
        m_reloadAgain = true;
        return;
    }
    m_status->setText(tr("Reading the runs…"));
    const QString path = m_session->projectPath();
    const auto reader = m_session->reader();
    m_loader->run([this, ids, path, reader](const std::atomic<bool>&) -> ThreadJob::Delivery {
        try {
            auto project = ProjectSession::openConnection(path, reader);
            auto data = std::make_shared<EvaluationData>(loadEvaluationData(project->db(), ids));
            return [this, data] { setData(std::move(*data), QString()); };
        } catch (const std::exception& e) {
            const QString problem = QString::fromUtf8(e.what());
            return [this, problem] { setData({}, problem); };
        }
    });
}

void EvaluateView::setData(EvaluationData data, const QString& problem) {
    m_data = std::move(data);
    m_figures = evaluationFigures(m_data);
    m_table->setTable(m_data.table);
    m_items->setRowCount(0);
    {
        const QSignalBlocker blocker(m_figureList);
        m_figureList->clear();
        for (const auto& figure : m_figures) m_figureList->addItem(figure.title);
    }
    if (m_figures.empty()) {
        m_plot->clearPlottables();
        m_plot->clearItems();
        m_plot->replot();
    } else {
        m_figureList->setCurrentRow(0);
    }
    m_status->setText(problem.isEmpty() ? tr("%n item(s); runs: %1.", nullptr, m_data.itemCount()).arg(m_data.runs.size()) : problem);
    if (m_reloadAgain) {
        m_reloadAgain = false;
        reloadData();
    }
}

void EvaluateView::showFigure(int index) {
    if (index < 0 || index >= int(m_figures.size())) return;
    m_items->setRowCount(0);
    m_items->setHorizontalHeaderLabels({tr("Item"), tr("Original"), tr("Output")});
    m_figures[size_t(index)].draw(m_data, m_plot);
}

void EvaluateView::showItemsBehind(QCPAbstractPlottable* plottable, int dataIndex) {
    const auto positions = itemsBehind(plottable, dataIndex);
    int run = -1;
    for (size_t r = 0; r < m_data.runs.size(); ++r)
        if (plottable && m_data.runs[r].name == plottable->name()) run = int(r);
    m_items->setRowCount(int(positions.size()));
    m_items->setHorizontalHeaderLabels({tr("Item"), tr("Original"), run >= 0 ? tr("Output of %1").arg(m_data.runs[size_t(run)].name) : tr("Output")});
    for (int row = 0; row < int(positions.size()); ++row) {
        const int p = positions[size_t(row)];
        auto* number = new QTableWidgetItem(QString::number(p + 1));
        number->setData(Qt::UserRole, p);
        m_items->setItem(row, 0, number);
        m_items->setItem(row, 1, new QTableWidgetItem(m_data.sources[p]));
        m_items->setItem(row, 2, new QTableWidgetItem(run >= 0 ? m_data.runs[size_t(run)].outputs[p] : QString()));
    }
    m_status->setText(tr("%n item(s) behind the selection; double-click one to open it.", nullptr, int(positions.size())));
}

void EvaluateView::openItem(int row) {
    if (!m_items->item(row, 0)) return;
    EvaluationItemDialog dialog(m_data, m_items->item(row, 0)->data(Qt::UserRole).toInt(), this);
    dialog.exec();
}

QStringList EvaluateView::exportAll(const QString& folder) {
    QStringList written;
    for (const auto& figure : m_figures) {
        figure.draw(m_data, m_plot);
        for (const char* suffix : {".png", ".svg", ".pdf"}) {
            const QString path = QDir(folder).filePath(figure.id + QLatin1String(suffix));
            if (exportPlot(m_plot, path)) written << path;
        }
    }
    showFigure(m_figureList->currentRow());
    return written;
}

bool EvaluateView::startWorker(const QStringList& arguments) {
    if (m_worker->isRunning()) return false;
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_cancel->setEnabled(true);
    m_generate->setEnabled(false);
    m_evaluate->setEnabled(false);
    m_status->setText(tr("Running srllm %1…").arg(arguments.value(0)));
    return m_worker->start(srllmProgram(), arguments);
}

void EvaluateView::startEvaluation(const QString& scorerDir) {
    QStringList names;
    for (const auto& run : m_data.runs) names << run.name;
    if (names.isEmpty()) {
        m_status->setText(tr("Check the runs to evaluate first."));
        return;
    }
    startWorker({QStringLiteral("eval"), m_session->projectPath(), QStringLiteral("--runs"), names.join(QLatin1Char(',')),
                 QStringLiteral("--scorer"), scorerDir, QStringLiteral("--json")});
}

void EvaluateView::onWorkerEvent(const nlohmann::json& line) {
    const auto kind = line.value("event", std::string());
    if (kind == "start" || kind == "progress") {
        m_progress->setRange(0, int(line.value("items", int64_t(0))));
        m_progress->setValue(int(line.value("done", int64_t(0))));
        if (kind == "progress" && line.contains("texts_per_second"))
            m_status->setText(tr("%1 of %2 outputs, %3 texts/s")
                                  .arg(line.value("done", int64_t(0)))
                                  .arg(line.value("items", int64_t(0)))
                                  .arg(line.value("texts_per_second", 0.0), 0, 'f', 1));
    } else if (kind == "cancelled") {
        m_status->setText(tr("Cancelled after %1 outputs; the same run continues where it stopped.").arg(line.value("done", int64_t(0))));
    }
}

void EvaluateView::newGenerationRun() {
    GenerateRunDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) startWorker(dialog.arguments(m_session->projectPath()));
}

void EvaluateView::chooseScorerAndEvaluate() {
    QSettings settings;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Risk scorer folder (srllm scorer train)"),
                                                          settings.value(QStringLiteral("evaluate/scorer")).toString());
    if (dir.isEmpty()) return;
    settings.setValue(QStringLiteral("evaluate/scorer"), dir);
    startEvaluation(dir);
}

}  // namespace srllm::ui
