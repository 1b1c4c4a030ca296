#pragma once
// The name and version every computed metric value carries, so a stored or printed number can always
// be traced to the method that made it. Bump `version` whenever the same text could get another value.
#include <nlohmann/json.hpp>

namespace srllm::core {

struct MetricMethod {
    const char* id;      // stable key, e.g. "vader-compound"; what a store keys values by
    const char* method;  // what computes it, for people: "VADER (Hutto & Gilbert 2014), NLTK 3.8 rules"
    int version;
};

// {"id": ..., "method": ..., "version": ...}
nlohmann::json toJson(const MetricMethod& method);

}  // namespace srllm::core
