#pragma once
// Checked reads of JSON object fields for the job files (job.json, run.json, event lines): errors name
// the file and the dotted key ("data.train.records"), as every input error does.
#include <initializer_list>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"
#include "core/common/input-file.h"

namespace srllm::core {

// A value, or JSON null when there is none (how job files write optional numbers).
template <typename T>
nlohmann::json optionalToJson(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

class JsonFields {
public:
    // `object` must outlive this reader; `prefix` is prepended to keys in messages ("data." ...).
    JsonFields(const nlohmann::json& object, std::string file, std::string prefix = {});

    template <typename T>
    T require(const char* key) const {
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) fail(key, "is missing");
        return get<T>(*it, key);
    }
    template <typename T>
    std::optional<T> optional(const char* key) const {
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) return std::nullopt;
        return get<T>(*it, key);
    }
    // A number that may be null: JSON has no NaN, so a diverged loss is written as null and read as NaN.
    double number(const char* key) const;
    // The nested object under key; throws when it is missing or not an object.
    JsonFields object(const char* key) const;
    const nlohmann::json& json() const { return m_object; }
    // Adds "unknown key ignored" for each key not in `known`.
    void warnUnknown(std::initializer_list<const char*> known, Diagnostics& warnings) const;
    [[noreturn]] void fail(const std::string& key, const std::string& message) const;

private:
    template <typename T>
    T get(const nlohmann::json& value, const char* key) const {
        // #12 (fuzz finding 12): require<int>("format_version") went through get<int>, so 8.9e44 was undefined
        // behaviour and 1.5 read as 1; every integral type is now checked like int64_t.
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
            return jsonInteger<T>(value, m_file, m_prefix + key);
        } else if constexpr (std::is_same_v<T, std::vector<int64_t>>) {
            if (!value.is_array()) fail(key, std::string("has the wrong type (") + value.type_name() + ")");
            std::vector<int64_t> out;
            for (const auto& element : value) out.push_back(get<int64_t>(element, key));
            return out;
        } else {
            try {
                return value.get<T>();
            } catch (const nlohmann::json::exception&) {
                fail(key, std::string("has the wrong type (") + value.type_name() + ")");
            }
        }
    }
    const nlohmann::json& m_object;
    std::string m_file;
    std::string m_prefix;
};

}  // namespace srllm::core
