// db/migrations: versions, the refusal of newer files, and the backup taken before migrating.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/migrations.h"
#include "db/project.h"
#include "db/schema-v1.h"
#include "support/db-query.h"
#include "support/test-data.h"

using namespace srllm;
using testing::HasSubstr;

namespace {

int64_t tableCount(db::Database& db) {
    return test::queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
}

}  // namespace

TEST(Migrations, LatestVersionHasEveryTableOfTheContract) {
    test::ScratchDir dir;
    auto project = db::Project::create(dir / "p.srllm");
    EXPECT_GE(db::latestSchemaVersion(), 2);
    EXPECT_EQ(db::userVersion(project->db()), db::latestSchemaVersion());
    for (const char* table : {"datasets", "items", "items_fts", "taxonomies", "annotators", "assignments",
                              "annotations", "gold", "reference_rewrites", "snapshots", "snapshot_items", "jobs",
                              "runs", "checkpoints", "generations", "metric_values", "reviews", "snapshot_gold",
                              "snapshot_references"}) {
        auto st = project->db().prepare("SELECT count(*) FROM sqlite_schema WHERE name = ?1");
        st.bind(1, table).step();
        EXPECT_EQ(st.columnInt(0), 1) << table;
    }
}

TEST(Migrations, NewerSchemaIsRefusedAndLeftUnchanged) {
    test::ScratchDir dir;
    const std::string path = dir / "future.srllm";
    db::Project::create(path)->db().exec("PRAGMA user_version=7");
    try {
        db::Project::open(path);
        FAIL() << "a file from a newer workbench was opened";
    } catch (const db::DbError& e) {
        EXPECT_THAT(e.what(), HasSubstr(path + " was written by a newer SR-LLM Workbench (schema version 7, this "
                                               "build knows up to " + std::to_string(db::latestSchemaVersion()) + ")"));
    }
    db::Database raw(path, db::Database::Mode::ReadOnly);
    EXPECT_EQ(db::userVersion(raw), 7);
}

TEST(Migrations, MigratingIsIdempotentAtTheLatestVersion) {
    test::ScratchDir dir;
    auto project = db::Project::create(dir / "p.srllm");
    const int64_t tables = tableCount(project->db());
    db::migrate(project->db());
    EXPECT_EQ(tableCount(project->db()), tables);
    EXPECT_FALSE(std::filesystem::exists(dir / "p.srllm.bak-v1")) << "backup taken without a migration";
}

TEST(Migrations, VersionZeroFileOfOursGetsTheSchema) {
    // A creation interrupted before step 1 committed: our application_id, no tables yet.
    test::ScratchDir dir;
    const std::string path = dir / "half.srllm";
    db::Database(path, db::Database::Mode::Create).exec("PRAGMA application_id=" + std::to_string(db::kApplicationId));
    auto project = db::Project::open(path);
    EXPECT_EQ(db::userVersion(project->db()), db::latestSchemaVersion());
    EXPECT_GE(tableCount(project->db()), 17);
}

TEST(Database, BackupCopiesEveryRow) {
    test::ScratchDir dir;
    const std::string path = dir / "a.db", copy = dir / "a.db.bak-v1";
    db::Database db(path, db::Database::Mode::Create);
    db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1), (2), (3); PRAGMA user_version=5");
    db.backupTo(copy);
    db::Database restored(copy, db::Database::Mode::ReadOnly);
    auto st = restored.prepare("SELECT group_concat(x) FROM t");
    st.step();
    EXPECT_EQ(st.columnText(0), "1,2,3");
    EXPECT_EQ(db::userVersion(restored), 5);
}

// #8: a version-1 project (the v1 jobs table, a run pointing at a job, a snapshot) upgrades to v2 with its
// rows kept, a backup taken, and the queue's new statuses and columns usable.
TEST(Migrations, VersionOneProjectUpgradesToTheJobQueue) {
    test::ScratchDir dir;
    const std::string path = dir / "v1.srllm";
    {
        db::Database v1(path, db::Database::Mode::Create);
        v1.exec(db::schemaV1Sql());
        v1.exec("PRAGMA application_id=" + std::to_string(db::kApplicationId) + "; PRAGMA user_version=1;"
                "INSERT INTO taxonomies(version, json) VALUES (1, '{}');"
                "INSERT INTO datasets(name) VALUES ('d');"
                "INSERT INTO snapshots(name, item_count, content_hash) VALUES ('old', 0, '" + std::string(64, 'a') + "');"
                "INSERT INTO jobs(kind, status, config, snapshot_id) VALUES ('train', 'done', '{\"r\":8}', 1);"
                "INSERT INTO runs(job_id, base_model) VALUES (1, '/m');");
    }
    auto project = db::Project::open(path);
    db::Database& db = project->db();
    EXPECT_EQ(db::userVersion(db), db::latestSchemaVersion());
    EXPECT_TRUE(std::filesystem::exists(path + ".bak-v1"));
    EXPECT_EQ(test::queryText(db, "SELECT status || ' ' || config || ' ' || snapshot_id || ' ' || device FROM jobs"),
              "done {\"r\":8} 1 auto");
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM runs r JOIN jobs j ON j.id = r.job_id"), 1);
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM snapshots WHERE gold_hash IS NULL AND gold_count = 0"), 1);
    db.exec("INSERT INTO jobs(status, dir, device) VALUES ('cancelling', '/j', 'cpu')");
    EXPECT_THROW(db.exec("INSERT INTO jobs(status, dir) VALUES ('paused', '/k')"), db::DbError);
    EXPECT_THROW(db.exec("INSERT INTO jobs(dir) VALUES ('/j')"), db::DbError);  // one row per folder
    EXPECT_EQ(test::queryInt(db, "PRAGMA foreign_keys"), 1);
}
