#include "core/stats/label-drift.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace srllm::core {

double totalVariationDistance(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
    const double totalA = static_cast<double>(std::accumulate(a.begin(), a.end(), int64_t{0}));
    const double totalB = static_cast<double>(std::accumulate(b.begin(), b.end(), int64_t{0}));
    if (totalA == 0 || totalB == 0 || a.size() != b.size()) return std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    for (size_t i = 0; i < a.size(); ++i)
        sum += std::abs(static_cast<double>(a[i]) / totalA - static_cast<double>(b[i]) / totalB);
    return sum / 2;
}

double median(std::vector<double> values) {
    if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
    const size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
    const double upper = values[mid];
    if (values.size() % 2 == 1) return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
    return (lower + upper) / 2;
}

}  // namespace srllm::core
