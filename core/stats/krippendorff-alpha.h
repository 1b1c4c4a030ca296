#pragma once
// Krippendorff's alpha with nominal, ordinal and interval metrics, missing data allowed, following the
// coincidence-matrix formulation of Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability".
// alpha = 1 - (n - 1) * sum(o_ck d_ck) / sum(n_c n_k d_ck); units with fewer than 2 values are not pairable.
// Undefined (quiet NaN) when there are no pairable values or no variation (expected disagreement 0).
#include <cstdint>
#include <vector>

#include "core/stats/ratings-table.h"

namespace srllm::core {

enum class AlphaMetric { Nominal, Ordinal, Interval };

// o[c][k] over the table's sorted distinct values (Krippendorff 2011, section C).
struct Coincidences {
    std::vector<double> values;             // the distinct values, ascending
    std::vector<std::vector<double>> o;     // coincidence matrix, symmetric
};

Coincidences coincidenceMatrix(const RatingsTable& ratings);

double krippendorffAlphaFromCoincidences(const Coincidences& coincidences, AlphaMetric metric);

double krippendorffAlpha(const RatingsTable& ratings, AlphaMetric metric);

const char* alphaMetricName(AlphaMetric metric);  // "nominal" | "ordinal" | "interval"

}  // namespace srllm::core
