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
