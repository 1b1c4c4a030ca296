#include "core/stats/rank-correlation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace srllm::core {

std::vector<double> midRanks(const std::vector<double>& values) {
    std::vector<size_t> order(values.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(values.size());
    for (size_t start = 0; start < order.size();) {
        size_t end = start + 1;
        while (end < order.size() && values[order[end]] == values[order[start]]) ++end;
        const double mid = (double(start) + double(end) + 1.0) / 2.0;  // mean of ranks start+1 .. end
        for (size_t k = start; k < end; ++k) ranks[order[k]] = mid;
        start = end;
    }
    return ranks;
}

double pearsonCorrelation(const std::vector<double>& x, const std::vector<double>& y) {
    const size_t n = std::min(x.size(), y.size());
    if (n < 2) return std::numeric_limits<double>::quiet_NaN();
    const double meanX = std::accumulate(x.begin(), x.begin() + long(n), 0.0) / double(n);
    const double meanY = std::accumulate(y.begin(), y.begin() + long(n), 0.0) / double(n);
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; ++i) {
        sxy += (x[i] - meanX) * (y[i] - meanY);
        sxx += (x[i] - meanX) * (x[i] - meanX);
        syy += (y[i] - meanY) * (y[i] - meanY);
    }
    if (sxx == 0 || syy == 0) return std::numeric_limits<double>::quiet_NaN();
    return sxy / std::sqrt(sxx * syy);
}

Correlation spearmanCorrelation(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size()) throw std::invalid_argument("Spearman correlation: the two series differ in length");
    return {pearsonCorrelation(midRanks(x), midRanks(y)), int64_t(x.size())};
}

}  // namespace srllm::core
