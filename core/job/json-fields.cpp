#include "core/job/json-fields.h"

#include <algorithm>
#include <limits>

namespace srllm::core {

JsonFields::JsonFields(const nlohmann::json& object, std::string file, std::string prefix)
    : m_object(object), m_file(std::move(file)), m_prefix(std::move(prefix)) {
    if (!m_object.is_object()) {
        throw InputError(m_file, 0, m_prefix.empty() ? std::string{} : m_prefix.substr(0, m_prefix.size() - 1),
                         "must be a JSON object");
    }
}

double JsonFields::number(const char* key) const {
    const auto it = m_object.find(key);
    if (it == m_object.end()) fail(key, "is missing");
    return it->is_null() ? std::numeric_limits<double>::quiet_NaN() : get<double>(*it, key);
}

JsonFields JsonFields::object(const char* key) const {
    const auto it = m_object.find(key);
    if (it == m_object.end() || !it->is_object()) fail(key, "must be a JSON object");
    return JsonFields(*it, m_file, m_prefix + key + ".");
}

void JsonFields::warnUnknown(std::initializer_list<const char*> known, Diagnostics& warnings) const {
    for (const auto& [key, value] : m_object.items()) {
        const bool isKnown = std::any_of(known.begin(), known.end(), [&](const char* k) { return key == k; });
        if (!isKnown) warnings.push_back({m_file, 0, m_prefix + key, "unknown key ignored"});
    }
}

void JsonFields::fail(const std::string& key, const std::string& message) const {
    throw InputError(m_file, 0, m_prefix + key, message);
}

}  // namespace srllm::core
