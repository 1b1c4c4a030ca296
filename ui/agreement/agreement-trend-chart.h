#pragma once
// Agreement over time: Krippendorff's alpha per window of completed items (db/agreement-trend.h) as a line
// chart with the 0.667 / 0.8 reliability thresholds (Krippendorff 2004), exportable to PNG or PDF.
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

    // Writes the chart at the given pixel size; false when the file cannot be written.
    bool exportPng(const QString& path, int width = 1200, int height = 700);
    bool exportPdf(const QString& path, int width = 1200, int height = 700);

public slots:
    // Asks for a file name; the suffix (.png or .pdf) picks the format.
    void exportWithDialog();

private:
    QCustomPlot* m_plot;
    QLabel* m_empty;
};

}  // namespace srllm::ui
