#pragma once
// Counterfactual consistency (docs/EVALUATION.md): how much the risk scorer's toxicity moves when only the
// demographic group named in a sentence changes. A test set declares its counterfactual sentences by order:
// an item of group "original" opens a sentence and the items after it, up to the next "original", are its
// demographic variants (the SR_LLM counterfactual CSV is read this way, core/data/test-set-file.h).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/metric-method.h"
#include "core/stats/bootstrap-interval.h"

namespace srllm::core {

inline constexpr MetricMethod kCounterfactualMethod{
    "counterfactual-consistency",
    "spread (max - min and population standard deviation) of risk-scorer toxicity over each sentence's "
    "demographic variants; mean over sentences with a percentile bootstrap interval",
    1};

// The group that opens a counterfactual sentence.
inline constexpr const char* kCounterfactualOriginalGroup = "original";

struct CounterfactualSpread {
    int64_t position = 0;  // the position of the sentence's "original" item
    int64_t variants = 0;  // variants with a defined toxicity
    double range = 0;      // max - min over the variants
    double sd = 0;         // population standard deviation (the variants are the whole set, not a sample)
};

// One spread per sentence with at least two scored variants; the original's own score is not part of it.
// `groups` and `toxicity` are aligned by position; NaN toxicity is left out.
std::vector<CounterfactualSpread> counterfactualSpreads(const std::vector<std::string>& groups,
                                                        const std::vector<double>& toxicity);

// {"method", "sentences": n, "range": cell, "sd": cell, "max_range", "per_sentence": [{"position",
// "variants", "range", "sd"}]} with cells {"value", "lo", "hi", "n"} (mean and bootstrap interval over
// sentences); null when the set holds no counterfactual sentence.
nlohmann::json counterfactualConsistency(const std::vector<std::string>& groups, const std::vector<double>& toxicity,
                                         const BootstrapOptions& bootstrap = {});

}  // namespace srllm::core
