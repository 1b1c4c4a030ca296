#include "core/stats/fleiss-kappa.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace srllm::core {

double fleissKappaFromCounts(const std::vector<std::vector<int64_t>>& counts) {
    constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> categoryTotals;
    double ratingTotal = 0;
    double agreementSum = 0;  // sum over usable units of P_i
    int64_t usableUnits = 0;
    for (const auto& row : counts) {
        int64_t n = 0;
        int64_t squares = 0;
        for (int64_t c : row) {
            n += c;
            squares += c * c;
        }
        if (n < 2) continue;
        if (categoryTotals.size() < row.size()) categoryTotals.resize(row.size(), 0.0);
        for (size_t j = 0; j < row.size(); ++j) categoryTotals[j] += static_cast<double>(row[j]);
        ratingTotal += static_cast<double>(n);
        agreementSum += static_cast<double>(squares - n) / static_cast<double>(n * (n - 1));
        ++usableUnits;
    }
    if (usableUnits == 0) return kUndefined;
    const double observed = agreementSum / static_cast<double>(usableUnits);
    double expected = 0;
    for (double total : categoryTotals) expected += (total / ratingTotal) * (total / ratingTotal);
    if (expected >= 1.0 - 1e-12) return kUndefined;
    return (observed - expected) / (1.0 - expected);
}

double fleissKappa(const RatingsTable& ratings) {
    const std::vector<double> categories = ratings.distinctValues();
    std::vector<std::vector<int64_t>> counts(static_cast<size_t>(ratings.units()),
                                             std::vector<int64_t>(categories.size(), 0));
    for (int64_t u = 0; u < ratings.units(); ++u)
        for (int64_t c = 0; c < ratings.coders(); ++c)
            if (const auto value = ratings.at(u, c)) {
                const auto it = std::lower_bound(categories.begin(), categories.end(), *value);
                ++counts[static_cast<size_t>(u)][static_cast<size_t>(it - categories.begin())];
            }
    return fleissKappaFromCounts(counts);
}

}  // namespace srllm::core
