#pragma once
// Wilcoxon signed-rank test on paired values, as scipy.stats.wilcoxon(after, before) computes it with
// its defaults (zero_method "wilcox": zero differences dropped; no continuity correction), two-sided.
// The p-value is exact for n <= 50 pairs without ties or zeros, else the normal approximation with the
// tie correction. Effect size: the matched-pairs rank-biserial correlation (R+ - R-) / (R+ + R-).
#include <vector>

#include "core/stats/test-result.h"

namespace srllm::core {

// n in the result is the number of non-zero differences used; estimate is the median difference.
// Throws std::invalid_argument when the sizes differ.
TestResult wilcoxonSignedRank(const std::vector<double>& before, const std::vector<double>& after);

// Ranks 1..n of values with ties sharing their mean rank (scipy.stats.rankdata, method "average").
std::vector<double> averageRanks(const std::vector<double>& values);

}  // namespace srllm::core
