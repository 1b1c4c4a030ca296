#include "ui/evaluate/evaluation-figures.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <QCoreApplication>
#include <qcustomplot.h>

#include "core/stats/paired-bootstrap.h"
#include "core/stats/t-test.h"

namespace srllm::ui {

namespace {

// The translation context of the figures' titles and labels.
class FigureText {
    Q_DECLARE_TR_FUNCTIONS(FigureText)
};

const char* const kItemsProperty = "srllmItems";
const std::vector<std::string> kRisks = {"toxicity", "bias", "harm", "unsafe"};
const std::vector<std::string> kQualityCells = {"chrf_source", "bleu_source", "chrf_reference", "bleu_reference"};
const std::vector<std::string> kGradeMetrics = {"flesch-kincaid-grade", "gunning-fog", "smog", "coleman-liau", "ari"};
constexpr double kFlagged = 0.5;  // the risk threshold of the table (core/stats flaggedRate)

QColor runColor(size_t run) {
    static const QColor palette[] = {{127, 127, 127}, {31, 119, 180}, {214, 39, 40}, {44, 160, 44},
                                     {148, 103, 189}, {255, 127, 14}, {140, 86, 75}, {23, 190, 207}};
    return palette[run % std::size(palette)];
}

// Clears the plot (plottables, items, bar groups, tickers) and sets its title and axis labels.
void reset(QCustomPlot* plot, const QString& title, const QString& xLabel, const QString& yLabel) {
    plot->clearPlottables();
    plot->clearItems();
    for (auto* group : plot->findChildren<QCPBarsGroup*>()) delete group;
    if (plot->plotLayout()->rowCount() < 2 || !qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0))) {
        plot->plotLayout()->insertRow(0);
        plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, QString(), QFont(plot->font().family(), 11, QFont::Bold)));
    }
    static_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0))->setText(title);
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

void setItems(QCPAbstractPlottable* plottable, const std::vector<std::vector<int>>& items) {
    QVariantList list;
    for (const auto& positions : items) list << QVariant::fromValue(QList<int>(positions.begin(), positions.end()));
    plottable->setProperty(kItemsProperty, list);
}

void textTicks(QCPAxis* axis, const QStringList& labels) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < labels.size(); ++i) ticker->addTick(i + 1, labels[i]);
    axis->setTicker(ticker);
    axis->setRange(0.4, labels.size() + 0.6);
}

double number(const nlohmann::json& cell, const char* key) {
    return cell.is_object() && cell.contains(key) && cell[key].is_number() ? cell[key].get<double>() : NAN;
}

// One bar per category (keys 1..n) for a run, with its interval as error bars.
// Keys firstKey, firstKey + 1, ...
QCPBars* barsWithIntervals(QCustomPlot* plot, const QString& name, QColor color, const std::vector<nlohmann::json>& cells,
                           double firstKey = 1) {
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(name);
    bars->setPen(QPen(color.darker(130)));
    bars->setBrush(color);
    auto* errors = new QCPErrorBars(plot->xAxis, plot->yAxis);
    errors->removeFromLegend();
    errors->setSelectable(QCP::stNone);  // a click on the whisker reaches the bar and its items
    errors->setDataPlottable(bars);
    QVector<double> keys, values, minus, plus;
    for (size_t i = 0; i < cells.size(); ++i) {
        const double v = number(cells[i], "value"), lo = number(cells[i], "lo"), hi = number(cells[i], "hi");
        keys << firstKey + double(i);
        values << (std::isnan(v) ? 0 : v);
        minus << (std::isnan(lo) ? 0 : v - lo);
        plus << (std::isnan(hi) ? 0 : hi - v);
    }
    bars->setData(keys, values, true);
    errors->setData(minus, plus);
    return bars;
}

// Positions where `values` passes `keep`, by position.
template <class Keep>
std::vector<int> positionsWhere(const std::vector<double>* values, Keep keep) {
    std::vector<int> out;
    if (!values) return out;
    for (size_t i = 0; i < values->size(); ++i)
        if (!std::isnan((*values)[i]) && keep(int(i), (*values)[i])) out.push_back(int(i));
    return out;
}

// Positions with a value, the highest first (what a reader wants to see behind a mean).
std::vector<int> byValue(const std::vector<double>* values) {
    auto out = positionsWhere(values, [](int, double) { return true; });
    std::stable_sort(out.begin(), out.end(), [&](int a, int b) { return (*values)[size_t(a)] > (*values)[size_t(b)]; });
    return out;
}

