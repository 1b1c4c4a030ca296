#pragma once
// Evaluate mode: pick generation runs of one test set (the first checked is the baseline, usually the
// original texts), start `srllm generate-run` and `srllm eval` as worker processes (progress, cancel),
// then read the paper-style table and the figures (ui/evaluate/evaluation-figures.h). Clicking a bar or
// a box lists the test items behind it; double-clicking one opens it with every run's output and score.
// Data is read on a thread of its own (ui/worker/thread-job.h). GUI thread only.
#include <cstdint>
#include <vector>

#include <QWidget>

#include "ui/evaluate/evaluation-data.h"
#include "ui/evaluate/evaluation-figures.h"

class QCPAbstractPlottable;
class QCustomPlot;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace srllm::ui {

class EvaluationTableView;
class ProjectSession;
class ThreadJob;
class WorkerProcess;

class EvaluateView : public QWidget {
    Q_OBJECT
public:
    explicit EvaluateView(ProjectSession* session, QWidget* parent = nullptr);

    void reloadRuns();                                   // the project's generation runs into the list
    void setCheckedRuns(const std::vector<int64_t>& runIds);  // checks these (in this order) and reloads the data
    std::vector<int64_t> checkedRuns() const;            // in list order; the first is the baseline
    void reloadData();                                   // reads the checked runs on the loader thread

    // Starts `srllm ARGS` (generate-run or eval, with --json) in the worker; false while one runs.
    bool startWorker(const QStringList& arguments);
    void startEvaluation(const QString& scorerDir);  // `srllm eval PROJECT --runs … --scorer DIR --json`

    void showFigure(int index);  // draws figures()[index] into plot()
    void showItemsBehind(QCPAbstractPlottable* plottable, int dataIndex);
    // Exports every figure as PNG, SVG and PDF into `folder` (ID.png …); returns the files written.
    QStringList exportAll(const QString& folder);

    const EvaluationData& data() const { return m_data; }
    const std::vector<EvaluationFigure>& figures() const { return m_figures; }
    QListWidget* runList() const { return m_runs; }
    QListWidget* figureList() const { return m_figureList; }
    QCustomPlot* plot() const { return m_plot; }
    QTableWidget* itemList() const { return m_items; }
    EvaluationTableView* table() const { return m_table; }
    WorkerProcess* worker() const { return m_worker; }
    ThreadJob* loader() const { return m_loader; }
    QLabel* statusLabel() const { return m_status; }

signals:
    void message(const QString& text);

private:
    void setData(EvaluationData data, const QString& problem);
    void onWorkerEvent(const nlohmann::json& line);
    void openItem(int row);
    void newGenerationRun();
    void chooseScorerAndEvaluate();

    ProjectSession* m_session;
    QListWidget* m_runs;
    QPushButton* m_generate;
    QPushButton* m_evaluate;
    QPushButton* m_report;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTabWidget* m_tabs;
    EvaluationTableView* m_table;
    QListWidget* m_figureList;
    QCustomPlot* m_plot;
    QTableWidget* m_items;
    WorkerProcess* m_worker;
    ThreadJob* m_loader;
    EvaluationData m_data;
    std::vector<EvaluationFigure> m_figures;
    bool m_reloadAgain = false;  // the checked runs changed while the loader was busy
};

}  // namespace srllm::ui
