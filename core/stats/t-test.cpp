#include "core/stats/t-test.h"

#include <cmath>
#include <stdexcept>

#include <boost/math/distributions/students_t.hpp>

namespace srllm::core {

double tTwoSidedPValue(double t, double df) {
    if (!std::isfinite(t) || !(df > 0)) return TestResult::kNaN;
    const boost::math::students_t dist(df);
    return std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(dist, std::fabs(t))));
}

double tCriticalValue(double df, double level) {
    if (!(df > 0)) return TestResult::kNaN;
    return boost::math::quantile(boost::math::students_t(df), 0.5 + level / 2);
}

double tDensity(double t, double df) {
    if (!(df > 0) || !std::isfinite(t)) return TestResult::kNaN;
    return boost::math::pdf(boost::math::students_t(df), t);
}

TestResult oneSampleTTest(const std::vector<double>& values, double mu, double level) {
    TestResult r;
    r.test = "one-sample t";
    r.method = "t";
    r.level = level;
    r.n = static_cast<int64_t>(values.size());
    if (values.empty()) return r;
    double mean = 0;
    for (double v : values) mean += v;
    mean /= static_cast<double>(values.size());
    r.estimate = mean;
    if (values.size() < 2) return r;
    double ss = 0;
    for (double v : values) ss += (v - mean) * (v - mean);
    const double df = static_cast<double>(values.size() - 1);
    const double sd = std::sqrt(ss / df);
    const double se = sd / std::sqrt(static_cast<double>(values.size()));
    r.df = df;
    if (!(se > 0)) return r;
    r.statistic = (mean - mu) / se;
    r.pValue = tTwoSidedPValue(r.statistic, df);
    r.effectSize = (mean - mu) / sd;
    r.effectSizeName = "cohen-d";
    const double q = tCriticalValue(df, level);
    r.lo = mean - q * se;
    r.hi = mean + q * se;
    return r;
}

TestResult pairedTTest(const std::vector<double>& before, const std::vector<double>& after, double level) {
    if (before.size() != after.size())
        throw std::invalid_argument("paired t-test: " + std::to_string(before.size()) + " values before but " +
                                    std::to_string(after.size()) + " after (hint: pairs must line up)");
    std::vector<double> differences(before.size());
    for (size_t i = 0; i < before.size(); ++i) differences[i] = after[i] - before[i];
    TestResult r = oneSampleTTest(differences, 0.0, level);
    r.test = "paired t";
    if (!r.effectSizeName.empty()) r.effectSizeName = "cohen-dz";
    return r;
}

}  // namespace srllm::core
