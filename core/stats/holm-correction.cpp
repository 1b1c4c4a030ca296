#include "core/stats/holm-correction.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace srllm::core {

std::vector<double> holmAdjust(const std::vector<double>& pValues) {
    std::vector<double> adjusted(pValues.size(), std::nan(""));
    std::vector<size_t> order;
    for (size_t i = 0; i < pValues.size(); ++i)
        if (!std::isnan(pValues[i])) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return pValues[a] < pValues[b]; });
    const double m = static_cast<double>(order.size());
    double running = 0;  // adjusted values must not decrease along the sorted order
    for (size_t k = 0; k < order.size(); ++k) {
        running = std::max(running, std::min(1.0, (m - static_cast<double>(k)) * pValues[order[k]]));
        adjusted[order[k]] = running;
    }
    return adjusted;
}

}  // namespace srllm::core
