#pragma once
// Datasets and items: the texts that annotators label. Items are immutable once imported, except for
// their split; each has a stable random `uid` that survives copies and packages.
// Threading: like Database, call from the thread that owns the connection.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/import-record.h"

namespace srllm::db {

class Database;

struct ItemRow {
    int64_t id = 0;
    std::string uid;  // 32 lowercase hex digits (128 random bits)
    int64_t datasetId = 0;
    std::optional<std::string> externalId;
    std::string text;
    nlohmann::json metadata = nlohmann::json::object();
    std::optional<std::string> split;  // "train" | "val" | "test"
    std::vector<core::Span> spans;     // spans that came with the source file (e.g. biased words)
};

struct ItemQuery {
    std::optional<int64_t> datasetId{};
    std::string search{};  // words that must all occur (FTS5); a trailing '*' makes a word a prefix
    int64_t offset = 0, limit = 100;
};

// Returns the id of the dataset with this name, creating it when absent.
int64_t ensureDataset(Database& db, const std::string& name);
std::optional<int64_t> datasetByName(Database& db, const std::string& name);

std::optional<ItemRow> itemById(Database& db, int64_t id);
std::optional<ItemRow> itemByUid(Database& db, const std::string& uid);
// The first item (lowest id) with this external id; ids are unique per source file, not per project.
std::optional<ItemRow> itemByExternalId(Database& db, const std::string& externalId);
// Matches the exact text through its content hash.
std::optional<ItemRow> itemByText(Database& db, const std::string& text);

// Items in id order, filtered by dataset and full-text search, paged by offset/limit.
std::vector<ItemRow> queryItems(Database& db, const ItemQuery& query);
// The number of items queryItems would return without offset/limit.
int64_t countItems(Database& db, const ItemQuery& query);

// The FTS5 MATCH expression for ItemQuery::search: every word quoted so user input never hits FTS5
// syntax errors, a trailing '*' kept as a prefix query; empty when the search has no words.
std::string ftsExpression(const std::string& search);

// Sets or clears (nullopt) an item's split; throws DbError for a value other than train|val|test.
void setItemSplit(Database& db, int64_t itemId, const std::optional<std::string>& split);

}  // namespace srllm::db
