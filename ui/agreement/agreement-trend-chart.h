#pragma once
// Agreement over time: Krippendorff's alpha per window of completed items (db/agreement-trend.h) as a line
// chart with the 0.667 / 0.8 reliability thresholds (Krippendorff 2004), exportable to PNG, SVG or PDF.
// It only plots the aggregated series it is given. UI thread only.
#include <QWidget>

#include "db/agreement-trend.h"

class QCustomPlot;
class QLabel;

namespace srllm::ui {

class AgreementTrendChart : public QWidget {
    Q_OBJECT
public:
    explicit AgreementTrendChart(QWidget* parent = nullptr);

    void setTrend(const db::AgreementTrend& trend, const QString& fieldLabel);
    QCustomPlot* plot() const { return m_plot; }
    int pointCount() const;

public slots:
    // Asks for a file name; the suffix (.png, .svg or .pdf) picks the format (ui/plots/plot-export.h).
    void exportWithDialog();

private:
    QCustomPlot* m_plot;
    QLabel* m_empty;
};

}  // namespace srllm::ui
