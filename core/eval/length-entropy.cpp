#include "core/eval/length-entropy.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace srllm::core {

double lengthEntropyBits(const std::vector<int64_t>& lengths) {
    if (lengths.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::vector<int64_t> sorted = lengths;
    std::sort(sorted.begin(), sorted.end());
    const double n = static_cast<double>(sorted.size());
    double entropy = 0;
    for (size_t i = 0; i < sorted.size();) {
        size_t j = i;
        while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
        const double p = static_cast<double>(j - i) / n;
        entropy -= p * std::log2(p);
        i = j;
    }
    return entropy == 0 ? 0.0 : entropy;  // no "-0"
}

}  // namespace srllm::core
