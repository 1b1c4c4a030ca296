#include "core/stats/span-agreement.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "core/stats/krippendorff-alpha.h"

namespace srllm::core {

namespace {

std::vector<char> markMask(int64_t length, const std::vector<MarkedRange>& ranges) {
    std::vector<char> mask(static_cast<size_t>(std::max<int64_t>(length, 0)), 0);
    for (const auto& r : ranges) {
        const int64_t start = std::clamp<int64_t>(r.start, 0, length);
        const int64_t end = std::clamp<int64_t>(r.end, start, length);
        std::fill(mask.begin() + start, mask.begin() + end, 1);
    }
    return mask;
}

SpanContribution contributionOf(const SpanUnit& unit) {
    SpanContribution out;
    std::vector<std::vector<char>> masks;
    for (const auto& coder : unit.coders)
        if (coder) masks.push_back(markMask(unit.length, *coder));
    if (masks.size() < 2) return out;
    out.pairable = true;
    // Binary values per code point: closed-form coincidences from m coders of whom k marked it.
    const double m = static_cast<double>(masks.size());
    for (size_t i = 0; i < masks.front().size(); ++i) {
        double k = 0;
        for (const auto& mask : masks) k += mask[i];
        out.o11 += k * (k - 1) / (m - 1);
        out.o00 += (m - k) * (m - k - 1) / (m - 1);
        out.o01 += k * (m - k) / (m - 1);
    }
    for (size_t a = 0; a < masks.size(); ++a)
        for (size_t b = a + 1; b < masks.size(); ++b) {
            double both = 0, sizeA = 0, sizeB = 0;
            for (size_t i = 0; i < masks[a].size(); ++i) {
                both += masks[a][i] && masks[b][i];
                sizeA += masks[a][i];
                sizeB += masks[b][i];
            }
            if (sizeA + sizeB == 0) continue;
            out.f1Sum += 2 * both / (sizeA + sizeB);
            ++out.pairs;
        }
    return out;
}

}  // namespace

std::vector<int> markCounts(int64_t length, const std::vector<std::vector<MarkedRange>>& coders) {
    std::vector<int> counts(static_cast<size_t>(std::max<int64_t>(length, 0)), 0);
    for (const auto& ranges : coders) {
        const auto mask = markMask(length, ranges);
        for (size_t i = 0; i < mask.size(); ++i) counts[i] += mask[i];
    }
    return counts;
}

std::vector<SpanContribution> spanContributions(const std::vector<SpanUnit>& units) {
    std::vector<SpanContribution> out;
    out.reserve(units.size());
    for (const auto& unit : units) out.push_back(contributionOf(unit));
    return out;
}

SpanAgreement combineSpanContributions(const std::vector<SpanContribution>& contributions,
                                       const std::vector<int64_t>& unitIndices) {
    constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
    Coincidences co{{0.0, 1.0}, {{0.0, 0.0}, {0.0, 0.0}}};
    SpanAgreement out{kUndefined, kUndefined, 0, 0};
    double f1Sum = 0;
    for (int64_t index : unitIndices) {
        const SpanContribution& c = contributions.at(static_cast<size_t>(index));
        if (!c.pairable) continue;
        ++out.units;
        co.o[0][0] += c.o00;
        co.o[0][1] += c.o01;
        co.o[1][0] += c.o01;
        co.o[1][1] += c.o11;
        f1Sum += c.f1Sum;
        out.pairs += c.pairs;
    }
    out.alpha = krippendorffAlphaFromCoincidences(co, AlphaMetric::Nominal);
    if (out.pairs > 0) out.meanPairwiseF1 = f1Sum / static_cast<double>(out.pairs);
    return out;
}

SpanAgreement spanAgreement(const std::vector<SpanUnit>& units) {
    std::vector<int64_t> all(units.size());
    std::iota(all.begin(), all.end(), 0);
    return combineSpanContributions(spanContributions(units), all);
}

}  // namespace srllm::core
