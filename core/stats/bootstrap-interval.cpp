#include "core/stats/bootstrap-interval.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

namespace srllm::core {

double sortedQuantile(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<size_t>(std::floor(position));
    const size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

ConfidenceInterval bootstrapInterval(int64_t units, const UnitStatistic& statistic, const BootstrapOptions& options) {
    if (options.resamples < 1)
        throw std::invalid_argument("bootstrap: resamples must be at least 1 (got " +
                                    std::to_string(options.resamples) + ")");
    if (!(options.level > 0 && options.level < 1))
        throw std::invalid_argument("bootstrap: level must be in (0, 1)");
    ConfidenceInterval out{std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(), 0};
    if (units <= 0) return out;
    std::mt19937_64 rng(options.seed);
    std::vector<int64_t> sample(static_cast<size_t>(units));
    std::vector<double> estimates;
    estimates.reserve(static_cast<size_t>(options.resamples));
    for (int b = 0; b < options.resamples; ++b) {
        for (auto& index : sample) index = static_cast<int64_t>(rng() % static_cast<uint64_t>(units));
        const double value = statistic(sample);
        if (!std::isnan(value)) estimates.push_back(value);
    }
    std::sort(estimates.begin(), estimates.end());
    const double tail = (1.0 - options.level) / 2.0;
    out.lo = sortedQuantile(estimates, tail);
    out.hi = sortedQuantile(estimates, 1.0 - tail);
    out.validResamples = static_cast<int>(estimates.size());
    return out;
}

ConfidenceInterval bootstrapInterval(const RatingsTable& ratings,
                                     const std::function<double(const RatingsTable&)>& statistic,
                                     const BootstrapOptions& options) {
    return bootstrapInterval(
        ratings.units(), [&](const std::vector<int64_t>& units) { return statistic(ratings.selectUnits(units)); },
        options);
}

}  // namespace srllm::core
