#pragma once
// Holm's step-down correction (Holm 1979) for testing several metrics at once: adjusted p-values that
// keep the family-wise error rate, as statsmodels' multipletests(method="holm") returns them.
#include <vector>

namespace srllm::core {

// Same order as the input; NaN p-values stay NaN and do not count towards the family size.
std::vector<double> holmAdjust(const std::vector<double>& pValues);

}  // namespace srllm::core
