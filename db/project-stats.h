#pragma once
// Counts that summarise a project (for `srllm stats` and the GUI's project overview).
#include <nlohmann/json.hpp>

namespace srllm::db {

class Database;

// {"items", "datasets", "annotations", "annotators", "gold", "references", "snapshots",
//  "taxonomy_version", "schema_version"}: all integers.
nlohmann::json projectStats(Database& db);

}  // namespace srllm::db
