#include "ui/agreement/agreement-trend-chart.h"

#include <algorithm>
#include <cmath>

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "ui/plots/plot-export.h"

namespace srllm::ui {

namespace {
constexpr double kTentative = 0.667;  // Krippendorff: lowest alpha for tentative conclusions
constexpr double kReliable = 0.8;     // and for reliable ones
}

AgreementTrendChart::AgreementTrendChart(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_empty(new QLabel(this)) {
    auto* exportButton = new QPushButton(tr("Export chart…"), this);
    exportButton->setToolTip(tr("Save the chart as PNG, SVG or PDF"));
    connect(exportButton, &QPushButton::clicked, this, &AgreementTrendChart::exportWithDialog);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_empty);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(exportButton);
    layout->addLayout(buttons);

    m_plot->addGraph();
    m_plot->graph(0)->setPen(QPen(QColor(31, 119, 180), 2));
    m_plot->graph(0)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_plot->yAxis->setLabel(tr("Krippendorff's alpha"));
    m_plot->xAxis->setLabel(tr("Items completed"));
    for (const auto& [level, colour] : {std::pair{kTentative, QColor(230, 150, 30)}, std::pair{kReliable, QColor(40, 160, 40)}}) {
        auto* line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(0, level);
        line->point2->setCoords(1, level);
        line->setPen(QPen(colour, 1, Qt::DashLine));
    }
    m_plot->setMinimumHeight(240);
}

void AgreementTrendChart::setTrend(const db::AgreementTrend& trend, const QString& fieldLabel) {
    QVector<double> x, y;
    double low = 0;
    for (const auto& p : trend.points) {
        x << static_cast<double>(p.itemsBefore + p.items);  // a window is plotted where it ends
        y << p.alpha;  // NaN leaves a gap in the line
        if (!std::isnan(p.alpha)) low = std::min(low, p.alpha);
    }
    m_plot->graph(0)->setData(x, y);
    m_plot->xAxis->setRange(0, x.isEmpty() ? 1 : x.back() * 1.02);
    m_plot->yAxis->setRange(std::max(-1.0, low - 0.05), 1.05);
    m_plot->setWindowTitle(fieldLabel);
    m_plot->xAxis2->setLabel(tr("%1: alpha (%2) per %3 completed items")
                                 .arg(fieldLabel, QString::fromStdString(trend.metric))
                                 .arg(trend.windowItems));
    m_plot->xAxis2->setVisible(true);
    m_plot->xAxis2->setTicks(false);
    m_plot->xAxis2->setTickLabels(false);
    m_empty->setText(trend.points.empty() ? tr("No item has two done annotations for %1 yet.").arg(fieldLabel) : QString());
    m_empty->setVisible(trend.points.empty());
    m_plot->replot();
}

int AgreementTrendChart::pointCount() const { return m_plot->graph(0)->dataCount(); }

void AgreementTrendChart::exportWithDialog() { exportPlotWithDialog(this, m_plot, QStringLiteral("agreement-trend")); }

}  // namespace srllm::ui
