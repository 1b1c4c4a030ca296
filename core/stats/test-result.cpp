#include "core/stats/test-result.h"

#include <cmath>

namespace srllm::core {

nlohmann::json jsonNumber(double value) { return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(); }

nlohmann::json toJson(const TestResult& r) {
    return {{"test", r.test},           {"method", r.method},       {"n", r.n},
            {"estimate", jsonNumber(r.estimate)}, {"statistic", jsonNumber(r.statistic)}, {"df", jsonNumber(r.df)},
            {"p_value", jsonNumber(r.pValue)}, {"effect_size", jsonNumber(r.effectSize)},
            {"effect_size_name", r.effectSizeName}, {"ci_lo", jsonNumber(r.lo)}, {"ci_hi", jsonNumber(r.hi)},
            {"ci_level", r.level}};
}

}  // namespace srllm::core
