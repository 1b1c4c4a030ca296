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

// Inserts or replaces the gold row of the item.
void saveGold(Database& db, const GoldRow& row);
std::optional<GoldRow> goldFor(Database& db, int64_t itemId);
std::vector<GoldRow> allGold(Database& db);  // by item id

}  // namespace srllm::db
