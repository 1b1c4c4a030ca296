#include "db/gold.h"

#include "db/access.h"
#include "db/database.h"
#include "db/span-json.h"
#include "db/stored-json.h"

namespace srllm::db {

namespace {

constexpr const char* kColumns =
    "SELECT item_id, labels, spans, rewrite, provenance, decided_by, taxonomy_version FROM gold ";

GoldRow readGold(const Statement& st) {
    GoldRow row;
    row.itemId = st.columnInt(0);
    const std::string where = "gold of item " + std::to_string(row.itemId);
    row.labels = storedJson(st, 1, "labels of " + where);
    row.spans = spansFromJson(st, 2, "spans of " + where);
    row.rewrite = st.columnOptionalText(3);
    row.provenance = st.columnText(4);
    row.decidedBy = st.columnOptionalInt(5);
    row.taxonomyVersion = static_cast<int>(st.columnInt(6));
    return row;
}

}  // namespace

void saveGold(Database& db, const GoldRow& row) {
    if (!row.labels.is_object())
        throw DbError(db.path() + ": gold of item " + std::to_string(row.itemId) +
                      ": labels must be a JSON object {field: value}");
    requireFullAccess(db, "deciding gold labels");
    auto st = db.prepare(
        "INSERT INTO gold(item_id, labels, spans, rewrite, provenance, decided_by, taxonomy_version)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
        " ON CONFLICT(item_id) DO UPDATE SET labels = excluded.labels, spans = excluded.spans,"
        " rewrite = excluded.rewrite, provenance = excluded.provenance, decided_by = excluded.decided_by,"
        " taxonomy_version = excluded.taxonomy_version, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    st.bind(1, row.itemId).bind(2, row.labels.dump()).bind(3, spansToJson(row.spans)).bind(4, row.rewrite);
    st.bind(5, row.provenance).bind(6, row.decidedBy).bind(7, row.taxonomyVersion).run();
}

std::optional<GoldRow> goldFor(Database& db, int64_t itemId) {
    requireOthersReadable(db, itemId, "the gold");
    auto st = db.prepare(std::string(kColumns) + "WHERE item_id = ?1");
    st.bind(1, itemId);
    if (!st.step()) return std::nullopt;
    return readGold(st);
}

std::vector<GoldRow> allGold(Database& db) {
    requireFullAccess(db, "reading every gold label");
    return goldForFigures(db);
}

std::vector<GoldRow> goldForFigures(Database& db) {
    auto st = db.prepare(std::string(kColumns) + "ORDER BY item_id");
    std::vector<GoldRow> rows;
    while (st.step()) rows.push_back(readGold(st));
    return rows;
}

}  // namespace srllm::db
