#include "db/project-settings.h"

#include "db/access.h"
#include "db/database.h"
#include "db/stored-json.h"

namespace srllm::db {

std::optional<nlohmann::json> projectSetting(Database& db, const std::string& key) {
    auto st = db.prepare("SELECT value FROM project_settings WHERE key = ?1");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return storedJson(st, 0, "a project setting");
}

void setProjectSetting(Database& db, const std::string& key, const nlohmann::json& value) {
    requireFullAccess(db, "changing project settings");
    db.prepare("INSERT INTO project_settings(key, value) VALUES (?1, ?2)"
               " ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, key).bind(2, value.dump()).run();
}

}  // namespace srllm::db
