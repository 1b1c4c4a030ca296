#include "core/eval/output-metrics.h"

#include <cmath>
#include <limits>

#include "core/eval/bleu.h"
#include "core/eval/length-entropy.h"
#include "core/text/chrf.h"

namespace srllm::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// chrF has no MetricMethod of its own in core/text; its stored version lives here.
constexpr MetricMethod kChrfMethod{"chrf", "chrF as sacrebleu 2.x: character 1-6-grams, whitespace removed, beta 2", 1};

}  // namespace

std::vector<MetricColumn> outputMetrics(const OutputSet& set, const TextMetricsEngine& metrics, const RiskScorer* scorer) {
    const size_t n = set.outputs.size();
    std::vector<MetricColumn> columns;
    const auto add = [&](std::string id, int version, bool usesScorer = false) -> std::vector<double>& {
        columns.push_back({std::move(id), version, usesScorer, std::vector<double>(n, kNaN)});
        return columns.back().values;
    };
    if (scorer) {
        const auto scores = scorer->score(set.outputs);
        for (size_t r = 0; r < kRiskCount; ++r) {
            auto& values = add(std::string("risk-") + kRiskNames[r], kScorerMethod.version, true);
            for (size_t i = 0; i < n; ++i) values[i] = scores[i].probability[r];
        }
    }
    const size_t first = columns.size();
    add("words", 1);
    add("vader-compound", kVaderMethod.version);
    add("clen", kLengthEntropyMethod.version);
    for (const char* id : {"flesch-reading-ease", "flesch-kincaid-grade", "gunning-fog", "smog", "coleman-liau", "ari"})
        add(id, kReadabilityMethod.version);
    add("lm-perplexity", kPerplexityMethod.version);
    add("chrf-source", kChrfMethod.version);
    add("bleu-source", kBleuMethod.version);
    add("chrf-reference", kChrfMethod.version);
    add("bleu-reference", kBleuMethod.version);
    for (size_t i = 0; i < n; ++i) {
        const auto m = metrics.compute(set.outputs[i]);
        const auto& r = m.readability;
        const double row[] = {static_cast<double>(m.words), m.sentiment.compound, m.lengthEntropy,
                              r.fleschReadingEase, r.fleschKincaidGrade, r.gunningFog, r.smog, r.colemanLiau,
                              r.automatedReadabilityIndex, m.fluency.perplexity,
                              chrf(set.outputs[i], set.sources[i]), sentenceBleu(set.outputs[i], {set.sources[i]})};
        for (size_t c = 0; c < std::size(row); ++c) columns[first + c].values[i] = row[c];
        if (!set.references[i].empty()) {
            columns[first + 12].values[i] = chrfScore(chrfStatistics(set.outputs[i], set.references[i]));
            columns[first + 13].values[i] = sentenceBleu(set.outputs[i], set.references[i]);
        }
    }
    return columns;
}

std::vector<MetricMethod> outputMetricMethods() {
    return {kScorerMethod, kVaderMethod, kLengthEntropyMethod, kReadabilityMethod, kPerplexityMethod, kChrfMethod, kBleuMethod};
}

const MetricColumn* findColumn(const std::vector<MetricColumn>& columns, const std::string& metric) {
    for (const auto& c : columns)
        if (c.metric == metric) return &c;
    return nullptr;
}

}  // namespace srllm::core
