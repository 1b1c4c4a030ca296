#include "core/stats/proportion-interval.h"

#include <cmath>
#include <stdexcept>

#include <boost/math/distributions/normal.hpp>

namespace srllm::core {

ProportionEstimate wilsonInterval(int64_t positives, int64_t n, double level) {
    if (positives < 0 || positives > n)
        throw std::invalid_argument("proportion: " + std::to_string(positives) + " positives out of " +
                                    std::to_string(n));
    ProportionEstimate e{n, positives, std::nan(""), std::nan(""), std::nan(""), level};
    if (n == 0) return e;
    const double total = static_cast<double>(n);
    const double p = static_cast<double>(positives) / total;
    const double z = boost::math::quantile(boost::math::normal(), 0.5 + level / 2);
    const double z2 = z * z;
    const double denominator = 1 + z2 / total;
    const double center = (p + z2 / (2 * total)) / denominator;
    const double half = z / denominator * std::sqrt(p * (1 - p) / total + z2 / (4 * total * total));
    e.rate = p;
    e.lo = std::max(0.0, center - half);
    e.hi = std::min(1.0, center + half);
    return e;
}

}  // namespace srllm::core
