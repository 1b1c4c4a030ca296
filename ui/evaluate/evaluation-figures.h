#pragma once
// The Evaluate mode's figures, each a function that fills a given QCustomPlot from EvaluationData (the
// view and the HTML/PDF report draw the same figures). Bars and points remember the test items behind
// them (itemsBehind), so a click can list those items. GUI thread only (QCustomPlot).
#include <functional>
#include <string>
#include <vector>

#include <QString>

#include "ui/evaluate/evaluation-data.h"

class QCustomPlot;
class QCPAbstractPlottable;

namespace srllm::ui {

struct EvaluationFigure {
    QString id;     // stable and file-name safe: "toxic-percent", "histogram-vader-compound", "t-distribution-2"
    QString title;  // translated
    std::function<void(const EvaluationData&, QCustomPlot*)> draw;
};

// Every figure `data` supports, in display order: toxic % per run, each risk, groups, per-metric
// histograms and boxes, the t-distribution of each later run against the baseline, quality, complexity,
// and the loss curves (when a run has a training log).
std::vector<EvaluationFigure> evaluationFigures(const EvaluationData& data);

// Each clears `plot` first and replots. Percentages and means come from data.table (with its intervals).
void plotToxicPercent(const EvaluationData& data, QCustomPlot* plot);    // toxic % per run, Wilson interval
void plotRiskPercent(const EvaluationData& data, QCustomPlot* plot);     // each risk's flagged % per run
void plotGroupToxicPercent(const EvaluationData& data, QCustomPlot* plot);  // toxic % per group per run
void plotMetricHistogram(const EvaluationData& data, const std::string& metric, QCustomPlot* plot);
void plotMetricBoxes(const EvaluationData& data, const std::string& metric, QCustomPlot* plot);
// Student's t density of the paired t-test of `metric` (run against the baseline), the two-sided 5%
// critical regions shaded and the observed t marked.
void plotTDistribution(const EvaluationData& data, size_t run, const std::string& metric, QCustomPlot* plot);
void plotQuality(const EvaluationData& data, QCustomPlot* plot);     // chrF/BLEU vs source and references
void plotComplexity(const EvaluationData& data, QCustomPlot* plot);  // readability grades per run
void plotLossCurves(const EvaluationData& data, QCustomPlot* plot);  // train and eval loss of each run's training

// The positions of the test items behind data point `index` of `plottable` (empty when it has none).
std::vector<int> itemsBehind(const QCPAbstractPlottable* plottable, int index);

// The metric the t-distribution figures test: VADER compound (the paper's style test) when every run
// has it, else toxicity probability, else "".
std::string tTestMetric(const EvaluationData& data);

}  // namespace srllm::ui
