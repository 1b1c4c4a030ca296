// db/snapshots: pinned item sets, their content hash, and the gold, references and splits they freeze.
#include <cstdio>

#include <gtest/gtest.h>

#include "core/data/split.h"
#include "db/gold.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "db/references.h"
#include "db/snapshots.h"
#include "support/test-data.h"
#include "support/vector-item-reader.h"

using namespace srllm;

namespace {

struct SnapshotsFixture : testing::Test {
    test::ScratchDir dir;
    std::unique_ptr<db::Project> project = db::Project::create(dir / "p.srllm");
    db::Database& db = project->db();

    void SetUp() override {
        test::VectorItemReader a(test::numberedRecords(0, 3)), b(test::numberedRecords(3, 2));
        db::importItems(*project, a, "a", nullptr);
        db::importItems(*project, b, "b", nullptr);
    }

    // The documented encoding, hashed by coreutils' sha256sum as an independent reference.
    std::string referenceHash(const std::vector<db::ItemRow>& rows) {
        const auto file = dir / "encoding.bin";
        FILE* out = std::fopen(file.c_str(), "wb");
        for (const auto& row : rows) std::fprintf(out, "%s%zu:%s", row.uid.c_str(), row.text.size(), row.text.c_str());
        std::fclose(out);
        FILE* pipe = popen(("sha256sum " + file.string()).c_str(), "r");
        char hex[65] = {};
        EXPECT_EQ(std::fread(hex, 1, 64, pipe), 64u);
        pclose(pipe);
        return hex;
    }
};

}  // namespace

TEST_F(SnapshotsFixture, DatasetSnapshotPinsItsItemsWithTheirHash) {
    const int64_t b = *db::datasetByName(db, "b");
    const auto snapshot = db::createSnapshot(db, "train-v1", b);
    const auto rows = db::queryItems(db, {.datasetId = b});
    EXPECT_EQ(snapshot.itemCount, 2);
    EXPECT_EQ(snapshot.datasetId, b);
    EXPECT_EQ(db::snapshotItems(db, snapshot.id), (std::vector<int64_t>{rows[0].id, rows[1].id}));
    EXPECT_EQ(snapshot.contentHash, referenceHash(rows));
}

TEST_F(SnapshotsFixture, AllItemsSnapshotAndListing) {
    const auto all = db::createSnapshot(db, "everything", std::nullopt);
    EXPECT_EQ(all.itemCount, 5);
    EXPECT_EQ(all.contentHash, referenceHash(db::queryItems(db, {})));
    db::createSnapshot(db, "again", std::nullopt);
    const auto list = db::listSnapshots(db);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].name, "everything");
    EXPECT_EQ(list[1].contentHash, all.contentHash) << "same items, same hash";
}

TEST_F(SnapshotsFixture, HashChangesWhenAPinnedTextChangesAndPinnedItemsCannotBeDeleted) {
    const auto snapshot = db::createSnapshot(db, "s", std::nullopt);
    const int64_t first = db::queryItems(db, {}).front().id;
    db.prepare("UPDATE items SET text = 'edited' WHERE id = ?1").bind(1, first).run();
    EXPECT_NE(db::snapshotContentHash(db, snapshot.id), snapshot.contentHash);
    EXPECT_THROW(db.prepare("DELETE FROM items WHERE id = ?1").bind(1, first).run(), db::DbError);
}

// #8: a snapshot freezes what a run trains on. Changing gold, references or splits afterwards leaves
// the frozen entries (and the gold hash) as they were; a new snapshot sees the change.
TEST_F(SnapshotsFixture, FreezesSplitsGoldAndReferences) {
    const auto rows = db::queryItems(db, {});
    db::setItemSplit(db, rows[0].id, std::string("val"));
    db::saveGold(db, {rows[0].id, {{"annotation", "Unsafe"}}, {}, std::string("kind words"), "majority"});
    db::addReference(db, rows[1].id, "first", "paper");
    db::addReference(db, rows[1].id, "second", "paper");
    const auto before = db::createSnapshot(db, "gold-1", std::nullopt);
    EXPECT_EQ(before.goldCount, 1);
    ASSERT_TRUE(before.goldHash);

    db::saveGold(db, {rows[0].id, {{"annotation", "Benign"}}, {}, std::nullopt, "majority"});
    db::setItemSplit(db, rows[0].id, std::string("train"));
    std::vector<db::SnapshotEntry> entries;
    db::forEachSnapshotEntry(db, before.id, [&](const db::SnapshotEntry& e) { entries.push_back(e); });
    ASSERT_EQ(entries.size(), 5u);
    EXPECT_EQ(entries[0].split, "val");
    EXPECT_TRUE(entries[0].hasGold);
    EXPECT_EQ(entries[0].goldLabels["annotation"], "Unsafe");
    EXPECT_EQ(entries[0].goldRewrite, "kind words");
    EXPECT_EQ(entries[1].references, (std::vector<std::string>{"first", "second"}));
    EXPECT_FALSE(entries[2].hasGold);
    for (const auto& e : entries) {
        // Items imported without a split get the project's deterministic one (core/data/split.h).
        if (e.itemId != rows[0].id) {
            EXPECT_EQ(e.split, core::assignSplit(core::kProjectSplitSeed, e.uid));
        }
    }
    const auto after = db::createSnapshot(db, "gold-2", std::nullopt);
    EXPECT_NE(*after.goldHash, *before.goldHash);
    EXPECT_EQ(after.contentHash, before.contentHash);  // same items and texts
    EXPECT_EQ(db::snapshotByName(db, "gold-2")->id, after.id);
    EXPECT_EQ(db::snapshotById(db, before.id)->goldHash, before.goldHash);
    EXPECT_FALSE(db::snapshotById(db, 999));
    EXPECT_THROW(db::createSnapshot(db, "", std::nullopt), db::DbError);
}
