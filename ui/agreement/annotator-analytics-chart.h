#pragma once
// One annotator over time (db/annotator-analytics.h): per window of their done items, agreement with the
// others' majority and the drift of their label distribution (0..1, left axis) and the median seconds per
// item (right axis), with a line of totals above; exportable to PNG, SVG or PDF. UI thread only.
#include <QWidget>

#include "db/annotator-analytics.h"

class QCustomPlot;
class QLabel;

namespace srllm::ui {

class AnnotatorAnalyticsChart : public QWidget {
    Q_OBJECT
public:
    explicit AnnotatorAnalyticsChart(QWidget* parent = nullptr);

    void setAnalytics(const db::AnnotatorAnalytics& analytics, const QString& fieldLabel);
    QCustomPlot* plot() const { return m_plot; }
    QLabel* totals() const { return m_totals; }
    int windowCount() const;

public slots:
    void exportWithDialog();

private:
    QCustomPlot* m_plot;
    QLabel* m_totals;
    QString m_name;
};

}  // namespace srllm::ui
