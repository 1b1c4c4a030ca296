#pragma once
// Percentile bootstrap confidence intervals that resample units (items) with replacement, the usual way to
// put an interval on an agreement coefficient (Hayes & Krippendorff 2007 resample units as well).
// Deterministic for a seed on every platform: std::mt19937_64 is fully specified and indices are drawn
// as rng() % units (the modulo bias is below 1e-15 for any realistic unit count).
#include <cstdint>
#include <functional>
#include <vector>

#include "core/stats/ratings-table.h"

namespace srllm::core {

struct BootstrapOptions {
    int resamples = 1000;  // B; 1000 gives a stable 95% percentile interval for a few hundred units
    uint64_t seed = 1;     // same seed, same interval
    double level = 0.95;   // two-sided coverage
};

struct ConfidenceInterval {
    double lo = 0;          // quiet NaN when no resample gave a defined value
    double hi = 0;
    int validResamples = 0; // resamples where the statistic was defined (not NaN)
};

// statistic(unitIndices) computes the coefficient on the units listed (repeats allowed).
using UnitStatistic = std::function<double(const std::vector<int64_t>& unitIndices)>;

ConfidenceInterval bootstrapInterval(int64_t units, const UnitStatistic& statistic, const BootstrapOptions& options);

// The same for a statistic over a RatingsTable (rows resampled with RatingsTable::selectUnits).
ConfidenceInterval bootstrapInterval(const RatingsTable& ratings,
                                     const std::function<double(const RatingsTable&)>& statistic,
                                     const BootstrapOptions& options);

// Quantile q in [0,1] of sorted values with linear interpolation (numpy's default "linear" method).
double sortedQuantile(const std::vector<double>& sorted, double q);

}  // namespace srllm::core
