#include "ui/agreement/annotator-analytics-chart.h"

#include <algorithm>
#include <cmath>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "ui/plots/plot-export.h"

namespace srllm::ui {

namespace {
enum Graph { AgreementGraph, DriftGraph, SecondsGraph };
}

AnnotatorAnalyticsChart::AnnotatorAnalyticsChart(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_totals(new QLabel(this)) {
    auto* exportButton = new QPushButton(tr("Export chart…"), this);
    exportButton->setToolTip(tr("Save the chart as PNG, SVG or PDF"));
    connect(exportButton, &QPushButton::clicked, this, &AnnotatorAnalyticsChart::exportWithDialog);
    m_totals->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_totals);
    layout->addWidget(m_plot, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(exportButton);
    layout->addLayout(buttons);

    const struct {
        QString name;
        QColor colour;
        QCPAxis* axis;
    } graphs[] = {{tr("agreement with the others"), QColor(40, 160, 40), m_plot->yAxis},
                  {tr("label drift from the first window"), QColor(214, 39, 40), m_plot->yAxis},
                  {tr("median seconds per item"), QColor(31, 119, 180), m_plot->yAxis2}};
    for (const auto& g : graphs) {
        QCPGraph* graph = m_plot->addGraph(m_plot->xAxis, g.axis);
        graph->setName(g.name);
        graph->setPen(QPen(g.colour, 2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    }
    m_plot->xAxis->setLabel(tr("Items done"));
    m_plot->yAxis->setLabel(tr("Share (0–1)"));
    m_plot->yAxis2->setLabel(tr("Seconds"));
    m_plot->yAxis2->setVisible(true);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_plot->setMinimumHeight(240);
}

void AnnotatorAnalyticsChart::setAnalytics(const db::AnnotatorAnalytics& a, const QString& fieldLabel) {
    m_name = QString::fromStdString(a.name);
    QVector<double> x, agreement, drift, seconds;
    double slowest = 1;
    for (const auto& w : a.windows) {
        x << static_cast<double>(w.itemsBefore + w.items);  // a window is plotted where it ends
        agreement << w.agreement;  // NaN leaves a gap
        drift << w.drift;
        seconds << w.medianSeconds;
        if (!std::isnan(w.medianSeconds)) slowest = std::max(slowest, w.medianSeconds);
    }
    m_plot->graph(AgreementGraph)->setData(x, agreement);
    m_plot->graph(DriftGraph)->setData(x, drift);
    m_plot->graph(SecondsGraph)->setData(x, seconds);
    m_plot->xAxis->setRange(0, x.isEmpty() ? 1 : x.back() * 1.02);
    m_plot->yAxis->setRange(0, 1.05);
    m_plot->yAxis2->setRange(0, slowest * 1.1);
    m_plot->xAxis2->setVisible(true);
    m_plot->xAxis2->setTicks(false);
    m_plot->xAxis2->setTickLabels(false);
    m_plot->xAxis2->setLabel(tr("%1 — %2, per %3 items").arg(m_name, fieldLabel).arg(a.windows.empty() ? 0 : a.windows.front().items));
    m_totals->setText(
        tr("%1: %2 item(s) done, median %3 s per item; %4 of %5 rewrite(s) mostly pasted.")
            .arg(m_name)
            .arg(a.done)
            .arg(std::isnan(a.medianSeconds) ? QStringLiteral("—") : QString::number(a.medianSeconds, 'f', 1))
            .arg(a.pastedRewrites)
            .arg(a.rewrites));
    m_plot->replot();
}

int AnnotatorAnalyticsChart::windowCount() const { return m_plot->graph(AgreementGraph)->dataCount(); }

void AnnotatorAnalyticsChart::exportWithDialog() {
    exportPlotWithDialog(this, m_plot, QStringLiteral("annotator-%1").arg(m_name));
}

}  // namespace srllm::ui