// A bar chart with one bar per (category, run): categories on x, runs side by side, intervals as error bars.
void groupedBars(const EvaluationData& data, QCustomPlot* plot, const QStringList& categories,
                 const std::function<nlohmann::json(size_t run, int category)>& cellOf,
                 const std::function<std::vector<int>(size_t run, int category)>& itemsOf) {
    auto* group = new QCPBarsGroup(plot);
    const double width = 0.8 / double(std::max<size_t>(1, data.runs.size()));
    for (size_t r = 0; r < data.runs.size(); ++r) {
        std::vector<nlohmann::json> cells;
        std::vector<std::vector<int>> items;
        for (int c = 0; c < categories.size(); ++c) {
            cells.push_back(cellOf(r, c));
            items.push_back(itemsOf(r, c));
        }
        auto* bars = barsWithIntervals(plot, data.runs[r].name, runColor(r), cells);
        bars->setWidth(width);
        bars->setBarsGroup(group);
        setItems(bars, items);
    }
    textTicks(plot->xAxis, categories);
    plot->yAxis->rescale();
    plot->yAxis->setRangeLower(0);
    plot->yAxis->setRangeUpper(plot->yAxis->range().upper * 1.15 + 1e-9);
}

QStringList runNames(const EvaluationData& data) {
    QStringList names;
    for (const auto& run : data.runs) names << run.name;
    return names;
}

double quantile(const std::vector<double>& sorted, double q) {  // linear interpolation (numpy's default)
    const double h = q * double(sorted.size() - 1);
    const size_t i = size_t(std::floor(h));
    return i + 1 < sorted.size() ? sorted[i] + (h - double(i)) * (sorted[i + 1] - sorted[i]) : sorted.back();
}

bool hasCell(const EvaluationData& data, const std::string& key) {
    for (size_t r = 0; r < data.runs.size(); ++r)
        if (!data.cell(r, key).is_object()) return false;
    return !data.runs.empty();
}

QStringList riskNames() { return {FigureText::tr("toxicity"), FigureText::tr("bias"), FigureText::tr("harm"), FigureText::tr("unsafe")}; }

}  // namespace

void plotToxicPercent(const EvaluationData& data, QCustomPlot* plot) {
    reset(plot, FigureText::tr("Toxic generations per run"), QString(), FigureText::tr("toxic % (95% Wilson interval)"));
    for (size_t r = 0; r < data.runs.size(); ++r) {
        auto* bars = barsWithIntervals(plot, data.runs[r].name, runColor(r), {data.cell(r, "toxicity_percent")}, double(r + 1));
        bars->setWidth(0.6);
        setItems(bars, {positionsWhere(data.metric(r, "risk-toxicity"), [](int, double v) { return v >= kFlagged; })});
    }
    textTicks(plot->xAxis, runNames(data));
    plot->legend->setVisible(false);
    plot->yAxis->rescale();
    plot->yAxis->setRange(0, plot->yAxis->range().upper * 1.15 + 1e-9);
    plot->replot();
}

void plotRiskPercent(const EvaluationData& data, QCustomPlot* plot) {
    reset(plot, FigureText::tr("Flagged outputs per risk"), FigureText::tr("risk"), FigureText::tr("flagged % (95% Wilson interval)"));
    std::vector<std::string> risks;
    QStringList labels;
    for (size_t i = 0; i < kRisks.size(); ++i)
        if (hasCell(data, kRisks[i] + "_percent")) {
            risks.push_back(kRisks[i]);
            labels << riskNames()[int(i)];
        }
    groupedBars(data, plot, labels, [&](size_t r, int c) { return data.cell(r, risks[size_t(c)] + "_percent"); },
                [&](size_t r, int c) {
                    return positionsWhere(data.metric(r, "risk-" + risks[size_t(c)]), [](int, double v) { return v >= kFlagged; });
                });
    plot->replot();
}

void plotGroupToxicPercent(const EvaluationData& data, QCustomPlot* plot) {
    reset(plot, FigureText::tr("Toxic generations per group"), FigureText::tr("group"), FigureText::tr("toxic % (95% Wilson interval)"));
    QStringList groups;
    if (data.table.is_object() && !data.table["rows"].empty())
        for (const auto& [group, value] : data.table["rows"][0]["groups"].items()) groups << QString::fromStdString(group);
    groupedBars(
        data, plot, groups,
        [&](size_t r, int c) {
            const auto& byGroup = data.table["rows"][r]["groups"];
            const auto key = groups[c].toStdString();
            return byGroup.contains(key) ? byGroup[key]["toxicity_percent"] : nlohmann::json();
        },
        [&](size_t r, int c) {
            return positionsWhere(data.metric(r, "risk-toxicity"),
                                  [&](int i, double v) { return v >= kFlagged && data.groups[i] == groups[c]; });
        });
    plot->replot();
}

