#include "db/taxonomy-migration.h"

#include <algorithm>

#include "db/access.h"
#include "db/database.h"
#include "db/json-key-path.h"
#include "db/rereview.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

int64_t countIn(Database& db, const char* table, const std::string& field, const std::string& value) {
    // json_each over a scalar yields the scalar, so single values and members of multi arrays both match.
    const std::string sql = value.empty()
        ? std::string("SELECT count(*) FROM ") + table + " WHERE json_type(labels, ?1) IS NOT NULL"
        : std::string("SELECT count(*) FROM ") + table +
              " t WHERE EXISTS (SELECT 1 FROM json_each(t.labels, ?1) v WHERE v.value = ?2)";
    auto st = db.prepare(sql);
    st.bind(1, jsonKeyPath(field));
    if (!value.empty()) st.bind(2, value);
    st.step();
    return st.columnInt(0);
}

const ValueMapping* findMapping(const std::vector<ValueMapping>& mappings, const std::string& field,
                                const std::string& from) {
    for (const auto& m : mappings)
        if (m.field == field && m.from == from) return &m;
    return nullptr;
}

bool fieldHasValue(const nlohmann::json& taxonomy, const std::string& field, const std::string& value) {
    for (const auto& f : taxonomy.value("fields", nlohmann::json::array()))
        if (f.is_object() && f.value("key", "") == field) {
            const auto values = f.value("values", nlohmann::json::array());
            return std::find(values.begin(), values.end(), value) != values.end();
        }
    return false;
}

std::string usageText(const ValueUsage& u) {
    return std::to_string(u.annotations) + " annotation(s) and " + std::to_string(u.gold) + " gold label(s)";
}

}  // namespace

ValueUsage countValueUsage(Database& db, const std::string& field, const std::string& value) {
    return {field, value, countIn(db, "annotations", field, value), countIn(db, "gold", field, value)};
}

TaxonomyChangeCheck checkTaxonomyChange(Database& db, const nlohmann::json& edited,
                                        const std::vector<ValueMapping>& mappings) {
    const TaxonomyRow current = currentTaxonomy(db);
    const std::string where = "taxonomy v" + std::to_string(current.version + 1);
    TaxonomyChangeCheck check;
    check.problems = core::validateTaxonomy(edited, where);
    if (!check.ok()) return check;
    check.diff = core::diffTaxonomies(current.json, edited);
    const auto refuseField = [&](const std::string& key, const std::string& what) {
        ValueUsage u = countValueUsage(db, key, "");
        if (u.annotations + u.gold > 0)
            check.problems.push_back({where, 0, key, what + " but " + usageText(u) +
                                                         " use it (hint: keep the field and add a new one)"});
        check.usages.push_back(std::move(u));
    };
    for (const auto& key : check.diff.fieldsRemoved) refuseField(key, "field removed or its key renamed,");
    for (const auto& key : check.diff.fieldsRetyped) refuseField(key, "type changed between single and multi,");
    for (const auto& removed : check.diff.valuesRemoved) {
        ValueUsage u = countValueUsage(db, removed.field, removed.value);
        const ValueMapping* mapping = findMapping(mappings, removed.field, removed.value);
        const std::string name = removed.field + " = '" + removed.value + "'";
        if (mapping && !fieldHasValue(edited, mapping->field, mapping->to))
            check.problems.push_back({where, 0, removed.field, "mapping of '" + removed.value + "' to '" +
                                                                   mapping->to + "': no such value in the new version"});
        else if (!mapping && u.annotations + u.gold > 0)
            check.problems.push_back({where, 0, removed.field, "value " + name + " removed or renamed, but " +
                                                                   usageText(u) +
                                                                   " use it (hint: map it to a value of the new version)"});
        check.usages.push_back(std::move(u));
    }
    return check;
}

int saveTaxonomyVersion(Database& db, const nlohmann::json& edited, const std::vector<ValueMapping>& mappings) {
    requireFullAccess(db, "changing the taxonomy");
    const TaxonomyChangeCheck check = checkTaxonomyChange(db, edited, mappings);
    if (!check.ok()) throw core::InputError(check.problems.front());
    const int fromVersion = currentTaxonomy(db).version;
    nlohmann::json stored = edited;
    if (!stored.contains("value_mappings") || !stored["value_mappings"].is_array())
        stored["value_mappings"] = nlohmann::json::array();  // earlier versions' mappings stay on record
    for (const auto& m : mappings)
        stored["value_mappings"].push_back(
            {{"from_version", fromVersion}, {"field", m.field}, {"from", m.from}, {"to", m.to}});
    Transaction tx(db);
    const int version = addTaxonomyVersion(db, stored);
    markForReReview(db, version);
    tx.commit();
    return version;
}

}  // namespace srllm::db
