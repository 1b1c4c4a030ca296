// #10: schema v5 adds the review tables; an older project upgrades with its rows kept, and the tables refuse
// judgements without an assignment and scores outside 1..5.
#include <filesystem>

#include <gtest/gtest.h>

#include "db/migrations.h"
#include "db/project.h"
#include "db/schema-v1.h"
#include "db/schema-v2.h"
#include "support/db-query.h"
#include "support/old-project.h"
#include "support/test-data.h"

using namespace srllm;

TEST(SchemaV5, VersionTwoProjectUpgradesToReviewTables) {
    test::ScratchDir dir;
    const std::string path = dir / "v2.srllm";
    test::makeVersionTwoProject(path, "INSERT INTO taxonomies(version, json) VALUES (1, '{}');"
                                      "INSERT INTO annotators(name, role) VALUES ('rita', 'reviewer');");
    auto project = db::Project::open(path);
    db::Database& db = project->db();
    EXPECT_EQ(db::userVersion(db), db::latestSchemaVersion());
    EXPECT_TRUE(std::filesystem::exists(path + ".bak-v2"));
    EXPECT_EQ(test::queryText(db, "SELECT name FROM annotators"), "rita");
    for (const char* table : {"review_sessions", "review_session_runs", "review_comparisons", "review_assignments",
                              "review_judgements"})
        EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '" +
                                         std::string(table) + "'"), 1) << table;
    db.exec("INSERT INTO review_sessions(name, item_count, reviewers_per_item, seed) VALUES ('s', 1, 1, 1)");
    EXPECT_THROW(db.exec("INSERT INTO review_sessions(name, item_count, reviewers_per_item, seed) VALUES ('t', 1, 0, 1)"),
                 db::DbError);
    // Foreign keys: no judgement without an assignment.
    EXPECT_THROW(db.exec("INSERT INTO review_judgements(comparison_id, reviewer_id, verdict) VALUES (1, 1, 'a')"),
                 db::DbError);
}
