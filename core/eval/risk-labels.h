#pragma once
// The risks the scorer predicts (the taxonomy's toxicity, bias, harm and the overall unsafe verdict),
// a labelled text for training and testing it, and how the taxonomy's gold labels map onto them.
#include <array>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace srllm::core {

inline constexpr size_t kRiskCount = 4;
// NOTE: the order is the scorer's output order and its weights' column order; append only.
inline constexpr std::array<const char*, kRiskCount> kRiskNames = {"toxicity", "bias", "harm", "unsafe"};

inline constexpr int8_t kLabelUnknown = -1;  // this source says nothing about the risk: left out of its loss
using RiskLabels = std::array<int8_t, kRiskCount>;

struct LabelledText {
    std::string text;
    RiskLabels labels{kLabelUnknown, kLabelUnknown, kLabelUnknown, kLabelUnknown};
    std::string source;  // file (or "project") it came from: held-out splits and reports are per source
    int64_t line = 0;    // where in the source, for messages
};

// The default taxonomy's gold labels as risks: toxicity Mild/High -> 1, No -> 0; bias Yes/No;
// harm Med/High -> 1, Low -> 0; annotation Unsafe -> 1, Benign -> 0; anything else unknown.
RiskLabels risksFromTaxonomyLabels(const nlohmann::json& labels);

// The other way, for suggestions: each risk the scorer gives (NaN: not trained, left out) as the field's
// mildest positive value at or above `threshold` (Mild, Yes, Med, Unsafe), else its negative one. The
// scorer is binary, so it never suggests High.
nlohmann::json taxonomyLabelsFromRisks(const std::array<double, kRiskCount>& probability, double threshold = 0.5);

// Index of a risk name in kRiskNames, or -1.
int riskIndex(const std::string& name);

}  // namespace srllm::core
