#pragma once
// Percentile bootstrap intervals for means of per-text metric values, resampling texts (or pairs of
// texts, so a before/after comparison keeps each text's own baseline). Reuses bootstrapInterval, so
// the same seed gives the same interval on every platform.
#include <vector>

#include "core/stats/bootstrap-interval.h"
#include "core/stats/test-result.h"

namespace srllm::core {

// Interval of mean(values); estimate = the mean, n = values.size(). NaN values are errors.
TestResult bootstrapMean(const std::vector<double>& values, const BootstrapOptions& options = {});

// Interval of mean(after - before) over resampled pairs. Throws std::invalid_argument when sizes differ.
TestResult pairedBootstrapMeanDifference(const std::vector<double>& before, const std::vector<double>& after,
                                         const BootstrapOptions& options = {});

}  // namespace srllm::core
