#include "core/text/chrf.h"

#include <algorithm>
#include <limits>
#include <map>

#include "core/text/utf8-code-points.h"

namespace srllm::core {

namespace {

std::u32string withoutWhitespace(std::string_view text) {
    std::u32string codes = decodeUtf8(text);
    codes.erase(std::remove_if(codes.begin(), codes.end(), isPythonWhitespace), codes.end());
    return codes;
}

std::map<std::u32string_view, int> ngramCounts(const std::u32string& text, size_t n) {
    std::map<std::u32string_view, int> counts;
    const std::u32string_view view(text);
    for (size_t i = 0; i + n <= text.size(); ++i) ++counts[view.substr(i, n)];
    return counts;
}

}  // namespace

double chrf(std::string_view hypothesis, std::string_view reference, const ChrfOptions& options) {
    const std::u32string hyp = withoutWhitespace(hypothesis);
    const std::u32string ref = withoutWhitespace(reference);
    double precisionSum = 0;
    double recallSum = 0;
    int effectiveOrder = 0;
    for (int n = 1; n <= options.charOrder; ++n) {
        const auto hypCounts = ngramCounts(hyp, static_cast<size_t>(n));
        const auto refCounts = ngramCounts(ref, static_cast<size_t>(n));
        if (hypCounts.empty() || refCounts.empty()) continue;
        int64_t hypTotal = 0, refTotal = 0, matches = 0;
        for (const auto& [gram, count] : hypCounts) {
            hypTotal += count;
            const auto it = refCounts.find(gram);
            if (it != refCounts.end()) matches += std::min(count, it->second);
        }
        for (const auto& entry : refCounts) refTotal += entry.second;
        precisionSum += static_cast<double>(matches) / static_cast<double>(hypTotal);
        recallSum += static_cast<double>(matches) / static_cast<double>(refTotal);
        ++effectiveOrder;
    }
    if (effectiveOrder == 0) return 0.0;
    const double precision = precisionSum / effectiveOrder;
    const double recall = recallSum / effectiveOrder;
    if (precision + recall <= 0) return 0.0;
    const double beta2 = options.beta * options.beta;
    return 100.0 * (1 + beta2) * precision * recall / (beta2 * precision + recall);
}

double meanPairwiseChrf(const std::vector<std::string>& texts, const ChrfOptions& options) {
    if (texts.size() < 2) return std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    int pairs = 0;
    for (size_t i = 0; i < texts.size(); ++i)
        for (size_t j = 0; j < texts.size(); ++j)
            if (i != j) {
                sum += chrf(texts[i], texts[j], options);
                ++pairs;
            }
    return sum / pairs;
}

}  // namespace srllm::core
