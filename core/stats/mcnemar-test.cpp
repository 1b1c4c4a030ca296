#include "core/stats/mcnemar-test.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include <boost/math/distributions/binomial.hpp>

namespace srllm::core {

TestResult mcnemarTest(const std::vector<bool>& before, const std::vector<bool>& after) {
    if (before.size() != after.size())
        throw std::invalid_argument("mcnemar: " + std::to_string(before.size()) + " flags before but " +
                                    std::to_string(after.size()) + " after (hint: pairs must line up)");
    TestResult r;
    r.test = "mcnemar";
    r.method = "exact-binomial";
    r.n = static_cast<int64_t>(before.size());
    if (before.empty()) return r;
    int64_t b = 0, c = 0;
    for (size_t i = 0; i < before.size(); ++i) {
        if (before[i] && !after[i]) ++b;
        if (!before[i] && after[i]) ++c;
    }
    r.estimate = static_cast<double>(c - b) / static_cast<double>(before.size());
    r.statistic = static_cast<double>(std::min(b, c));
    r.effectSizeName = "odds-ratio";
    if (b + c == 0) {
        r.pValue = 1.0;
        return r;
    }
    r.effectSize = b == 0 ? std::numeric_limits<double>::infinity() : static_cast<double>(c) / static_cast<double>(b);
    const boost::math::binomial dist(static_cast<double>(b + c), 0.5);
    r.pValue = std::min(1.0, 2.0 * boost::math::cdf(dist, r.statistic));
    return r;
}

}  // namespace srllm::core
