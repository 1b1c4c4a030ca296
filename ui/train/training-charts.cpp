#include "ui/train/training-charts.h"

#include <algorithm>

#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <qcustomplot.h>

#include "ui/plots/plot-export.h"
#include "ui/train/train-format.h"

namespace srllm::ui {

namespace {

using Curve = TrainingCurves::Curve;
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

// Which chart (index into m_charts) shows a curve, and how its values are scaled for the axis.
int chartOf(Curve curve) {
    switch (curve) {
    case Curve::LossTrain:
    case Curve::LossEval: return 0;
    case Curve::LearningRate: return 1;
    case Curve::TokensPerSecond: return 2;
    case Curve::EtaSeconds: return 3;
    case Curve::MemoryBytes: return 4;
    }
    return 0;
}

// The axis unit of a curve, chosen from its largest value so the ticks read well ("s", "min", "MiB" …).
struct Unit {
    double scale = 1;
    QString label;
};

Unit unitOf(Curve curve, double largest) {
    if (curve == Curve::EtaSeconds) {
        if (largest < 120) return {1, TrainingCharts::tr("seconds")};
        if (largest < 7200) return {1.0 / 60, TrainingCharts::tr("minutes")};
        return {1.0 / 3600, TrainingCharts::tr("hours")};
    }
    if (curve == Curve::MemoryBytes) {
        if (largest < kGiB) return {1.0 / (1024.0 * 1024.0), TrainingCharts::tr("MiB")};
        return {1.0 / kGiB, TrainingCharts::tr("GiB")};
    }
    return {};
}

QCPGraph* graphOf(QCustomPlot* plot, Curve curve) { return plot->graph(curve == Curve::LossEval ? 1 : 0); }

}  // namespace

TrainingCharts::TrainingCharts(QWidget* parent) : QWidget(parent), m_summary(new QLabel(this)) {
    m_summary->setObjectName(QStringLiteral("trainingSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_charts = {makeChart(tr("Loss"), tr("loss"), QStringLiteral("loss")),
                makeChart(tr("Learning rate"), tr("learning rate"), QStringLiteral("learning-rate")),
                makeChart(tr("Throughput"), tr("tokens per second"), QStringLiteral("tokens-per-second")),
                makeChart(tr("Time left"), tr("minutes"), QStringLiteral("time-left")),
                makeChart(tr("Memory"), tr("MiB"), QStringLiteral("memory"))};

    QCustomPlot* loss = m_charts[0].plot;
    loss->graph(0)->setName(tr("train"));
    loss->addGraph()->setName(tr("eval"));
    loss->graph(1)->setPen(QPen(QColor(214, 39, 40), 2));
    loss->graph(1)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    loss->legend->setVisible(true);
    loss->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    loss->setMinimumHeight(260);
    // 0.0002 and 0 as such, 2·10⁻⁵ only when the rate is that small.
    m_charts[1].plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    m_charts[1].plot->yAxis->setNumberPrecision(2);

    auto* exportButton = new QPushButton(tr("Export chart…"), this);
    exportButton->setToolTip(tr("Save one of the charts as PNG, SVG or PDF"));
    auto* menu = new QMenu(exportButton);
    for (const Chart& chart : m_charts)
        menu->addAction(chart.plot->windowTitle(), this,
                        [this, chart] { exportPlotWithDialog(this, chart.plot, chart.fileName); });
    exportButton->setMenu(menu);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(exportButton);
    grid->addLayout(top, 0, 0, 1, 2);
    grid->addWidget(m_charts[0].plot, 1, 0, 1, 2);
    for (int i = 1; i < 5; ++i) grid->addWidget(m_charts[i].plot, 2 + (i - 1) / 2, (i - 1) % 2);
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 2);
    grid->setRowStretch(3, 2);
    setCurves(TrainingCurves());
}

TrainingCharts::Chart TrainingCharts::makeChart(const QString& title, const QString& yLabel, const QString& fileName) {
    auto* plot = new QCustomPlot(this);
    plot->setWindowTitle(title);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, QFont(font().family(), font().pointSize(), QFont::Bold)));
    plot->addGraph()->setPen(QPen(QColor(31, 119, 180), 2));
    plot->xAxis->setLabel(tr("step"));
    QSharedPointer<QCPAxisTickerFixed> steps(new QCPAxisTickerFixed);  // whole steps: 1, 2, 5, 10, 20 …
    steps->setTickStep(1);
    steps->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot->xAxis->setTicker(steps);
    plot->yAxis->setLabel(yLabel);
    plot->setMinimumSize(220, 160);
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot, &QWidget::customContextMenuRequested, this,
            [this, plot, fileName](const QPoint& pos) { showExportMenu(plot, fileName, plot->mapToGlobal(pos)); });
    return {plot, fileName};
}

