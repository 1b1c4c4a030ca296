#include "core/text/chrf.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

#include "core/text/utf8-code-points.h"

namespace srllm::core {

namespace {

using Gram = std::pair<uint64_t, uint64_t>;  // up to 6 code points of 21 bits, packed exactly

std::u32string withoutWhitespace(std::string_view text) {
    std::u32string codes = decodeUtf8(text);
    codes.erase(std::remove_if(codes.begin(), codes.end(), isPythonWhitespace), codes.end());
    return codes;
}

// Sorted n-grams of every order 1..maxOrder.
std::vector<std::vector<Gram>> sortedGrams(const std::u32string& text, int maxOrder) {
    std::vector<std::vector<Gram>> out(static_cast<size_t>(maxOrder));
    for (int n = 1; n <= maxOrder; ++n) {
        auto& grams = out[static_cast<size_t>(n - 1)];
        if (text.size() < static_cast<size_t>(n)) continue;
        grams.reserve(text.size() - static_cast<size_t>(n) + 1);
        for (size_t i = 0; i + static_cast<size_t>(n) <= text.size(); ++i) {
            Gram g{0, 0};
            for (int k = 0; k < n; ++k) {
                uint64_t& half = k < 3 ? g.first : g.second;
                half = (half << 21) | (static_cast<uint64_t>(text[i + static_cast<size_t>(k)]) & 0x1FFFFF);
            }
            grams.push_back(g);
        }
        std::sort(grams.begin(), grams.end());
    }
    return out;
}

int64_t clippedMatches(const std::vector<Gram>& hyp, const std::vector<Gram>& ref) {
    int64_t matches = 0;
    size_t i = 0, j = 0;
    while (i < hyp.size() && j < ref.size()) {
        if (hyp[i] < ref[j]) ++i;
        else if (ref[j] < hyp[i]) ++j;
        else {
            ++matches;
            ++i;
            ++j;
        }
    }
    return matches;
}

}  // namespace

double chrfScore(const ChrfStatistics& statistics, const ChrfOptions& options) {
    double precisionSum = 0, recallSum = 0;
    int effectiveOrder = 0;
    for (const auto& [hyp, ref, matches] : statistics) {
        if (hyp == 0 || ref == 0) continue;
        precisionSum += static_cast<double>(matches) / static_cast<double>(hyp);
        recallSum += static_cast<double>(matches) / static_cast<double>(ref);
        ++effectiveOrder;
    }
    if (effectiveOrder == 0) return 0.0;
    const double precision = precisionSum / effectiveOrder;
    const double recall = recallSum / effectiveOrder;
    if (precision + recall <= 0) return 0.0;
    const double beta2 = options.beta * options.beta;
    return 100.0 * (1 + beta2) * precision * recall / (beta2 * precision + recall);
}

ChrfStatistics chrfStatistics(std::string_view hypothesis, const std::vector<std::string>& references,
                              const ChrfOptions& options) {
    if (references.empty()) throw std::invalid_argument("chrF: a hypothesis needs at least one reference");
    const auto hyp = sortedGrams(withoutWhitespace(hypothesis), options.charOrder);
    ChrfStatistics best;
    double bestScore = -1;
    for (const auto& reference : references) {
        const auto ref = sortedGrams(withoutWhitespace(reference), options.charOrder);
        ChrfStatistics stats;
        for (size_t n = 0; n < hyp.size(); ++n)
            stats.push_back({static_cast<int64_t>(hyp[n].size()), static_cast<int64_t>(ref[n].size()),
                             clippedMatches(hyp[n], ref[n])});
        const double score = chrfScore(stats, options);
        if (score > bestScore) {
            bestScore = score;
            best = std::move(stats);
        }
    }
    return best;
}

double chrf(std::string_view hypothesis, std::string_view reference, const ChrfOptions& options) {
    return chrfScore(chrfStatistics(hypothesis, {std::string(reference)}, options), options);
}

double corpusChrf(const std::vector<std::string>& hypotheses, const std::vector<std::vector<std::string>>& references,
                  const ChrfOptions& options) {
    if (hypotheses.size() != references.size())
        throw std::invalid_argument("chrF: " + std::to_string(hypotheses.size()) + " hypotheses but " +
                                    std::to_string(references.size()) + " reference sets");
    ChrfStatistics total(static_cast<size_t>(options.charOrder), {0, 0, 0});
    for (size_t i = 0; i < hypotheses.size(); ++i) {
        const auto stats = chrfStatistics(hypotheses[i], references[i], options);
        for (size_t n = 0; n < stats.size(); ++n)
            for (size_t k = 0; k < 3; ++k) total[n][k] += stats[n][k];
    }
    return chrfScore(total, options);
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
