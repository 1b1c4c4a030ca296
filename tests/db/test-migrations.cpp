// db/migrations: versions, the refusal of newer files, and the backup taken before migrating.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/migrations.h"
#include "db/project.h"
#include "db/schema-v1.h"
#include "db/schema-v2.h"
#include "support/db-query.h"
#include "support/old-project.h"
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
    EXPECT_GE(db::latestSchemaVersion(), 4);
    EXPECT_EQ(db::userVersion(project->db()), db::latestSchemaVersion());
    for (const char* table : {"datasets", "items", "items_fts", "taxonomies", "annotators", "assignments",
                              "annotations", "gold", "reference_rewrites", "snapshots", "snapshot_items", "jobs",
                              "runs", "checkpoints", "generations", "metric_values", "reviews", "snapshot_gold",
                              "snapshot_references", "project_settings", "suggestions", "suggestion_views"}) {
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
    EXPECT_GE(tableCount(project->db()), 22);
}

TEST(Migrations, VersionOneProjectUpgradesToTheLatestKeepingEveryRow) {  // #11
    // The fixture is a version-1 file made from the frozen step-1 SQL, as a released build wrote it.
    test::ScratchDir dir;
    const std::string path = dir / "v1.srllm";
    {
        db::Database v1(path, db::Database::Mode::Create);
        v1.exec(db::schemaV1Sql());
        v1.exec("PRAGMA application_id=" + std::to_string(db::kApplicationId) + "; PRAGMA user_version=1");
        v1.exec(R"sql(
INSERT INTO taxonomies(version, json) VALUES (1, '{"fields": []}');
INSERT INTO datasets(name) VALUES ('d');
INSERT INTO items(uid, dataset_id, text, text_hash) VALUES (printf('%032d', 1), 1, 'x', zeroblob(32));
INSERT INTO annotators(name) VALUES ('ana');
INSERT INTO assignments(item_id, annotator_id) VALUES (1, 1);
INSERT INTO annotations(item_id, annotator_id, taxonomy_version, labels, status) VALUES (1, 1, 1, '{"bias": "Yes"}', 'done');
)sql");
    }
    auto project = db::Project::open(path);
    auto& d = project->db();
    EXPECT_EQ(db::userVersion(d), db::latestSchemaVersion());
    EXPECT_TRUE(std::filesystem::exists(path + ".bak-v1"));
    EXPECT_EQ(test::queryText(d, "SELECT reason FROM assignments"), "assigned");
    EXPECT_EQ(test::queryInt(d, "SELECT review_reason IS NULL AND pasted_chars = 0 FROM annotations"), 1);
    EXPECT_EQ(test::queryText(d, "SELECT labels FROM annotations"), R"({"bias": "Yes"})");
    d.exec("INSERT INTO annotators(name) VALUES ('ben')");
    EXPECT_THROW(d.exec("INSERT INTO assignments(item_id, annotator_id, reason) VALUES (1, 2, 'whim')"), db::DbError);
    d.exec("INSERT INTO assignments(item_id, annotator_id, reason) VALUES (1, 2, 'expert')");
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

// #9: a version-2 project with a metric value upgrades to v3: the value kept (no scorer, its version),
// a backup taken, and generation runs usable.
TEST(Migrations, VersionTwoProjectUpgradesToGenerationRuns) {
    test::ScratchDir dir;
    const std::string path = dir / "v2.srllm";
    test::makeVersionTwoProject(path, "INSERT INTO datasets(name) VALUES ('d');"
                                      "INSERT INTO metric_values(subject_kind, subject_id, metric, metric_version, value, details)"
                                      " VALUES ('item', 7, 'flesch', 2, 88.5, '{\"n\":1}');"
                                      "INSERT INTO generations(model, prompt, output) VALUES ('/m', 'p', 'o');");
    auto project = db::Project::open(path);
    db::Database& db = project->db();
    EXPECT_EQ(db::userVersion(db), db::latestSchemaVersion());
    EXPECT_TRUE(std::filesystem::exists(path + ".bak-v2"));
    EXPECT_EQ(test::queryText(db, "SELECT subject_kind || ' ' || subject_id || ' ' || metric || ' ' || metric_version"
                                  " || ' ' || value || ' ' || details || ' [' || scorer_hash || ']' FROM metric_values"),
              "item 7 flesch 2 88.5 {\"n\":1} []");
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM generations WHERE generation_run_id IS NULL AND position IS NULL"), 1);
    db.exec("INSERT INTO generation_runs(name, kind, test_set, test_set_hash, item_count)"
            " VALUES ('original', 'original', 'split:test', '" + std::string(64, 'c') + "', 1)");
    db.exec("INSERT INTO metric_values(subject_kind, subject_id, metric, scorer_hash, value)"
            " VALUES ('generation_run', 1, 'toxic-percent', '" + std::string(64, 'd') + "', NULL)");
    EXPECT_THROW(db.exec("INSERT INTO metric_values(subject_kind, subject_id, metric, scorer_hash, value)"
                         " VALUES ('generation_run', 1, 'toxic-percent', 'short', 1)"), db::DbError);
    EXPECT_THROW(db.exec("INSERT INTO generation_runs(name, kind, test_set, test_set_hash, item_count)"
                         " VALUES ('m', 'model', 'split:test', '" + std::string(64, 'c') + "', 1)"), db::DbError)
        << "a model run without its base model";
    EXPECT_EQ(test::queryInt(db, "PRAGMA foreign_keys"), 1);
}
