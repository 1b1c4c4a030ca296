#pragma once
// Every per-output metric an evaluation stores for a generation run, one column per metric: the risk
// scorer's four probabilities, sentiment, CLEN, word count, the six readability scores, trigram
// perplexity, and chrF/BLEU against the source and against the references. Each column carries the id
// and version it is stored under and whether it depends on the scorer (then keyed by its hash too).
#include <string>
#include <vector>

#include "core/eval/risk-scorer.h"
#include "core/eval/text-metrics.h"

namespace srllm::core {

struct MetricColumn {
    std::string metric;  // stored id, e.g. "risk-toxicity", "chrf-source"
    int version = 1;
    bool usesScorer = false;
    std::vector<double> values;  // one per output; NaN where undefined (no words, no reference)
};

struct OutputSet {
    std::vector<std::string> outputs;
    std::vector<std::string> sources;                   // aligned with outputs
    std::vector<std::vector<std::string>> references;   // aligned; an empty list: no reference
};

// The columns in a fixed order (the risks first). `scorer` may be null: the risk columns are then left out.
std::vector<MetricColumn> outputMetrics(const OutputSet& set, const TextMetricsEngine& metrics, const RiskScorer* scorer);

// The method of every column outputMetrics() makes (the scorer's, VADER, CLEN, readability, perplexity, chrF,
// BLEU), each once, in that order: what a report cites for the values.
std::vector<MetricMethod> outputMetricMethods();

// The column named `metric`, or nullptr.
const MetricColumn* findColumn(const std::vector<MetricColumn>& columns, const std::string& metric);

}  // namespace srllm::core
