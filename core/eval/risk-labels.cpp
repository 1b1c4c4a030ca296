#include "core/eval/risk-labels.h"

#include <cmath>

namespace srllm::core {

namespace {

// How the default taxonomy's fields read as risks, in kRiskNames order: the values meaning 1 and 0.
struct RiskField {
    const char* key;
    std::initializer_list<const char*> positive, negative;
};
const std::array<RiskField, kRiskCount> kRiskFields = {{{"toxicity", {"Mild", "High"}, {"No"}},
                                                        {"bias", {"Yes"}, {"No"}},
                                                        {"harm", {"Med", "High"}, {"Low"}},
                                                        {"annotation", {"Unsafe"}, {"Benign"}}}};

int8_t fromValue(const nlohmann::json& labels, const RiskField& field) {
    const auto it = labels.find(field.key);
    if (it == labels.end() || !it->is_string()) return kLabelUnknown;
    const std::string value = it->get<std::string>();
    for (const char* p : field.positive)
        if (value == p) return 1;
    for (const char* n : field.negative)
        if (value == n) return 0;
    return kLabelUnknown;
}

}  // namespace

RiskLabels risksFromTaxonomyLabels(const nlohmann::json& labels) {
    RiskLabels risks{};
    for (size_t r = 0; r < kRiskCount; ++r) risks[r] = fromValue(labels, kRiskFields[r]);
    return risks;
}

nlohmann::json taxonomyLabelsFromRisks(const std::array<double, kRiskCount>& probability, double threshold) {
    nlohmann::json labels = nlohmann::json::object();
    for (size_t r = 0; r < kRiskCount; ++r) {
        if (std::isnan(probability[r])) continue;
        const RiskField& field = kRiskFields[r];
        labels[field.key] = *(probability[r] >= threshold ? field.positive.begin() : field.negative.begin());
    }
    return labels;
}

int riskIndex(const std::string& name) {
    for (size_t i = 0; i < kRiskNames.size(); ++i)
        if (name == kRiskNames[i]) return static_cast<int>(i);
    return -1;
}

}  // namespace srllm::core
