#include "core/stats/krippendorff-alpha.h"

#include <algorithm>
#include <limits>

namespace srllm::core {

namespace {

// Squared difference delta^2_ck between the c-th and k-th value (Krippendorff 2011, section E).
std::vector<std::vector<double>> squaredDifferences(const Coincidences& co, const std::vector<double>& marginals,
                                                    AlphaMetric metric) {
    const size_t v = co.values.size();
    std::vector<std::vector<double>> delta(v, std::vector<double>(v, 0.0));
    for (size_t c = 0; c < v; ++c)
        for (size_t k = c + 1; k < v; ++k) {
            double d = 1.0;
            if (metric == AlphaMetric::Interval) {
                d = (co.values[c] - co.values[k]) * (co.values[c] - co.values[k]);
            } else if (metric == AlphaMetric::Ordinal) {
                double between = 0;  // sum of n_g for g = c..k, minus half of both ends
                for (size_t g = c; g <= k; ++g) between += marginals[g];
                between -= (marginals[c] + marginals[k]) / 2.0;
                d = between * between;
            }
            delta[c][k] = delta[k][c] = d;
        }
    return delta;
}

}  // namespace

Coincidences coincidenceMatrix(const RatingsTable& ratings) {
    Coincidences co;
    co.values = ratings.distinctValues();
    const size_t v = co.values.size();
    co.o.assign(v, std::vector<double>(v, 0.0));
    std::vector<double> counts(v);
    for (int64_t u = 0; u < ratings.units(); ++u) {
        std::fill(counts.begin(), counts.end(), 0.0);
        double m = 0;
        for (int64_t c = 0; c < ratings.coders(); ++c)
            if (const auto value = ratings.at(u, c)) {
                const auto it = std::lower_bound(co.values.begin(), co.values.end(), *value);
                counts[static_cast<size_t>(it - co.values.begin())] += 1;
                m += 1;
            }
        if (m < 2) continue;
        // Each ordered pair of values from different coders adds 1/(m_u - 1).
        for (size_t c = 0; c < v; ++c)
            for (size_t k = 0; k < v; ++k)
                co.o[c][k] += counts[c] * (counts[k] - (c == k ? 1.0 : 0.0)) / (m - 1);
    }
    return co;
}

double krippendorffAlphaFromCoincidences(const Coincidences& co, AlphaMetric metric) {
    constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
    const size_t v = co.values.size();
    std::vector<double> marginals(v, 0.0);
    double n = 0;
    for (size_t c = 0; c < v; ++c)
        for (size_t k = 0; k < v; ++k) marginals[c] += co.o[c][k];
    for (double m : marginals) n += m;
    if (n <= 1) return kUndefined;
    const auto delta = squaredDifferences(co, marginals, metric);
    double observed = 0;
    double expected = 0;
    for (size_t c = 0; c < v; ++c)
        for (size_t k = 0; k < v; ++k) {
            observed += co.o[c][k] * delta[c][k];
            expected += marginals[c] * marginals[k] * delta[c][k];
        }
    if (expected <= 0) return kUndefined;
    return 1.0 - (n - 1) * observed / expected;
}

double krippendorffAlpha(const RatingsTable& ratings, AlphaMetric metric) {
    return krippendorffAlphaFromCoincidences(coincidenceMatrix(ratings), metric);
}

const char* alphaMetricName(AlphaMetric metric) {
    switch (metric) {
    case AlphaMetric::Nominal: return "nominal";
    case AlphaMetric::Ordinal: return "ordinal";
    case AlphaMetric::Interval: return "interval";
    }
    return "nominal";
}

}  // namespace srllm::core
