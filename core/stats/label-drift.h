#pragma once
// How far one label distribution lies from another: the total variation distance, half the L1 distance
// between the normalised histograms (0: the same shares, 1: no value in common). The annotator analytics
// plot it per window of an annotator's work against their first window (drift). Pure, any thread.
#include <cstdint>
#include <vector>

namespace srllm::core {

// Counts per value (the same value order in both); quiet NaN when either histogram is empty.
double totalVariationDistance(const std::vector<int64_t>& a, const std::vector<int64_t>& b);

// The median (mean of the middle two for an even count); quiet NaN for no values.
double median(std::vector<double> values);

}  // namespace srllm::core
