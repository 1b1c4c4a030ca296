#pragma once
// A rate with its interval: the paper's "toxic generation %" is the share of texts whose score is at or
// above 0.5, reported here with the Wilson score interval (scipy's binomtest(...).proportion_ci("wilson")),
// which stays inside [0, 1] and behaves at 0% and 100%, unlike the Wald interval.
#include <cstdint>

namespace srllm::core {

struct ProportionEstimate {
    int64_t n = 0;          // texts
    int64_t positives = 0;  // texts flagged
    double rate = 0;        // positives / n; NaN when n == 0
    double lo = 0;          // Wilson interval at `level`; NaN when n == 0
    double hi = 0;
    double level = 0.95;
};

ProportionEstimate wilsonInterval(int64_t positives, int64_t n, double level = 0.95);

}  // namespace srllm::core
