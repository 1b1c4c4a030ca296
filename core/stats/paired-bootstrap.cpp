#include "core/stats/paired-bootstrap.h"

#include <cmath>
#include <stdexcept>

namespace srllm::core {

TestResult bootstrapMean(const std::vector<double>& values, const BootstrapOptions& options) {
    TestResult r;
    r.test = "bootstrap mean";
    r.method = "percentile";
    r.level = options.level;
    r.n = static_cast<int64_t>(values.size());
    if (values.empty()) return r;
    double sum = 0;
    for (double v : values) {
        if (std::isnan(v)) throw std::invalid_argument("bootstrap: a value is NaN (hint: drop undefined values first)");
        sum += v;
    }
    r.estimate = sum / static_cast<double>(values.size());
    const auto interval = bootstrapInterval(
        r.n,
        [&](const std::vector<int64_t>& units) {
            double s = 0;
            for (int64_t u : units) s += values[static_cast<size_t>(u)];
            return s / static_cast<double>(units.size());
        },
        options);
    r.lo = interval.lo;
    r.hi = interval.hi;
    return r;
}

TestResult pairedBootstrapMeanDifference(const std::vector<double>& before, const std::vector<double>& after,
                                         const BootstrapOptions& options) {
    if (before.size() != after.size())
        throw std::invalid_argument("paired bootstrap: " + std::to_string(before.size()) + " values before but " +
                                    std::to_string(after.size()) + " after (hint: pairs must line up)");
    std::vector<double> differences(before.size());
    for (size_t i = 0; i < before.size(); ++i) differences[i] = after[i] - before[i];
    TestResult r = bootstrapMean(differences, options);
    r.test = "paired bootstrap mean difference";
    return r;
}

}  // namespace srllm::core
