#include "db/project-stats.h"

#include <string>
#include <utility>

#include "db/database.h"
#include "db/migrations.h"

namespace srllm::db {

nlohmann::json projectStats(Database& db) {
    static constexpr std::pair<const char*, const char*> kCounts[] = {
        {"items", "SELECT count(*) FROM items"},
        {"datasets", "SELECT count(*) FROM datasets"},
        {"annotations", "SELECT count(*) FROM annotations"},
        {"annotators", "SELECT count(*) FROM annotators"},
        {"gold", "SELECT count(*) FROM gold"},
        {"references", "SELECT count(*) FROM reference_rewrites"},
        {"snapshots", "SELECT count(*) FROM snapshots"},
        {"taxonomy_version", "SELECT coalesce(max(version), 0) FROM taxonomies"},
    };
    // One statement reads one snapshot of the file, so the counts agree while another process writes.
    std::string sql = "SELECT ";
    for (const auto& [key, count] : kCounts) sql += std::string(sql.size() > 7 ? ", (" : "(") + count + ")";
    auto st = db.prepare(sql);
    st.step();
    nlohmann::json stats = nlohmann::json::object();
    int column = 0;
    for (const auto& [key, count] : kCounts) stats[key] = st.columnInt(column++);
    stats["schema_version"] = userVersion(db);
    return stats;
}

}  // namespace srllm::db
