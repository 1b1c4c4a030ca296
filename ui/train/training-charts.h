#pragma once
// The live charts of a training run: train and eval loss against the step (large), then learning rate,
// tokens per second, time left and memory; a summary line above them. Each chart exports itself as
// PNG, SVG or PDF (context menu, or the Export button's menu). It only plots the series it is given
// (ui/train/training-curves.h). GUI thread only.
#include <array>

#include <QWidget>

#include "ui/train/training-curves.h"

class QCustomPlot;
class QLabel;

namespace srllm::ui {

class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCharts(QWidget* parent = nullptr);

    // Shows these series (replotting once per event loop turn, however often it is called).
    void setCurves(const TrainingCurves& curves);

    QCustomPlot* plot(TrainingCurves::Curve curve) const;  // LossEval shares the LossTrain plot
    QString summary() const;
    // Points the chart shows for the curve (for tests and the empty-state text).
    int pointCount(TrainingCurves::Curve curve) const;

private:
    struct Chart {
        QCustomPlot* plot = nullptr;
        QString fileName;  // suggested export name, without suffix
    };
    Chart makeChart(const QString& title, const QString& yLabel, const QString& fileName);
    void showExportMenu(QCustomPlot* plot, const QString& fileName, const QPoint& globalPos);

    std::array<Chart, 5> m_charts;  // loss, learning rate, tokens/s, time left, memory
    QLabel* m_summary;
};

}  // namespace srllm::ui
