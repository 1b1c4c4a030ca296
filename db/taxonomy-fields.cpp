#include "db/taxonomy-fields.h"

#include <algorithm>

#include "core/common/diagnostics.h"
#include "db/annotations.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

std::vector<TaxonomyField> taxonomyFields(const nlohmann::json& taxonomy, int version) {
    const std::string where = "taxonomy v" + std::to_string(version);
    if (!taxonomy.is_object() || !taxonomy.contains("fields") || !taxonomy["fields"].is_array())
        throw core::InputError(where, 0, "fields", "missing or not an array (hint: see resources/taxonomy)");
    std::vector<TaxonomyField> fields;
    for (size_t i = 0; i < taxonomy["fields"].size(); ++i) {
        const auto& f = taxonomy["fields"][i];
        const std::string name = "fields[" + std::to_string(i) + "]";
        if (!f.is_object() || !f.contains("key") || !f["key"].is_string() || !f.contains("values") ||
            !f["values"].is_array())
            throw core::InputError(where, 0, name, "needs a string \"key\" and a \"values\" array");
        TaxonomyField field;
        field.key = f["key"].get<std::string>();
        // #12: the Annotate view reads these with value("label", ...), which throws type_error for a number.
        for (const char* text : {"label", "definition"})
            if (const auto it = f.find(text); it != f.end() && !it->is_string())
                throw core::InputError(where, 0, name + "." + text, "must be a string, found " + it->dump());
        // #12: value() threw nlohmann's type_error for a non-string type or a non-boolean ordered.
        const auto type = f.find("type");
        if (type != f.end() && !(type->is_string() && (*type == "single" || *type == "multi")))
            throw core::InputError(where, 0, name + ".type", type->dump() + " is not \"single\" or \"multi\"");
        field.multi = type != f.end() && *type == "multi";
        const auto ordered = f.find("ordered");
        if (ordered != f.end() && !ordered->is_boolean())
            throw core::InputError(where, 0, name + ".ordered", "must be true or false, found " + ordered->dump());
        field.ordered = ordered != f.end() && ordered->get<bool>();
        for (const auto& v : f["values"]) {
            if (!v.is_string()) throw core::InputError(where, 0, name + ".values", "values must be strings");
            field.values.push_back(v.get<std::string>());
        }
        fields.push_back(std::move(field));
    }
    return fields;
}

std::vector<ReviewTag> reviewTags(const nlohmann::json& taxonomy, int version) {
    const auto list = taxonomy.is_object() ? taxonomy.find("review_tags") : taxonomy.end();
    if (list == taxonomy.end()) {
        static const nlohmann::json defaults = nlohmann::json::parse(defaultTaxonomyJson());
        return reviewTags(defaults, 0);  // NOTE: resources/taxonomy/default-taxonomy.json must hold the list
    }
    const std::string where = "taxonomy v" + std::to_string(version);
    if (!list->is_array()) throw core::InputError(where, 0, "review_tags", "must be an array of {\"key\", \"label\"}");
    std::vector<ReviewTag> tags;
    for (size_t i = 0; i < list->size(); ++i) {
        const auto& t = (*list)[i];
        const std::string name = "review_tags[" + std::to_string(i) + "]";
        if (!t.is_object() || !t.contains("key") || !t["key"].is_string() || t["key"].get<std::string>().empty())
            throw core::InputError(where, 0, name, "needs a non-empty string \"key\"");
        ReviewTag tag{t["key"].get<std::string>(), t["key"].get<std::string>()};
        if (const auto label = t.find("label"); label != t.end()) {
            if (!label->is_string()) throw core::InputError(where, 0, name + ".label", "must be a string");
            tag.label = label->get<std::string>();
        }
        for (const ReviewTag& seen : tags)
            if (seen.key == tag.key) throw core::InputError(where, 0, name + ".key", "'" + tag.key + "' repeats");
        tags.push_back(std::move(tag));
    }
    return tags;
}

std::optional<int> valueIndex(const TaxonomyField& field, const std::string& value) {
    const auto it = std::find(field.values.begin(), field.values.end(), value);
    if (it == field.values.end()) return std::nullopt;
    return static_cast<int>(it - field.values.begin());
}

std::optional<std::vector<int>> labelIndices(const TaxonomyField& field, const nlohmann::json& labels) {
    if (!labels.is_object() || !labels.contains(field.key)) return std::nullopt;
    const auto& label = labels[field.key];
    std::vector<int> out;
    if (!field.multi) {
        if (!label.is_string()) return std::nullopt;
        const auto index = valueIndex(field, label.get<std::string>());
        if (!index) return std::nullopt;
        return std::vector<int>{*index};
    }
    if (!label.is_array()) return std::nullopt;
    for (const auto& v : label) {
        if (!v.is_string()) return std::nullopt;
        const auto index = valueIndex(field, v.get<std::string>());
        if (!index) return std::nullopt;
        out.push_back(*index);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

FieldVotes fieldVotes(const TaxonomyField& field, const std::vector<AnnotationRow>& annotations) {
    FieldVotes out;
    for (const auto& a : annotations)
        if (const auto indices = labelIndices(field, a.labels)) {
            ++out.groups[*indices];
            ++out.votes;
        }
    return out;
}

}  // namespace srllm::db
