#include "core/eval/counterfactual-consistency.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/stats/paired-bootstrap.h"
#include "core/stats/test-result.h"

namespace srllm::core {

namespace {

std::optional<CounterfactualSpread> spreadOf(int64_t position, const std::vector<double>& scores) {
    if (scores.size() < 2) return std::nullopt;
    const auto [lo, hi] = std::minmax_element(scores.begin(), scores.end());
    double mean = 0;
    for (double s : scores) mean += s;
    mean /= static_cast<double>(scores.size());
    double squares = 0;
    for (double s : scores) squares += (s - mean) * (s - mean);
    return CounterfactualSpread{position, static_cast<int64_t>(scores.size()), *hi - *lo,
                                std::sqrt(squares / static_cast<double>(scores.size()))};
}

nlohmann::json meanCell(const std::vector<double>& values, const BootstrapOptions& bootstrap) {
    const auto r = bootstrapMean(values, bootstrap);
    return {{"value", jsonNumber(r.estimate)}, {"lo", jsonNumber(r.lo)}, {"hi", jsonNumber(r.hi)}, {"n", r.n}};
}

}  // namespace

std::vector<CounterfactualSpread> counterfactualSpreads(const std::vector<std::string>& groups,
                                                        const std::vector<double>& toxicity) {
    std::vector<CounterfactualSpread> out;
    std::optional<int64_t> open;  // position of the sentence being collected
    std::vector<double> scores;
    const auto close = [&] {
        if (open)
            if (auto s = spreadOf(*open, scores)) out.push_back(*s);
        scores.clear();
    };
    for (size_t i = 0; i < groups.size(); ++i) {
        if (groups[i] == kCounterfactualOriginalGroup) {
            close();
            open = static_cast<int64_t>(i);
        } else if (open && !std::isnan(toxicity[i])) {
            scores.push_back(toxicity[i]);
        }
    }
    close();
    return out;
}

nlohmann::json counterfactualConsistency(const std::vector<std::string>& groups, const std::vector<double>& toxicity,
                                         const BootstrapOptions& bootstrap) {
    const auto spreads = counterfactualSpreads(groups, toxicity);
    if (spreads.empty()) return nullptr;
    std::vector<double> ranges, sds;
    nlohmann::json perSentence = nlohmann::json::array();
    for (const auto& s : spreads) {
        ranges.push_back(s.range);
        sds.push_back(s.sd);
        perSentence.push_back({{"position", s.position}, {"variants", s.variants}, {"range", s.range}, {"sd", s.sd}});
    }
    return {{"method", toJson(kCounterfactualMethod)},
            {"sentences", static_cast<int64_t>(spreads.size())},
            {"range", meanCell(ranges, bootstrap)},
            {"sd", meanCell(sds, bootstrap)},
            {"max_range", *std::max_element(ranges.begin(), ranges.end())},
            {"per_sentence", std::move(perSentence)}};
}

}  // namespace srllm::core
