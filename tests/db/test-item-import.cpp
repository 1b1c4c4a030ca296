// db/item-import: all-or-nothing imports, duplicates, references, spans and metadata.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/data/jsonl-items.h"
#include "db/database.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project-stats.h"
#include "db/project.h"
#include "db/references.h"
#include "support/db-query.h"
#include "support/test-data.h"
#include "support/vector-item-reader.h"

using namespace srllm;
using testing::HasSubstr;

namespace {

struct ImportFixture : testing::Test {
    test::ScratchDir dir;
    std::string path = dir / "p.srllm";
    std::unique_ptr<db::Project> project = db::Project::create(path);

    db::ImportReport import(std::vector<core::ItemImportRecord> records, const std::string& dataset = "d") {
        test::VectorItemReader reader(std::move(records));
        return db::importItems(*project, reader, dataset, nullptr);
    }

    // Every table's content as the sqlite3 shell dumps it: an independent view of the whole file.
    std::string dump() {
        FILE* pipe = popen(("sqlite3 -readonly '" + path + "' .dump").c_str(), "r");
        std::string text;
        char buffer[4096];
        for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, n);
        EXPECT_EQ(pclose(pipe), 0);
        return text;
    }
};

// `count` JSONL records of about 430 bytes each, so 10,000 pass the 4 MiB above which an import may leave WAL.
std::string writeLongTexts(const test::ScratchDir& dir, int count) {
    const std::string path = dir / "long.jsonl";
    std::ofstream out(path);
    std::string filler;
    while (filler.size() < 400) filler += " and the quick brown fox jumps over the lazy dog";
    for (int i = 0; i < count; ++i) out << R"({"text": "long text )" << i << filler << "\"}\n";
    return path;
}

core::ItemImportRecord record(int64_t line, std::string text) {
    core::ItemImportRecord r;
    r.line = line;
    r.text = std::move(text);
    return r;
}

}  // namespace

TEST_F(ImportFixture, ReaderFailingMidwayLeavesTheProjectAsItWas) {
    import(test::numberedRecords(0, 10), "first");
    const auto statsBefore = db::projectStats(project->db());
    const std::string dumpBefore = dump();
    ASSERT_THAT(dumpBefore, HasSubstr("text 9"));

    auto records = test::numberedRecords(10, 5000);
    records[3].references = {"a rewrite"};
    test::VectorItemReader reader(std::move(records), 4500);
    EXPECT_THROW(db::importItems(*project, reader, "second", nullptr), core::InputError);

    EXPECT_EQ(db::projectStats(project->db()), statsBefore);
    EXPECT_EQ(dump(), dumpBefore);
}

TEST_F(ImportFixture, CancelFromProgressRollsBack) {
    int calls = 0;
    test::VectorItemReader reader(test::numberedRecords(0, 10000));
    EXPECT_THROW(db::importItems(*project, reader, "d", [&](int64_t, int64_t) { return ++calls < 2; }),
                 core::InputError);
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(db::projectStats(project->db())["items"], 0);
    EXPECT_EQ(db::projectStats(project->db())["datasets"], 0);
}

TEST_F(ImportFixture, DuplicatesInTheFileAndInTheProjectAreSkippedAndCounted) {
    import({record(2, "same"), record(3, "other")});
    const auto report = import({record(2, "new"), record(3, "same"), record(4, "new"), record(5, "Same")});
    EXPECT_EQ(report.items, 2);  // "new" and "Same": the hash is case-sensitive
    EXPECT_EQ(report.duplicates, 2);
    ASSERT_EQ(report.warnings.size(), 2u);
    EXPECT_EQ(report.warnings[0].line, 3);
    EXPECT_THAT(report.warnings[0].message, HasSubstr("already in the project"));
    EXPECT_EQ(report.warnings[1].line, 4);
    EXPECT_THAT(report.warnings[1].message, HasSubstr("earlier record of this file"));
    EXPECT_EQ(db::countItems(project->db(), {}), 4);
}

TEST_F(ImportFixture, StoresReferencesSpansMetadataSplitAndExternalId) {
    auto r = record(7, "Old people can't use phones");
    r.externalId = "row-7";
    r.metadata = {{"dimension", "age"}, {"severity", 2}};
    r.split = "test";
    r.references = {"Some people find phones hard", "Phones can be hard to use"};
    r.spans = {{0, 3}, {4, 10}};
    const auto report = import({r});
    EXPECT_EQ(report.items, 1);
    EXPECT_EQ(report.references, 2);
    const auto item = db::itemByExternalId(project->db(), "row-7");
    ASSERT_TRUE(item);
    EXPECT_EQ(item->text, r.text);
    EXPECT_EQ(item->metadata, r.metadata);
    EXPECT_EQ(item->split, "test");
    ASSERT_EQ(item->spans.size(), 2u);
    EXPECT_EQ(item->spans[1].start, 4);
    EXPECT_EQ(item->spans[1].end, 10);
    EXPECT_EQ(db::referencesFor(project->db(), item->id), r.references);
}