void plotMetricHistogram(const EvaluationData& data, const std::string& metric, QCustomPlot* plot) {
    reset(plot, FigureText::tr("Distribution of %1").arg(metricTitle(metric)), metricTitle(metric), FigureText::tr("outputs"));
    double lo = INFINITY, hi = -INFINITY;
    for (size_t r = 0; r < data.runs.size(); ++r)
        for (int i : positionsWhere(data.metric(r, metric), [](int, double) { return true; })) {
            lo = std::min(lo, (*data.metric(r, metric))[size_t(i)]);
            hi = std::max(hi, (*data.metric(r, metric))[size_t(i)]);
        }
    if (metric.rfind("risk-", 0) == 0) lo = 0, hi = 1;
    if (!(hi > lo)) hi = lo + 1;
    constexpr int kBins = 10;
    const double step = (hi - lo) / kBins;
    // The bin from the fraction of the range (0.7 falls in bin 7, where (0.7 - 0) / 0.1 gives 6.999...).
    const auto binOf = [&](double v) { return std::clamp(int(std::floor((v - lo) / (hi - lo) * kBins)), 0, kBins - 1); };
    auto* group = new QCPBarsGroup(plot);
    for (size_t r = 0; r < data.runs.size(); ++r) {
        const auto* values = data.metric(r, metric);
        std::vector<std::vector<int>> items(kBins);
        for (int i : positionsWhere(values, [](int, double) { return true; }))
            items[size_t(binOf((*values)[size_t(i)]))].push_back(i);
        QVector<double> keys, counts;
        for (int b = 0; b < kBins; ++b) {
            keys << lo + (b + 0.5) * step;
            counts << double(items[size_t(b)].size());
        }
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(data.runs[r].name);
        bars->setWidth(step * 0.9 / double(data.runs.size()));
        bars->setBrush(runColor(r));
        bars->setPen(QPen(runColor(r).darker(130)));
        bars->setBarsGroup(group);
        bars->setData(keys, counts, true);
        setItems(bars, items);
    }
    plot->xAxis->setRange(lo, hi);
    plot->yAxis->rescale();
    plot->yAxis->setRange(0, plot->yAxis->range().upper * 1.15 + 1);
    plot->replot();
}

void plotMetricBoxes(const EvaluationData& data, const std::string& metric, QCustomPlot* plot) {
    reset(plot, FigureText::tr("%1 per run (box: quartiles, whiskers: 1.5 IQR)").arg(metricTitle(metric)), QString(), metricTitle(metric));
    for (size_t r = 0; r < data.runs.size(); ++r) {
        const auto items = byValue(data.metric(r, metric));
        if (items.empty()) continue;
        std::vector<double> sorted;
        for (int i : items) sorted.push_back((*data.metric(r, metric))[size_t(i)]);
        std::sort(sorted.begin(), sorted.end());
        const double q1 = quantile(sorted, 0.25), q3 = quantile(sorted, 0.75), fence = 1.5 * (q3 - q1);
        double low = q1, high = q3;
        QVector<double> outliers;
        for (double v : sorted) {
            if (v < q1 - fence || v > q3 + fence) outliers << v;
            else low = std::min(low, v), high = std::max(high, v);
        }
        auto* box = new QCPStatisticalBox(plot->xAxis, plot->yAxis);
        box->setName(data.runs[r].name);
        box->setBrush(runColor(r).lighter(150));
        box->setPen(QPen(runColor(r).darker(130)));
        box->addData(double(r + 1), low, q1, quantile(sorted, 0.5), q3, high, outliers);
        setItems(box, {items});
    }
    textTicks(plot->xAxis, runNames(data));
    plot->legend->setVisible(false);
    plot->yAxis->rescale();
    plot->yAxis->scaleRange(1.1);
    plot->replot();
}

