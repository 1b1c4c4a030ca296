#include "db/taxonomy-store.h"

#include <map>

#include "core/common/diagnostics.h"

#include "db/database.h"
#include "db/stored-json.h"
#include "db/taxonomy-fields.h"

namespace srllm::db {

// Versions parsed on one connection, each with the text it was parsed from (#12: parsing and checking the
// JSON cost every reader more than its queries did). A row is reused only while its stored text is the same,
// so a version written by this or another connection, or rolled back, is read afresh.
struct ParsedTaxonomies {
    std::map<int, std::pair<std::string, TaxonomyRow>> byVersion;
};

namespace {

constexpr size_t kMaxParsedVersions = 8;  // a reader needs one or two (current, and the one before it)

TaxonomyRow readTaxonomy(const Statement& st) {
    const int version = static_cast<int>(st.columnInt(0));
    std::string text = st.columnText(1);
    auto& parsed = st.database().parsedTaxonomies();
    if (!parsed) parsed = std::make_shared<ParsedTaxonomies>();
    if (const auto hit = parsed->byVersion.find(version); hit != parsed->byVersion.end() && hit->second.first == text)
        return hit->second.second;
    TaxonomyRow row{version, storedJson(st, 1, "taxonomies version " + std::to_string(version))};
    try {
        taxonomyFields(row.json, version);  // #12: every reader may then rely on the fields' shape
        reviewTags(row.json, version);
    } catch (const core::InputError& e) {
        throw DbError(st.database().path() + ": " + e.what() + " (hint: the file is damaged or was edited by hand)");
    }
    if (parsed->byVersion.size() >= kMaxParsedVersions) parsed->byVersion.clear();
    parsed->byVersion.insert_or_assign(version, std::pair{std::move(text), row});
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
        taxonomyFields(taxonomy, 0);  // either would make every later read of the project fail
        reviewTags(taxonomy, 0);
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