TEST_F(ImportFixture, BadSplitOrSpanNamesTheLineAndField) {
    auto bad = record(9, "héllo");  // 5 code points, 6 bytes
    bad.spans = {{0, 6}};
    try {
        import({record(2, "fine"), bad});
        FAIL() << "span past the end accepted";
    } catch (const core::InputError& e) {
        EXPECT_EQ(e.diagnostic().line, 9);
        EXPECT_EQ(e.diagnostic().field, "spans");
    }
    bad.spans = {{0, 5}};
    bad.split = "dev";
    try {
        import({bad});
        FAIL() << "unknown split accepted";
    } catch (const core::InputError& e) {
        EXPECT_EQ(e.diagnostic().field, "split");
    }
    EXPECT_EQ(db::countItems(project->db(), {}), 0);
}

TEST_F(ImportFixture, TheSchemasChecksHoldAgainAfterAnImport) {
    // The import sets CHECK constraints aside for its own statements (it guarantees them itself); after it,
    // whether it committed or failed, the same connection must refuse a row that breaks one.
    const auto insertBadSplit = [this] {
        project->db().exec("INSERT INTO items(uid, dataset_id, text, text_hash, split) SELECT"
                           " '0123456789abcdef0123456789abcdef', id, 'x', zeroblob(32), 'dev' FROM datasets LIMIT 1");
    };
    import({record(2, "fine")});
    EXPECT_THROW(insertBadSplit(), db::DbError);
    auto bad = record(3, "other");
    bad.split = "dev";
    EXPECT_THROW(import({bad}), core::InputError);
    EXPECT_THROW(insertBadSplit(), db::DbError);
    EXPECT_EQ(db::countItems(project->db(), {}), 1);
}

TEST_F(ImportFixture, EmptyTextIsSkippedWithAWarning) {
    const auto report = import({record(2, ""), record(3, "x")});
    EXPECT_EQ(report.items, 1);
    ASSERT_EQ(report.warnings.size(), 1u);
    EXPECT_EQ(report.warnings[0].line, 2);
}

