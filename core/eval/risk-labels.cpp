#include "core/eval/risk-labels.h"

namespace srllm::core {

namespace {

int8_t fromValue(const nlohmann::json& labels, const char* key, std::initializer_list<const char*> positive,
                 std::initializer_list<const char*> negative) {
    const auto it = labels.find(key);
    if (it == labels.end() || !it->is_string()) return kLabelUnknown;
    const std::string value = it->get<std::string>();
    for (const char* p : positive)
        if (value == p) return 1;
    for (const char* n : negative)
        if (value == n) return 0;
    return kLabelUnknown;
}

}  // namespace

RiskLabels risksFromTaxonomyLabels(const nlohmann::json& labels) {
    return {fromValue(labels, "toxicity", {"Mild", "High"}, {"No"}), fromValue(labels, "bias", {"Yes"}, {"No"}),
            fromValue(labels, "harm", {"Med", "High"}, {"Low"}), fromValue(labels, "annotation", {"Unsafe"}, {"Benign"})};
}

int riskIndex(const std::string& name) {
    for (size_t i = 0; i < kRiskNames.size(); ++i)
        if (name == kRiskNames[i]) return static_cast<int>(i);
    return -1;
}

}  // namespace srllm::core
