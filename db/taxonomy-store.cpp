#include "db/taxonomy-store.h"

#include "core/common/diagnostics.h"

#include "db/database.h"
#include "db/stored-json.h"
#include "db/taxonomy-fields.h"

namespace srllm::db {

namespace {

TaxonomyRow readTaxonomy(const Statement& st) {
    const int version = static_cast<int>(st.columnInt(0));
    TaxonomyRow row{version, storedJson(st, 1, "taxonomies version " + std::to_string(version))};
    try {
        taxonomyFields(row.json, version);  // #12: every reader may then rely on the fields' shape
        reviewTags(row.json, version);
    } catch (const core::InputError& e) {
        throw DbError(st.database().path() + ": " + e.what() + " (hint: the file is damaged or was edited by hand)");
    }
    return row;
}

}  // namespace

TaxonomyRow currentTaxonomy(Database& db) {
    auto st = db.prepare("SELECT version, json FROM taxonomies ORDER BY version DESC LIMIT 1");
    if (!st.step())
        throw DbError(db.path() + ": the project has no taxonomy (hint: the file is damaged; re-create it with "
                                  "`srllm init` and import the items again)");
    return readTaxonomy(st);
}

int addTaxonomyVersion(Database& db, const nlohmann::json& taxonomy) {
    if (!taxonomy.is_object() || !taxonomy.contains("fields") || !taxonomy["fields"].is_array())
        throw DbError(db.path() + ": taxonomy: expected a JSON object with a \"fields\" array");
    try {
        reviewTags(taxonomy, 0);  // a bad list would make every later read of the project fail
    } catch (const core::InputError& e) {
        throw DbError(db.path() + ": " + e.what());
    }
    auto st = db.prepare(
        "INSERT INTO taxonomies(version, json) VALUES ((SELECT coalesce(max(version), 0) + 1 FROM taxonomies), ?1)"
        " RETURNING version");
    st.bind(1, taxonomy.dump());
    st.step();
    const int version = static_cast<int>(st.columnInt(0));
    st.reset();
    return version;
}

std::optional<TaxonomyRow> taxonomyVersion(Database& db, int version) {
    auto st = db.prepare("SELECT version, json FROM taxonomies WHERE version = ?1");
    st.bind(1, version);
    if (!st.step()) return std::nullopt;
    return readTaxonomy(st);
}

}  // namespace srllm::db
