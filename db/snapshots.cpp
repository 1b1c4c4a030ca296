#include "db/snapshots.h"

#include "db/database.h"
#include "db/item-identity.h"

namespace srllm::db {

namespace {

// Feeds "uid len:text" per item in id order: uids are fixed-width and the length prefix keeps the
// encoding unambiguous, so any change of membership, order or text changes the hash.
std::string hashItems(Statement& items) {
    Sha256 digest;
    while (items.step()) {
        digest.update(items.columnText(0));
        const std::string text = items.columnText(1);
        digest.update(std::to_string(text.size()) + ":");
        digest.update(text);
    }
    const TextHash hash = digest.finish();
    return toHex(hash.data(), hash.size());
}

SnapshotRow readSnapshot(const Statement& st) {
    return {st.columnInt(0), st.columnText(1), st.columnOptionalInt(2), st.columnInt(3), st.columnText(4),
            st.columnText(5)};
}

constexpr const char* kColumns = "SELECT id, name, dataset_id, item_count, content_hash, created_at FROM snapshots ";

}  // namespace

SnapshotRow createSnapshot(Database& db, const std::string& name, std::optional<int64_t> datasetId) {
    Transaction tx(db);
    auto snapshot = db.prepare(
        "INSERT INTO snapshots(name, dataset_id, item_count, content_hash) VALUES (?1, ?2, 0, ?3)");
    snapshot.bind(1, name).bind(2, datasetId).bind(3, std::string(64, '0')).run();
    const int64_t id = db.lastInsertId();
    auto pin = db.prepare(
        "INSERT INTO snapshot_items(snapshot_id, item_id) SELECT ?1, id FROM items WHERE ?2 IS NULL OR dataset_id = ?2");
    pin.bind(1, id).bind(2, datasetId).run();
    auto update = db.prepare(
        "UPDATE snapshots SET item_count = (SELECT count(*) FROM snapshot_items WHERE snapshot_id = ?1),"
        " content_hash = ?2 WHERE id = ?1");
    update.bind(1, id).bind(2, snapshotContentHash(db, id)).run();
    tx.commit();
    auto st = db.prepare(std::string(kColumns) + "WHERE id = ?1");
    st.bind(1, id);
    st.step();
    return readSnapshot(st);
}

std::vector<SnapshotRow> listSnapshots(Database& db) {
    auto st = db.prepare(std::string(kColumns) + "ORDER BY id");
    std::vector<SnapshotRow> rows;
    while (st.step()) rows.push_back(readSnapshot(st));
    return rows;
}

std::vector<int64_t> snapshotItems(Database& db, int64_t snapshotId) {
    auto st = db.prepare("SELECT item_id FROM snapshot_items WHERE snapshot_id = ?1 ORDER BY item_id");
    st.bind(1, snapshotId);
    std::vector<int64_t> ids;
    while (st.step()) ids.push_back(st.columnInt(0));
    return ids;
}

std::string snapshotContentHash(Database& db, int64_t snapshotId) {
    auto items = db.prepare(
        "SELECT i.uid, i.text FROM snapshot_items s JOIN items i ON i.id = s.item_id"
        " WHERE s.snapshot_id = ?1 ORDER BY s.item_id");
    items.bind(1, snapshotId);
    return hashItems(items);
}

}  // namespace srllm::db
