// db/database under concurrent writers: two processes, one project, many small transactions.
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "db/annotations.h"
#include "db/annotators.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "support/db-query.h"
#include "support/test-data.h"
#include "support/vector-item-reader.h"

using namespace srllm;

namespace {

constexpr int kPerProcess = 150;

// Each child opens its own connection, imports kPerProcess one-item files and labels kPerProcess shared
// items as its own annotator: every write is its own transaction, interleaved with the other child's.
int writer(const std::string& path, int child) {
    try {
        auto project = db::Project::open(path);
        auto& db = project->db();
        const int64_t annotator = db::ensureAnnotator(db, "child-" + std::to_string(child));
        for (int i = 0; i < kPerProcess; ++i) {
            test::VectorItemReader reader(test::numberedRecords(1000 * (child + 1) + i, 1));
            if (db::importItems(*project, reader, "child-" + std::to_string(child), nullptr).items != 1) return 2;
            db::AnnotationRow row;
            row.itemId = db::itemByText(db, "text " + std::to_string(i))->id;
            row.annotatorId = annotator;
            row.labels = {{"bias", i % 2 ? "Yes" : "No"}};
            db::saveAnnotation(db, row);
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "child %d: %s\n", child, e.what());
        return 1;
    }
}

}  // namespace

TEST(Database, TwoProcessesWritingOneProjectLoseNothing) {
    test::ScratchDir dir;
    const std::string path = dir / "shared.srllm";
    {
        auto project = db::Project::create(path);
        test::VectorItemReader reader(test::numberedRecords(0, kPerProcess));
        db::importItems(*project, reader, "shared", nullptr);
    }  // closed before fork(): a SQLite connection must not cross into a child
    pid_t children[2];
    for (int child = 0; child < 2; ++child) {
        children[child] = fork();
        ASSERT_GE(children[child], 0);
        if (children[child] == 0) _exit(writer(path, child));
    }
    for (pid_t pid : children) {
        int status = 0;
        ASSERT_EQ(waitpid(pid, &status, 0), pid);
        ASSERT_TRUE(WIFEXITED(status));
        EXPECT_EQ(WEXITSTATUS(status), 0);
    }
    auto project = db::Project::open(path);
    auto& db = project->db();
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM items"), 3 * kPerProcess);
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM annotations"), 2 * kPerProcess);
    EXPECT_EQ(test::queryInt(db, "SELECT count(DISTINCT item_id) FROM annotations"), kPerProcess);
    auto check = db.prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.columnText(0), "ok");
    db.exec("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)");
}

// #12: a connection keeps compiled statements for the next prepare of the same SQL. Reuse must not be seen:
// no binding, position or lock carries over, and what changed in the schema meanwhile is compiled in.
TEST(Database, AReusedStatementStartsWithoutBindingsOrRows) {
    test::ScratchDir dir;
    db::Database db(dir / "plain.db", db::Database::Mode::Create);
    db.exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3)");
    {
        auto st = db.prepare("SELECT ?1, x FROM t ORDER BY x");
        st.bind(1, 42);
        ASSERT_TRUE(st.step());
        EXPECT_EQ(st.columnInt(1), 1);
    }  // handed back mid-iteration, with a binding
    auto again = db.prepare("SELECT ?1, x FROM t ORDER BY x");
    ASSERT_TRUE(again.step());
    EXPECT_TRUE(again.columnIsNull(0));
    EXPECT_EQ(again.columnInt(1), 1);
    // The same SQL twice at once: two statements, each with its own position.
    auto nested = db.prepare("SELECT ?1, x FROM t ORDER BY x");
    ASSERT_TRUE(nested.step() && nested.step());
    EXPECT_EQ(nested.columnInt(1), 2);
    ASSERT_TRUE(again.step());
    EXPECT_EQ(again.columnInt(1), 2);
}

TEST(Database, AStatementHandedBackMidReadBlocksNeitherSchemaChangesNorWriters) {
    test::ScratchDir dir;
    db::Database db(dir / "plain.db", db::Database::Mode::Create);
    db.exec("CREATE TABLE t(x INTEGER); CREATE INDEX t_x ON t(x); INSERT INTO t VALUES (1), (2)");
    {
        auto st = db.prepare("SELECT * FROM t");
        ASSERT_TRUE(st.step());
    }
    db.exec("DROP INDEX t_x; ALTER TABLE t ADD COLUMN y TEXT DEFAULT 'new'");  // SQLITE_LOCKED if still reading
    db::Database other(dir / "plain.db", db::Database::Mode::ReadWrite);
    other.exec("INSERT INTO t(x) VALUES (3)");  // SQLITE_BUSY if the first connection held its read lock
    auto st = db.prepare("SELECT * FROM t");  // compiled before ALTER TABLE: now has the new column
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.columnText(1), "new");
    int rows = 1;
    while (st.step()) ++rows;
    EXPECT_EQ(rows, 3);
}

TEST(Database, AFailedStatementIsNotReusedInItsFailedState) {
    test::ScratchDir dir;
    db::Database db(dir / "plain.db", db::Database::Mode::Create);
    db.exec("CREATE TABLE t(x INTEGER UNIQUE)");
    const std::string insert = "INSERT INTO t VALUES (?1)";
    db.prepare(insert).bind(1, 1).run();
    EXPECT_THROW(db.prepare(insert).bind(1, 1).run(), db::DbError);
    db.prepare(insert).bind(1, 2).run();
    EXPECT_EQ(test::queryInt(db, "SELECT sum(x) FROM t"), 3);
}