void plotTDistribution(const EvaluationData& data, size_t run, const std::string& metric, QCustomPlot* plot) {
    const auto* before = data.metric(0, metric);
    const auto* after = data.metric(run, metric);
    std::vector<double> b, a;
    for (size_t i = 0; before && after && i < before->size(); ++i)
        if (!std::isnan((*before)[i]) && !std::isnan((*after)[i])) b.push_back((*before)[i]), a.push_back((*after)[i]);
    const auto test = core::pairedTTest(b, a);
    const double critical = core::tCriticalValue(test.df);
    reset(plot,
          FigureText::tr("Paired t-test of %1: %2 against %3").arg(metricTitle(metric), data.runs[run].name, data.runs[0].name),
          FigureText::tr("t (df = %1)").arg(test.df), FigureText::tr("density"));
    if (std::isnan(critical)) {
        plot->replot();
        return;
    }
    const double edge = std::max({4.0, 1.3 * critical, std::isfinite(test.statistic) ? std::fabs(test.statistic) + 1 : 0.0});
    QVector<double> x, y, leftX, leftY, rightX, rightY;
    for (int k = 0; k <= 400; ++k) {
        const double t = -edge + 2 * edge * k / 400.0, d = core::tDensity(t, test.df);
        x << t, y << d;
        if (t <= -critical) leftX << t, leftY << d;
        if (t >= critical) rightX << t, rightY << d;
    }
    leftX << -critical, leftY << core::tDensity(-critical, test.df);
    rightX.prepend(critical), rightY.prepend(core::tDensity(critical, test.df));
    auto* density = plot->addGraph();
    density->setData(x, y, true);
    density->setPen(QPen(Qt::black, 2));
    density->setName(FigureText::tr("Student t density"));
    for (auto [xs, ys] : {std::pair{leftX, leftY}, std::pair{rightX, rightY}}) {
        auto* tail = plot->addGraph();
        tail->setData(xs, ys, true);
        tail->setPen(QPen(QColor(214, 39, 40)));
        tail->setBrush(QColor(214, 39, 40, 90));
        tail->setName(FigureText::tr("critical region (5%, |t| > %1)").arg(critical, 0, 'f', 3));
        if (xs.first() > 0) tail->removeFromLegend();
    }
    if (std::isfinite(test.statistic)) {
        auto* observed = new QCPItemStraightLine(plot);
        observed->point1->setCoords(test.statistic, 0);
        observed->point2->setCoords(test.statistic, 1);
        observed->setPen(QPen(QColor(31, 119, 180), 2, Qt::DashLine));
        auto* label = new QCPItemText(plot);
        label->position->setCoords(test.statistic, core::tDensity(0, test.df) * 0.6);  // beside the line, below the legend
        label->setPositionAlignment((test.statistic > 0 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
        label->setPadding(QMargins(6, 3, 6, 3));
        label->setText(FigureText::tr("observed t = %1\np = %2, n = %3").arg(test.statistic, 0, 'f', 3).arg(test.pValue, 0, 'g', 3).arg(test.n));
        label->setBrush(QColor(255, 255, 255, 220));
    }
    plot->xAxis->setRange(-edge, edge);
    plot->yAxis->setRange(0, core::tDensity(0, test.df) * 1.15);
    plot->replot();
}

void plotQuality(const EvaluationData& data, QCustomPlot* plot) {
    reset(plot, FigureText::tr("Content preservation"), QString(), FigureText::tr("mean score (95% bootstrap interval)"));
    const QStringList names = {FigureText::tr("chrF vs source"), FigureText::tr("BLEU vs source"), FigureText::tr("chrF vs references"), FigureText::tr("BLEU vs references")};
    std::vector<std::string> keys;
    QStringList labels;
    for (size_t i = 0; i < kQualityCells.size(); ++i)
        if (hasCell(data, kQualityCells[i])) keys.push_back(kQualityCells[i]), labels << names[int(i)];
    groupedBars(data, plot, labels, [&](size_t r, int c) { return data.cell(r, keys[size_t(c)]); },
                [&](size_t r, int c) {
                    auto metric = keys[size_t(c)];
                    std::replace(metric.begin(), metric.end(), '_', '-');
                    return byValue(data.metric(r, metric));
                });
    plot->replot();
}

void plotComplexity(const EvaluationData& data, QCustomPlot* plot) {
    reset(plot, FigureText::tr("Text complexity (reading grade)"), QString(), FigureText::tr("mean grade (95% bootstrap interval)"));
    std::vector<std::string> metrics;
    QStringList labels;
    const auto common = data.commonMetrics();
    for (const auto& metric : kGradeMetrics)
        if (std::find(common.begin(), common.end(), metric) != common.end())
            metrics.push_back(metric), labels << metricTitle(metric);
    groupedBars(
        data, plot, labels,
        [&](size_t r, int c) {
            std::vector<double> values;
            for (int i : byValue(data.metric(r, metrics[size_t(c)]))) values.push_back((*data.metric(r, metrics[size_t(c)]))[size_t(i)]);
            const auto mean = core::bootstrapMean(values);
            return nlohmann::json{{"value", mean.estimate}, {"lo", mean.lo}, {"hi", mean.hi}, {"n", mean.n}};
        },
        [&](size_t r, int c) { return byValue(data.metric(r, metrics[size_t(c)])); });
    plot->replot();
}

void plotLossCurves(const EvaluationData& data, QCustomPlot* plot) {
    reset(plot, FigureText::tr("Training loss of the runs' fine-tunes"), FigureText::tr("step"), FigureText::tr("loss"));
    for (size_t r = 0; r < data.runs.size(); ++r)
        for (auto curve : {TrainingCurves::Curve::LossTrain, TrainingCurves::Curve::LossEval}) {
            const auto& series = data.runs[r].curves.series(curve);
            if (series.steps.isEmpty()) continue;
            auto* graph = plot->addGraph();
            graph->setData(series.steps, series.values, true);
            const bool eval = curve == TrainingCurves::Curve::LossEval;
            graph->setPen(QPen(runColor(r), 2, eval ? Qt::DashLine : Qt::SolidLine));
            if (eval) graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
            graph->setName(eval ? FigureText::tr("%1 (eval)").arg(data.runs[r].name) : FigureText::tr("%1 (train)").arg(data.runs[r].name));
        }
    plot->rescaleAxes();
    plot->yAxis->scaleRange(1.1);
    plot->replot();
}

std::string tTestMetric(const EvaluationData& data) {
    const auto common = data.commonMetrics();
    for (const char* metric : {"vader-compound", "risk-toxicity"})
        if (std::find(common.begin(), common.end(), metric) != common.end()) return metric;
    return {};
}

std::vector<EvaluationFigure> evaluationFigures(const EvaluationData& data) {
    std::vector<EvaluationFigure> figures;
    if (data.runs.empty()) return figures;
    if (hasCell(data, "toxicity_percent")) {
        figures.push_back({"toxic-percent", FigureText::tr("Toxic % per run"), plotToxicPercent});
        figures.push_back({"risk-percent", FigureText::tr("Flagged % per risk"), plotRiskPercent});
        if (!data.table["rows"][0]["groups"].empty())
            figures.push_back({"group-toxic-percent", FigureText::tr("Toxic % per group"), plotGroupToxicPercent});
    }
    if (hasCell(data, "chrf_source")) figures.push_back({"quality", FigureText::tr("Content preservation"), plotQuality});
    const auto common = data.commonMetrics();
    if (std::find(common.begin(), common.end(), kGradeMetrics[0]) != common.end())
        figures.push_back({"complexity", FigureText::tr("Text complexity"), plotComplexity});
    if (const auto metric = tTestMetric(data); !metric.empty())
        for (size_t r = 1; r < data.runs.size(); ++r)
            figures.push_back({QString("t-distribution-%1").arg(r), FigureText::tr("t-test: %1 vs %2").arg(data.runs[r].name, data.runs[0].name),
                               [r, metric](const EvaluationData& d, QCustomPlot* p) { plotTDistribution(d, r, metric, p); }});
    for (const auto& metric : common) {
        const QString id = QString::fromStdString(metric);
        figures.push_back({"histogram-" + id, FigureText::tr("Histogram: %1").arg(metricTitle(metric)),
                           [metric](const EvaluationData& d, QCustomPlot* p) { plotMetricHistogram(d, metric, p); }});
        figures.push_back({"box-" + id, FigureText::tr("Box plot: %1").arg(metricTitle(metric)),
                           [metric](const EvaluationData& d, QCustomPlot* p) { plotMetricBoxes(d, metric, p); }});
    }
    for (const auto& run : data.runs)
        if (!run.curves.isEmpty()) {
            figures.push_back({"loss-curves", FigureText::tr("Training loss"), plotLossCurves});
            break;
        }
    return figures;
}

std::vector<int> itemsBehind(const QCPAbstractPlottable* plottable, int index) {
    const auto list = plottable ? plottable->property(kItemsProperty).toList() : QVariantList();
    if (index < 0 || index >= list.size()) return {};
    const auto positions = list[index].value<QList<int>>();
    return {positions.begin(), positions.end()};
}

}  // namespace srllm::ui
