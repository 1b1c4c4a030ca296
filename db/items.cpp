#include "db/items.h"

#include <sstream>

#include "db/database.h"
#include "db/item-identity.h"
#include "db/span-json.h"
#include "db/stored-json.h"

namespace srllm::db {

namespace {

constexpr const char* kItemColumns = "id, uid, dataset_id, external_id, text, metadata, split, spans";

ItemRow readItem(const Statement& st) {
    ItemRow row;
    row.id = st.columnInt(0);
    row.uid = st.columnText(1);
    row.datasetId = st.columnInt(2);
    row.externalId = st.columnOptionalText(3);
    row.text = st.columnText(4);
    const std::string where = "items row " + std::to_string(row.id);
    row.metadata = storedJson(st, 5, "metadata of " + where);
    row.split = st.columnOptionalText(6);
    if (!st.columnIsNull(7)) row.spans = spansFromJson(st, 7, "spans of " + where);
    return row;
}

std::optional<ItemRow> firstItem(Statement& st) {
    if (!st.step()) return std::nullopt;
    return readItem(st);
}

// One WHERE clause for queryItems and countItems: ?1 dataset id or NULL, ?2 FTS5 expression or NULL.
constexpr const char* kQueryFilter =
    " WHERE (?1 IS NULL OR dataset_id = ?1)"
    " AND (?2 IS NULL OR id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?2))";

void bindFilter(Statement& st, const ItemQuery& query) {
    st.bind(1, query.datasetId);
    const std::string expression = ftsExpression(query.search);
    if (expression.empty())
        st.bind(2, std::nullopt);
    else
        st.bind(2, std::string_view(expression));
}

}  // namespace

std::string ftsExpression(const std::string& search) {
    std::istringstream words(search);
    std::string word, expression;
    while (words >> word) {
        const bool prefix = word.size() > 1 && word.back() == '*';
        if (prefix) word.pop_back();
        std::string quoted = "\"";
        for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        quoted += prefix ? "\"*" : "\"";
        expression += (expression.empty() ? "" : " ") + quoted;
    }
    return expression;
}

int64_t ensureDataset(Database& db, const std::string& name) {
    if (auto id = datasetByName(db, name)) return *id;
    auto insert = db.prepare("INSERT INTO datasets(name) VALUES (?1)");
    insert.bind(1, std::string_view(name)).run();
    return db.lastInsertId();
}

std::optional<int64_t> datasetByName(Database& db, const std::string& name) {
    auto st = db.prepare("SELECT id FROM datasets WHERE name = ?1");
    st.bind(1, std::string_view(name));
    if (!st.step()) return std::nullopt;
    return st.columnInt(0);
}

std::optional<ItemRow> itemById(Database& db, int64_t id) {
    auto st = db.prepare(std::string("SELECT ") + kItemColumns + " FROM items WHERE id = ?1");
    st.bind(1, id);
    return firstItem(st);
}

std::optional<ItemRow> itemByUid(Database& db, const std::string& uid) {
    auto st = db.prepare(std::string("SELECT ") + kItemColumns + " FROM items WHERE uid = ?1");
    st.bind(1, std::string_view(uid));
    return firstItem(st);
}

std::optional<ItemRow> itemByExternalId(Database& db, const std::string& externalId) {
    auto st = db.prepare(std::string("SELECT ") + kItemColumns +
                         " FROM items WHERE external_id = ?1 ORDER BY id LIMIT 1");
    st.bind(1, std::string_view(externalId));
    return firstItem(st);
}

std::optional<ItemRow> itemByText(Database& db, const std::string& text) {
    auto st = db.prepare(std::string("SELECT ") + kItemColumns + " FROM items WHERE text_hash = ?1");
    const TextHash hash = textHash(text);
    st.bindBlob(1, hash.data(), static_cast<int64_t>(hash.size()));
    return firstItem(st);
}

std::vector<ItemRow> queryItems(Database& db, const ItemQuery& query) {
    auto st = db.prepare(std::string("SELECT ") + kItemColumns + " FROM items" + kQueryFilter +
                         " ORDER BY id LIMIT ?3 OFFSET ?4");
    bindFilter(st, query);
    st.bind(3, query.limit).bind(4, query.offset);
    std::vector<ItemRow> rows;
    while (st.step()) rows.push_back(readItem(st));
    return rows;
}

int64_t countItems(Database& db, const ItemQuery& query) {
    auto st = db.prepare(std::string("SELECT count(*) FROM items") + kQueryFilter);
    bindFilter(st, query);
    st.step();
    return st.columnInt(0);
}

void setItemSplit(Database& db, int64_t itemId, const std::optional<std::string>& split) {
    auto st = db.prepare("UPDATE items SET split = ?2 WHERE id = ?1");
    st.bind(1, itemId).bind(2, split).run();
    if (db.changes() == 0) throw DbError(db.path() + ": no item with id " + std::to_string(itemId));
}

}  // namespace srllm::db
