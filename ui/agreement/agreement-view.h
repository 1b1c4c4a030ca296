#pragma once
// Inter-annotator agreement of the project: per taxonomy field Fleiss' kappa and Krippendorff's alpha with
// 95% bootstrap intervals, the pairwise Cohen's kappa matrix of a chosen field, rewrite and span agreement,
// per-annotator figures, and alpha over time. Figures come from db/agreement-report.h and
// db/agreement-trend.h; this widget only shows them. Computed on the UI thread when Refresh is pressed,
// under a wait cursor: the bootstrap dominates (500 resamples, 300 items: 7 s on the 2-core box).
#include <optional>

#include <QWidget>

#include "db/agreement-report.h"

class QComboBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace srllm::ui {

class AgreementTrendChart;
class KappaHeatTable;
class ProjectSession;

class AgreementView : public QWidget {
    Q_OBJECT
public:
    explicit AgreementView(ProjectSession* session, QWidget* parent = nullptr);

    QTableWidget* fieldTable() const { return m_fields; }
    QTableWidget* annotatorTable() const { return m_annotators; }
    KappaHeatTable* cohenTable() const { return m_cohen; }
    AgreementTrendChart* trendChart() const { return m_trend; }
    QComboBox* fieldChooser() const { return m_field; }

public slots:
    // Recomputes the report and the trend with the chosen bootstrap resamples and window.
    void refresh();

private:
    void showReport();
    void showField();
    QString fieldLabel(const std::string& key) const;

    ProjectSession* m_session;
    std::optional<db::AgreementReport> m_report;
    QSpinBox* m_resamples;
    QSpinBox* m_window;
    QLabel* m_status;
    QTableWidget* m_fields;
    QLabel* m_textFigures;
    QComboBox* m_field;
    KappaHeatTable* m_cohen;
    QTableWidget* m_annotators;
    AgreementTrendChart* m_trend;
};

}  // namespace srllm::ui
