#include "core/stats/wilcoxon-signed-rank.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <boost/math/distributions/normal.hpp>

#include "core/stats/bootstrap-interval.h"

namespace srllm::core {

namespace {

constexpr size_t kExactMaxPairs = 50;  // scipy's "auto" switches to the normal approximation above this

// Number of subsets of {1..n} per rank sum: the exact null distribution of R+ (divided by 2^n).
std::vector<double> rankSumDistribution(size_t n) {
    const size_t maxSum = n * (n + 1) / 2;
    std::vector<double> counts(maxSum + 1, 0.0);
    counts[0] = 1;
    for (size_t k = 1; k <= n; ++k)
        for (size_t s = maxSum; s >= k; --s) counts[s] += counts[s - k];
    const double total = std::ldexp(1.0, static_cast<int>(n));
    for (double& c : counts) c /= total;
    return counts;
}

}  // namespace

std::vector<double> averageRanks(const std::vector<double>& values) {
    std::vector<size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(values.size());
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
        const double mean = (static_cast<double>(i + 1) + static_cast<double>(j + 1)) / 2.0;
        for (size_t k = i; k <= j; ++k) ranks[order[k]] = mean;
        i = j + 1;
    }
    return ranks;
}

TestResult wilcoxonSignedRank(const std::vector<double>& before, const std::vector<double>& after) {
    if (before.size() != after.size())
        throw std::invalid_argument("wilcoxon: " + std::to_string(before.size()) + " values before but " +
                                    std::to_string(after.size()) + " after (hint: pairs must line up)");
    TestResult r;
    r.test = "wilcoxon signed-rank";
    std::vector<double> all(before.size());
    for (size_t i = 0; i < before.size(); ++i) all[i] = after[i] - before[i];
    std::vector<double> sorted = all;
    std::sort(sorted.begin(), sorted.end());
    r.estimate = sortedQuantile(sorted, 0.5);
    std::vector<double> d;
    for (double v : all)
        if (v != 0) d.push_back(v);
    r.n = static_cast<int64_t>(d.size());
    if (d.empty()) return r;
    std::vector<double> magnitudes(d.size());
    for (size_t i = 0; i < d.size(); ++i) magnitudes[i] = std::fabs(d[i]);
    const std::vector<double> ranks = averageRanks(magnitudes);
    double rPlus = 0, rMinus = 0;
    for (size_t i = 0; i < d.size(); ++i) (d[i] > 0 ? rPlus : rMinus) += ranks[i];
    r.statistic = std::min(rPlus, rMinus);
    r.effectSize = (rPlus - rMinus) / (rPlus + rMinus);
    r.effectSizeName = "rank-biserial";

    const double n = static_cast<double>(d.size());
    std::sort(magnitudes.begin(), magnitudes.end());
    double tieTerm = 0;  // sum of t^3 - t over groups of tied magnitudes
    for (size_t i = 0; i < magnitudes.size();) {
        size_t j = i;
        while (j < magnitudes.size() && magnitudes[j] == magnitudes[i]) ++j;
        const double t = static_cast<double>(j - i);
        tieTerm += t * (t * t - 1);
        i = j;
    }
    const bool exact = d.size() == all.size() && d.size() <= kExactMaxPairs && tieTerm == 0;
    if (exact) {
        r.method = "exact";
        const std::vector<double> pmf = rankSumDistribution(d.size());
        const auto k = static_cast<size_t>(rPlus);
        if (k == (pmf.size() - 1) / 2) {
            r.pValue = 1.0;
        } else {
            const double pLess = std::accumulate(pmf.begin(), pmf.begin() + static_cast<long>(k) + 1, 0.0);
            const double pGreater = std::accumulate(pmf.begin() + static_cast<long>(k), pmf.end(), 0.0);
            r.pValue = std::clamp(2 * std::min(pLess, pGreater), 0.0, 1.0);
        }
        return r;
    }
    r.method = "normal";
    const double mean = n * (n + 1) / 4;
    const double se = std::sqrt((n * (n + 1) * (2 * n + 1) - 0.5 * tieTerm) / 24);
    if (!(se > 0)) return r;
    const double z = (r.statistic - mean) / se;
    r.pValue = 2 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::fabs(z)));
    return r;
}

}  // namespace srllm::core
