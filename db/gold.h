#pragma once
// Gold labels: the one decided label set per item, and where it came from.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/import-record.h"

namespace srllm::db {

class Database;

struct GoldRow {
    int64_t itemId = 0;
    nlohmann::json labels = nlohmann::json::object();
    std::vector<core::Span> spans{};
    std::optional<std::string> rewrite{};
    std::string provenance;  // "unanimous" | "majority" | "expert" | "import"
    std::optional<int64_t> decidedBy{};  // the expert's annotator id; required when provenance is "expert"
    int taxonomyVersion = 1;
};

// Inserts or replaces the gold row of the item; AccessDenied for a blind reader (db/access.h).
void saveGold(Database& db, const GoldRow& row);
// AccessDenied for a blind reader unless mayReadOthersOn(itemId).
std::optional<GoldRow> goldFor(Database& db, int64_t itemId);
std::vector<GoldRow> allGold(Database& db);  // by item id; AccessDenied for a blind reader

// Store-internal, without the reader check: gold behind figures that show no single label (agreement
// with gold). Views never call it.
std::vector<GoldRow> goldForFigures(Database& db);  // by item id

}  // namespace srllm::db
