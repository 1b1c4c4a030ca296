#pragma once
// Student's t-tests, as scipy.stats.ttest_1samp and ttest_rel compute them (two-sided), with the
// t-based confidence interval of the mean (difference) and Cohen's d (d_z for pairs). The paper's style
// test is the one-sample form: is the mean change in sentiment different from zero? Pure, any thread.
#include <vector>

#include "core/stats/test-result.h"

namespace srllm::core {

// H0: mean(values) == mu. n < 2 or zero variance gives NaN statistic and p-value (as scipy does).
TestResult oneSampleTTest(const std::vector<double>& values, double mu = 0.0, double level = 0.95);

// H0: mean(after - before) == 0 over pairs. Throws std::invalid_argument when the sizes differ.
TestResult pairedTTest(const std::vector<double>& before, const std::vector<double>& after, double level = 0.95);

// Two-sided p-value of a t statistic with df degrees of freedom (Boost.Math's Student t).
double tTwoSidedPValue(double t, double df);
// The t with P(|T| > t) = 1 - level (the two-sided critical value), and Student's t density at t.
double tCriticalValue(double df, double level = 0.95);
double tDensity(double t, double df);

}  // namespace srllm::core
