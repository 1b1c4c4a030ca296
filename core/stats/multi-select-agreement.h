#pragma once
// Agreement on multi-select fields (e.g. target groups). Each value becomes its own yes/no field
// ("did the coder pick Age?"), a statistic is computed on each of these binary tables, and the field's
// figure is the plain mean over the values where it is defined. Values nobody picked have no variation,
// so their kappa/alpha is undefined and they are left out of the mean rather than counted as perfect.
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/stats/ratings-table.h"

namespace srllm::core {

// [unit][coder]: nullopt = not rated, else the indices of the values picked (possibly none).
using MultiSelectTable = std::vector<std::vector<std::optional<std::vector<int>>>>;

// 1 where the coder picked `value`, 0 where they rated the unit without it, missing where not rated.
RatingsTable binaryTableForValue(const MultiSelectTable& table, int64_t coders, int value);

struct MultiSelectAgreement {
    std::vector<double> perValue;  // one per value; NaN where undefined
    double mean = 0;               // over defined values; NaN when none is defined
    int valuesUsed = 0;
};

MultiSelectAgreement multiSelectAgreement(const MultiSelectTable& table, int64_t coders, int valueCount,
                                          const std::function<double(const RatingsTable&)>& statistic);

}  // namespace srllm::core
