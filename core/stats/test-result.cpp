#include "core/stats/test-result.h"

#include <cmath>

namespace srllm::core {

namespace {
nlohmann::json number(double value) { return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(); }
}  // namespace

nlohmann::json toJson(const TestResult& r) {
    return {{"test", r.test},           {"method", r.method},       {"n", r.n},
            {"estimate", number(r.estimate)}, {"statistic", number(r.statistic)}, {"df", number(r.df)},
            {"p_value", number(r.pValue)}, {"effect_size", number(r.effectSize)},
            {"effect_size_name", r.effectSizeName}, {"ci_lo", number(r.lo)}, {"ci_hi", number(r.hi)},
            {"ci_level", r.level}};
}

}  // namespace srllm::core
