#pragma once
// Project-wide settings a lead sets once for the whole team (stored in the project, so the GUI, the CLI
// and every annotator's copy agree): JSON values under string keys. Threading: like Database.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace srllm::db {

class Database;

std::optional<nlohmann::json> projectSetting(Database& db, const std::string& key);
// Inserts or replaces; needs full access (db/access.h).
void setProjectSetting(Database& db, const std::string& key, const nlohmann::json& value);

}  // namespace srllm::db