TEST_F(ImportFixture, LargeImportRebuildsIndexesAndFindsEveryDuplicate) {
    // 30,000 records pass the bulk threshold (20,000): indexes and the FTS trigger are dropped mid-way
    // and rebuilt, so duplicates on both sides of the switch must still be caught.
    import(test::numberedRecords(0, 100), "first");
    auto records = test::numberedRecords(50, 30000);  // 50..99 are already in the project
    records.push_back(records[25000]);               // a duplicate inside the bulk phase
    records.push_back(records[10]);                   // a duplicate of a record from before the switch
    const auto report = import(std::move(records), "second");
    EXPECT_EQ(report.items, 30000 - 50);
    EXPECT_EQ(report.duplicates, 52);
    auto& db = project->db();
    EXPECT_EQ(db::countItems(db, {}), 30050);
    EXPECT_EQ(db::countItems(db, {.search = "29999"}), 1);
    EXPECT_EQ(db::countItems(db, {.search = "text"}), 30050);
    db.exec("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)");
    auto indexes = db.prepare(
        "SELECT count(*) FROM sqlite_schema WHERE name IN ('items_uid', 'items_text_hash', 'items_fts_insert')");
    indexes.step();
    EXPECT_EQ(indexes.columnInt(0), 3);
    EXPECT_EQ(test::queryText(db, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(db::itemByText(db, "text 20000")->text, "text 20000");  // the rebuilt hash index answers
}

// Bulk mode inserts 64 rows per statement: each row must keep its own values, its place in the file (ids ascend
// as the records do), its references and spans, and a duplicate of a row not yet inserted must still name it.
// Bulk mode starts at record 20,000: two full statements, the duplicate, two more, then the rest one by one.
TEST_F(ImportFixture, BatchedRowsKeepTheirOwnValuesOrderAndReferences) {
    auto records = test::numberedRecords(0, 20300);  // the bulk threshold is 20,000: 300 records in bulk mode
    for (auto& r : records) {
        r.references = {"benign " + r.text};
        r.externalId = "x" + std::to_string(r.line);
        r.spans = {{0, 4}};
        r.split = r.line % 2 ? "train" : "test";
    }
    records.insert(records.begin() + 20151, records[20150]);  // repeats the row just before it, still batched
    records[20151].line = 99999;
    const auto report = import(std::move(records));
    EXPECT_EQ(report.items, 20300);
    EXPECT_EQ(report.references, 20300);
    EXPECT_EQ(report.duplicates, 1);
    auto& db = project->db();
    // Every row's columns agree with its own record (text i, line i + 2), whatever statement carried it.
    EXPECT_EQ(test::queryText(db, "SELECT count(*) FROM items WHERE id = CAST(substr(text, 6) AS INTEGER) + 1"
                                  " AND external_id = 'x' || (id + 1) AND split = iif((id + 1) % 2, 'train', 'test')"
                                  " AND spans IS NOT NULL AND length(uid) = 32"),
              "20300");
    EXPECT_EQ(test::queryText(db, "SELECT count(*) FROM reference_rewrites r JOIN items i ON i.id = r.item_id"
                                  " WHERE r.text = 'benign ' || i.text"),
              "20300");
    EXPECT_EQ(test::queryText(db, "SELECT count(DISTINCT uid) FROM items"), "20300");
    ASSERT_EQ(report.warnings.size(), 1u);
    EXPECT_EQ(report.warnings[0].line, 99999);
    EXPECT_EQ(report.warnings[0].message, "duplicate text skipped: same as an earlier record of this file (item " +
                                              test::queryText(db, "SELECT uid FROM items WHERE text = 'text 20150'") +
                                              ")");
    EXPECT_EQ(test::queryText(db, "PRAGMA integrity_check"), "ok");
}

// A row SQLite refuses inside a batch is named by its own line, and nothing of the import is kept.
TEST_F(ImportFixture, ARowRefusedInsideABatchIsNamedByItsLine) {
    import({record(2, "kept")}, "first");
    project->db().exec("CREATE TRIGGER refuse BEFORE INSERT ON items WHEN new.text = 'text 20030'"
                       " BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END");
    try {
        import(test::numberedRecords(0, 20100));
        FAIL() << "the refused row was let in";
    } catch (const db::DbError& e) {
        EXPECT_THAT(e.what(), HasSubstr("line 20032: "));
        EXPECT_THAT(e.what(), HasSubstr("refused by a trigger"));
    }
    EXPECT_EQ(test::queryText(project->db(), "SELECT group_concat(text) FROM items"), "kept");
}

// Alone on the project, a large import writes each page once through a rollback journal instead of twice
// through the WAL, and hands the project back in WAL for the GUI.
TEST_F(ImportFixture, ALargeImportAloneGoesThroughARollbackJournalAndLeavesTheProjectInWal) {
    import(test::numberedRecords(0, 10), "first");
    core::JsonlItemReader reader(writeLongTexts(dir, 10000));
    ASSERT_GE(reader.bytesTotal(), 4 << 20);
    bool journal = false, wal = false;
    std::string openedElsewhere;
    const auto report = db::importItems(*project, reader, "long", [&](int64_t, int64_t) {
        journal = journal || std::filesystem::exists(path + "-journal");
        wal = wal || std::filesystem::exists(path + "-wal");
        if (!openedElsewhere.empty()) return true;
        try {
            db::Project::open(path);  // the GUI, opened meanwhile
            openedElsewhere = "opened";
        } catch (const db::DbError& e) {
            openedElsewhere = e.what();
        }
        return true;
    });
    EXPECT_EQ(report.items, 10000);
    EXPECT_TRUE(journal);
    EXPECT_FALSE(wal);
    EXPECT_EQ(openedElsewhere, path + ": another program is importing into it (a large import writes without WAL until "
                                      "it ends); open it again when that import has finished");
    EXPECT_FALSE(std::filesystem::exists(path + "-journal"));
    db::Database other(path, db::Database::Mode::ReadOnly);
    EXPECT_EQ(test::queryText(other, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(test::queryText(other, "SELECT count(*) FROM items"), "10010");
    EXPECT_THAT(test::queryText(other, "SELECT text FROM items WHERE id = 10010"),
                testing::StartsWith("long text 9999 and the quick brown fox"));
    EXPECT_EQ(test::queryText(other, "PRAGMA integrity_check"), "ok");
}

// With the project open elsewhere (the GUI), the same import keeps WAL, so that reader's snapshot stays readable.
TEST_F(ImportFixture, ALargeImportBesideAnotherConnectionKeepsWal) {
    import(test::numberedRecords(0, 10), "first");
    db::Database gui(path, db::Database::Mode::ReadOnly);
    core::JsonlItemReader reader(writeLongTexts(dir, 10000));
    bool journal = false;
    std::vector<std::string> seen;
    const auto report = db::importItems(*project, reader, "long", [&](int64_t, int64_t) {
        journal = journal || std::filesystem::exists(path + "-journal");
        seen.push_back(test::queryText(gui, "SELECT count(*) FROM items"));
        return true;
    });
    EXPECT_EQ(report.items, 10000);
    EXPECT_FALSE(journal);
    ASSERT_GE(seen.size(), 2u);
    EXPECT_EQ(seen.front(), "10");  // during the import: the snapshot before it
    EXPECT_EQ(seen.back(), "10010");  // the last call comes after the commit
    EXPECT_EQ(test::queryText(gui, "PRAGMA journal_mode"), "wal");
}
