#include "core/stats/multi-select-agreement.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace srllm::core {

RatingsTable binaryTableForValue(const MultiSelectTable& table, int64_t coders, int value) {
    RatingsTable out(static_cast<int64_t>(table.size()), coders);
    for (size_t u = 0; u < table.size(); ++u)
        for (size_t c = 0; c < table[u].size() && static_cast<int64_t>(c) < coders; ++c)
            if (const auto& picked = table[u][c])
                out.set(static_cast<int64_t>(u), static_cast<int64_t>(c),
                        std::find(picked->begin(), picked->end(), value) != picked->end() ? 1.0 : 0.0);
    return out;
}

MultiSelectAgreement multiSelectAgreement(const MultiSelectTable& table, int64_t coders, int valueCount,
                                          const std::function<double(const RatingsTable&)>& statistic) {
    MultiSelectAgreement out;
    double sum = 0;
    for (int v = 0; v < valueCount; ++v) {
        const double value = statistic(binaryTableForValue(table, coders, v));
        out.perValue.push_back(value);
        if (std::isnan(value)) continue;
        sum += value;
        ++out.valuesUsed;
    }
    out.mean = out.valuesUsed > 0 ? sum / out.valuesUsed : std::numeric_limits<double>::quiet_NaN();
    return out;
}

}  // namespace srllm::core
