#pragma once
// McNemar's test for a change in a flag rate over the same texts (e.g. "toxic at 0.5" for the original
// and the rewrite): only discordant pairs count. Exact two-sided binomial p-value, as statsmodels'
// mcnemar(exact=True) gives; the estimate is the change in rate (after - before) over all n pairs.
#include <vector>

#include "core/stats/test-result.h"

namespace srllm::core {

// statistic = min(b, c), where b = flagged before only and c = flagged after only; effect size is the
// odds ratio c / b (infinite when b = 0 < c, NaN when both are 0). Throws std::invalid_argument when
// the sizes differ.
TestResult mcnemarTest(const std::vector<bool>& before, const std::vector<bool>& after);

}  // namespace srllm::core
