#include "core/data/taxonomy-diff.h"

#include <algorithm>
#include <set>

namespace srllm::core {

namespace {

const nlohmann::json* fieldByKey(const nlohmann::json& taxonomy, const std::string& key) {
    if (!taxonomy.is_object() || !taxonomy.contains("fields") || !taxonomy.at("fields").is_array()) return nullptr;
    for (const auto& f : taxonomy.at("fields"))
        if (f.is_object() && f.value("key", "") == key) return &f;
    return nullptr;
}

std::vector<std::string> fieldKeys(const nlohmann::json& taxonomy) {
    std::vector<std::string> keys;
    for (const auto& f : taxonomy.value("fields", nlohmann::json::array()))
        if (f.is_object() && f.contains("key") && f["key"].is_string()) keys.push_back(f["key"].get<std::string>());
    return keys;
}

std::vector<std::string> values(const nlohmann::json& field) {
    std::vector<std::string> out;
    for (const auto& v : field.value("values", nlohmann::json::array()))
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

bool TaxonomyDiff::empty() const {
    return fieldsAdded.empty() && fieldsRemoved.empty() && fieldsRetyped.empty() && valuesAdded.empty() &&
           valuesRemoved.empty() && fieldsReworded.empty();
}

TaxonomyDiff diffTaxonomies(const nlohmann::json& before, const nlohmann::json& after) {
    TaxonomyDiff diff;
    const auto keysBefore = fieldKeys(before);
    const auto keysAfter = fieldKeys(after);
    for (const auto& key : keysAfter)
        if (!contains(keysBefore, key)) diff.fieldsAdded.push_back(key);
    for (const auto& key : keysBefore) {
        if (!contains(keysAfter, key)) {
            diff.fieldsRemoved.push_back(key);
            continue;
        }
        const nlohmann::json& old = *fieldByKey(before, key);
        const nlohmann::json& now = *fieldByKey(after, key);
        if (old.value("type", "single") != now.value("type", "single")) diff.fieldsRetyped.push_back(key);
        const auto valuesOld = values(old);
        const auto valuesNow = values(now);
        for (const auto& v : valuesNow)
            if (!contains(valuesOld, v)) diff.valuesAdded.push_back({key, v});
        for (const auto& v : valuesOld)
            if (!contains(valuesNow, v)) diff.valuesRemoved.push_back({key, v});
        // Everything but key, type and the value set is wording (or order) that labels do not depend on.
        nlohmann::json restOld = old, restNow = now;
        for (auto* rest : {&restOld, &restNow}) {
            rest->erase("key");
            rest->erase("type");
        }
        const bool sameSet = std::is_permutation(valuesOld.begin(), valuesOld.end(), valuesNow.begin(), valuesNow.end());
        if (!sameSet) {
            restOld.erase("values");
            restNow.erase("values");
        }
        if (restOld != restNow) diff.fieldsReworded.push_back(key);
    }
    return diff;
}

Diagnostics validateTaxonomy(const nlohmann::json& taxonomy, const std::string& where) {
    Diagnostics out;
    const auto problem = [&](const std::string& field, const std::string& message) {
        out.push_back({where, 0, field, message});
    };
    if (!taxonomy.is_object() || !taxonomy.contains("fields") || !taxonomy["fields"].is_array()) {
        problem("fields", "missing or not an array");
        return out;
    }
    std::set<std::string> keys;
    for (size_t i = 0; i < taxonomy["fields"].size(); ++i) {
        const auto& f = taxonomy["fields"][i];
        std::string name = "fields[" + std::to_string(i) + "]";
        const std::string key = f.is_object() && f.contains("key") && f["key"].is_string() ? f["key"].get<std::string>() : "";
        if (key.empty()) {
            problem(name + ".key", "every field needs a non-empty key");
            continue;
        }
        name += " '" + key + "'";
        if (!keys.insert(key).second) problem(name, "the key is used by another field (hint: keys must be unique)");
        for (const char* text : {"label", "definition"})
            if (const auto it = f.find(text); it != f.end() && !it->is_string()) problem(name + "." + text, "must be a string");
        const auto typeIt = f.find("type");  // value("type", "single") threw type_error for a number (#12)
        const std::string type = typeIt == f.end() ? "single" : typeIt->is_string() ? typeIt->get<std::string>() : typeIt->dump();
        if (type != "single" && type != "multi") problem(name + ".type", "'" + type + "' is not single|multi");
        if (!f.contains("values") || !f["values"].is_array() || f["values"].empty()) {
            problem(name + ".values", "a field needs at least one value");
            continue;
        }
        std::set<std::string> seen;
        for (const auto& v : f["values"]) {
            if (!v.is_string() || v.get<std::string>().empty())
                problem(name + ".values", "values must be non-empty strings");
            else if (!seen.insert(v.get<std::string>()).second)
                problem(name + ".values", "value '" + v.get<std::string>() + "' appears twice");
        }
    }
    return out;
}

}  // namespace srllm::core
