#pragma once
// Inter-annotator agreement of the project: per taxonomy field Fleiss' kappa and Krippendorff's alpha with
// 95% bootstrap intervals, the pairwise Cohen's kappa matrix of a chosen field, rewrite and span agreement,
// per-annotator figures, how often suggestions were accepted, alpha over time, and one chart per annotator
// over time (db/annotator-analytics.h). Figures come from db/; this widget only shows them. Everything is
// computed on a worker connection (BackgroundTask) with a progress bar and Cancel, so the window stays
// live during the bootstrap. A blind annotator sees the figures and only their own row and chart.
#include <memory>
#include <optional>

#include <QWidget>

#include "db/agreement-report.h"
#include "db/agreement-trend.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace srllm::ui {

class AgreementTrendChart;
class AnnotatorAnalyticsChart;
class BackgroundTask;
class KappaHeatTable;
class ProjectSession;

class AgreementView : public QWidget {
    Q_OBJECT
public:
    explicit AgreementView(ProjectSession* session, QWidget* parent = nullptr);
    ~AgreementView() override;

    QTableWidget* fieldTable() const { return m_fields; }
    QTableWidget* annotatorTable() const { return m_annotators; }
    QTableWidget* suggestionTable() const { return m_suggestions; }
    KappaHeatTable* cohenTable() const { return m_cohen; }
    AgreementTrendChart* trendChart() const { return m_trend; }
    AnnotatorAnalyticsChart* analyticsChart() const { return m_analytics; }
    QComboBox* fieldChooser() const { return m_field; }
    QComboBox* annotatorChooser() const { return m_annotator; }
    QProgressBar* progressBar() const { return m_progress; }
    QPushButton* cancelButton() const { return m_cancel; }
    bool isComputing() const;
    QLabel* textFigures() const { return m_textFigures; }  // for tests

public slots:
    // Recomputes the report in the background with the chosen bootstrap resamples; then the charts.
    void refresh();
    void cancel();

signals:
    void computed();  // the report (or a chart) is on screen

private:
    void runTask(std::unique_ptr<BackgroundTask> task, const QString& what);
    void showReport();
    void showField();
    void showAnnotator();
    QString fieldLabel(const std::string& key) const;

    ProjectSession* m_session;
    std::optional<db::AgreementReport> m_report;
    std::unique_ptr<BackgroundTask> m_task;
    QSpinBox* m_resamples;
    QSpinBox* m_window;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_refresh;
    QPushButton* m_cancel;
    QTableWidget* m_fields;
    QLabel* m_textFigures;
    QComboBox* m_field;
    KappaHeatTable* m_cohen;
    QTableWidget* m_annotators;
    QTableWidget* m_suggestions;
    AgreementTrendChart* m_trend;
    QComboBox* m_annotator;
    AnnotatorAnalyticsChart* m_analytics;
};

}  // namespace srllm::ui