void TrainingCharts::showExportMenu(QCustomPlot* plot, const QString& fileName, const QPoint& globalPos) {
    QMenu menu(this);
    menu.addAction(tr("Export chart…"), this, [this, plot, fileName] { exportPlotWithDialog(this, plot, fileName); });
    menu.exec(globalPos);
}

void TrainingCharts::setCurves(const TrainingCurves& curves) {
    for (int i = 0; i < TrainingCurves::kCurveCount; ++i) {
        const auto curve = Curve(i);
        const TrainingCurves::Series& series = curves.series(curve);
        const double largest = series.values.isEmpty() ? 0 : *std::max_element(series.values.begin(), series.values.end());
        const Unit unit = unitOf(curve, largest);
        if (!unit.label.isEmpty()) plot(curve)->yAxis->setLabel(unit.label);
        QVector<double> values = series.values;
        for (double& v : values) v *= unit.scale;
        graphOf(plot(curve), curve)->setData(series.steps, values, true);
    }
    for (size_t i = 0; i < m_charts.size(); ++i) {
        QCustomPlot* p = m_charts[i].plot;
        p->rescaleAxes();
        if (p->graph(0)->dataCount() == 0) p->xAxis->setRange(0, 1);
        // Rates, time and memory from zero, so a small wobble does not look like a swing; the loss fills the plot.
        if (i > 0) p->yAxis->setRangeLower(0);
        else if (p->graph(0)->dataCount() > 0) {  // eval dots at the edges stay whole
            p->yAxis->scaleRange(1.1);
            p->xAxis->setRangeUpper(p->xAxis->range().upper + std::max(0.5, p->xAxis->range().size() / 100));
        }
        if (p->yAxis->range().size() <= 0) p->yAxis->setRangeUpper(p->yAxis->range().lower + 1);
        p->replot(QCustomPlot::rpQueuedReplot);
    }
    const TrainingCurves::Progress& p = curves.progress();
    if (curves.isEmpty()) {
        m_summary->setText(tr("No steps yet."));
        return;
    }
    QStringList parts{tr("Step %1 of %2").arg(p.step).arg(p.totalSteps), tr("epoch %1").arg(p.epoch + 1)};
    if (p.tokensPerSecond) parts << tr("%1 tokens/s").arg(*p.tokensPerSecond, 0, 'f', 0);
    if (p.etaSeconds) parts << tr("%1 left").arg(formatDuration(*p.etaSeconds));
    if (p.memoryBytes) parts << tr("memory %1 (peak %2)").arg(formatBytes(*p.memoryBytes), formatBytes(p.memoryPeakBytes));
    if (p.resumes > 0) parts << tr("resumed %n time(s)", nullptr, int(p.resumes));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}

QCustomPlot* TrainingCharts::plot(Curve curve) const { return m_charts[size_t(chartOf(curve))].plot; }

QString TrainingCharts::summary() const { return m_summary->text(); }

int TrainingCharts::pointCount(Curve curve) const { return graphOf(plot(curve), curve)->dataCount(); }

}  // namespace srllm::ui
