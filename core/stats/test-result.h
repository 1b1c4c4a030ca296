#pragma once
// The result every significance test returns: the statistic, its p-value, an effect size and the n it
// was computed on, so no figure is ever reported without its sample size.
#include <cstdint>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

namespace srllm::core {

struct TestResult {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    std::string test;             // "one-sample t", "paired t", "wilcoxon signed-rank", "mcnemar" ...
    std::string method;           // how the p-value was computed: "t", "exact", "normal", "chi2-cc" ...
    int64_t n = 0;                // units the test used (pairs, texts); 0 when none
    double estimate = kNaN;       // the mean, mean difference or difference in rates
    double statistic = kNaN;      // t, W = min(R+, R-), chi-square ...
    double df = kNaN;             // degrees of freedom, where the test has them
    double pValue = kNaN;         // two-sided
    double effectSize = kNaN;
    std::string effectSizeName;   // "cohen-d", "cohen-dz", "rank-biserial", "odds-ratio"
    double lo = kNaN;             // confidence interval of the estimate (NaN when the test gives none)
    double hi = kNaN;
    double level = 0.95;
};

// Sorted keys; NaN becomes null so the JSON stays valid.
nlohmann::json toJson(const TestResult& result);

// A finite number as itself, NaN or infinity as null (JSON has no NaN).
nlohmann::json jsonNumber(double value);

}  // namespace srllm::core
