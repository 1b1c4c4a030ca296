#include "db/item-browse-query.h"

#include <algorithm>
#include <functional>
#include <variant>

#include <nlohmann/json.hpp>

#include "db/access.h"
#include "db/database.h"
#include "db/items.h"
#include "db/json-key-path.h"

namespace srllm::db {

namespace {

using Parameter = std::variant<int64_t, std::string>;

// The WHERE clause of a filter with only the active conditions, so SQLite can use the indexes
// (a generic "?n IS NULL OR ..." clause would hide them from the planner).
struct WhereClause {
    std::string sql;
    std::vector<Parameter> parameters;

    void add(const std::string& condition, std::vector<Parameter> values = {}) {
        sql += sql.empty() ? " WHERE " : " AND ";
        sql += condition;
        for (auto& v : values) parameters.push_back(std::move(v));
    }
    void bind(Statement& st) const {
        for (size_t i = 0; i < parameters.size(); ++i)
            std::visit([&](const auto& v) { st.bind(static_cast<int>(i + 1), v); }, parameters[i]);
    }
};

// A blind reader (db/access.h) filters by their own labels only; conditions on other people's labels or
// on the gold are refused.
WhereClause whereClause(const Database& db, const BrowseFilter& f) {
    const bool blind = isBlind(db);
    if (blind && f.labelField && f.labelSource == LabelSource::Gold) requireFullAccess(db, "filtering by gold labels");
    if (blind && f.annotatorId && *f.annotatorId != readerId(db))
        requireFullAccess(db, "filtering by another annotator's annotations");
    if (blind && f.agreement != BrowseAgreement::Any) requireFullAccess(db, "filtering by agreement");
    WhereClause w;
    if (f.datasetId) w.add("i.dataset_id = ?", {*f.datasetId});
    if (const std::string fts = ftsExpression(f.search); !fts.empty())
        w.add("i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)", {fts});
    // Every condition is "id [NOT] IN (a set from annotations or gold)": SQLite builds the set once from the
    // smaller table and then probes items by rowid, instead of running a subquery per item.
    if (f.labelField) {
        // json_each over a scalar yields the scalar itself, so this matches single and multi fields.
        const char* table = f.labelSource == LabelSource::Gold ? "gold" : "annotations";
        if (blind)
            w.add("i.id IN (SELECT l.item_id FROM annotations l, json_each(l.labels, ?) v WHERE v.value = ?"
                  " AND l.annotator_id = ?)",
                  {jsonKeyPath(*f.labelField), f.labelValue, readerId(db)});
        else
            w.add(std::string("i.id IN (SELECT l.item_id FROM ") + table +
                      " l, json_each(l.labels, ?) v WHERE v.value = ?)",
                  {jsonKeyPath(*f.labelField), f.labelValue});
    }
    if (f.annotatorId) w.add("i.id IN (SELECT item_id FROM annotations WHERE annotator_id = ?)", {*f.annotatorId});
    constexpr const char* kAnnotated = "i.id IN (SELECT item_id FROM annotations)";
    constexpr const char* kDraft = "i.id IN (SELECT item_id FROM annotations WHERE status = 'draft')";
    switch (f.status) {
    case BrowseStatus::Any: break;
    case BrowseStatus::Unannotated: w.add(std::string("NOT ") + kAnnotated); break;
    case BrowseStatus::InProgress: w.add(kDraft); break;
    case BrowseStatus::Done: w.add(std::string(kAnnotated) + " AND NOT " + kDraft); break;
    case BrowseStatus::Gold: w.add("i.id IN (SELECT item_id FROM gold)"); break;
    }
    // labels are stored as nlohmann dumps (sorted keys), so equal label sets have equal text.
    constexpr const char* kDoneGroups = "i.id IN (SELECT item_id FROM annotations WHERE status = 'done' GROUP BY item_id";
    if (f.agreement == BrowseAgreement::Unanimous)
        w.add(std::string(kDoneGroups) + " HAVING count(*) >= 2 AND count(DISTINCT labels) = 1)");
    if (f.agreement == BrowseAgreement::Disputed) w.add(std::string(kDoneGroups) + " HAVING count(DISTINCT labels) >= 2)");
    return w;
}

}  // namespace

std::vector<DatasetEntry> browseDatasets(Database& db) {
    auto st = db.prepare("SELECT id, name FROM datasets ORDER BY name");
    std::vector<DatasetEntry> out;
    while (st.step()) out.push_back({st.columnInt(0), st.columnText(1)});
    return out;
}

std::vector<int64_t> browseItemIds(Database& db, const BrowseFilter& filter) {
    const WhereClause w = whereClause(db, filter);
    // No ORDER BY: SQLite may then scan the small items_dataset index instead of the whole table.
    auto st = db.prepare("SELECT i.id FROM items i" + w.sql);
    w.bind(st);
    std::vector<int64_t> ids;
    while (st.step()) ids.push_back(st.columnInt(0));
    if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<int64_t> browseFirstItemIds(Database& db, const BrowseFilter& filter, int64_t limit) {
    const WhereClause w = whereClause(db, filter);
    auto st = db.prepare("SELECT i.id FROM items i" + w.sql + " ORDER BY i.id LIMIT " + std::to_string(limit));
    w.bind(st);
    std::vector<int64_t> ids;
    while (st.step()) ids.push_back(st.columnInt(0));
    return ids;
}

int64_t countBrowseItems(Database& db, const BrowseFilter& filter) {
    const WhereClause w = whereClause(db, filter);
    auto st = db.prepare("SELECT count(*) FROM items i" + w.sql);
    w.bind(st);
    st.step();
    return st.columnInt(0);
}

std::vector<BrowseRow> browseRows(Database& db, const std::vector<int64_t>& ids) {
    if (ids.empty()) return {};
    auto st = db.prepare(
        "SELECT i.id, i.dataset_id, substr(i.text, 1, ?2), d.name,"
        " (SELECT count(*) FROM annotations a WHERE a.item_id = i.id), g.provenance, i.split"
        " FROM json_each(?1) k JOIN items i ON i.id = k.value JOIN datasets d ON d.id = i.dataset_id"
        " LEFT JOIN gold g ON g.item_id = i.id AND ?3 ORDER BY k.key");
    st.bind(1, nlohmann::json(ids).dump()).bind(2, kPreviewCodePoints).bind(3, isBlind(db) ? 0 : 1);
    std::vector<BrowseRow> rows;
    rows.reserve(ids.size());
    while (st.step())
        rows.push_back({st.columnInt(0), st.columnInt(1), st.columnText(2), st.columnText(3), st.columnInt(4),
                        st.columnOptionalText(5), st.columnOptionalText(6)});
    return rows;
}

}  // namespace srllm::db
