#include "core/eval/metric-method.h"

namespace srllm::core {

nlohmann::json toJson(const MetricMethod& method) {
    return {{"id", method.id}, {"method", method.method}, {"version", method.version}};
}

}  // namespace srllm::core
