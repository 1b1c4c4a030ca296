#include "db/snapshots.h"

#include "core/data/split.h"
#include "db/access.h"
#include "db/database.h"
#include "db/stored-json.h"
#include "db/item-identity.h"

namespace srllm::db {

namespace {

void feedText(Sha256& digest, const std::string& text) {
    digest.update(std::to_string(text.size()) + ":");
    digest.update(text);
}

// Feeds "uid len:text" per item in id order: uids are fixed-width and the length prefix keeps the
// encoding unambiguous, so any change of membership, order or text changes the hash.
std::string hashItems(Statement& items) {
    Sha256 digest;
    while (items.step()) {
        digest.update(items.columnText(0));
        feedText(digest, items.columnText(1));
    }
    return digest.finishHex();
}

// Per entry: uid, split, the gold row (labels as compact JSON with sorted keys, rewrite) and every
// reference, each length-prefixed, so any change of what a run would train on changes the hash.
std::string hashFrozen(Database& db, int64_t snapshotId) {
    Sha256 digest;
    forEachSnapshotEntry(db, snapshotId, [&](const SnapshotEntry& e) {
        digest.update(e.uid);
        feedText(digest, e.split);
        feedText(digest, e.hasGold ? e.goldLabels.dump() : std::string());
        feedText(digest, e.goldRewrite ? "1" + *e.goldRewrite : std::string("0"));
        digest.update(std::to_string(e.references.size()) + ";");
        for (const auto& r : e.references) feedText(digest, r);
    });
    return digest.finishHex();
}

SnapshotRow readSnapshot(const Statement& st) {
    return {st.columnInt(0),       st.columnText(1), st.columnOptionalInt(2), st.columnInt(3), st.columnText(4),
            st.columnText(5),      st.columnInt(6),  st.columnOptionalText(7)};
}

constexpr const char* kColumns =
    "SELECT id, name, dataset_id, item_count, content_hash, created_at, gold_count, gold_hash FROM snapshots ";

std::optional<SnapshotRow> firstSnapshot(Statement& st) {
    if (!st.step()) return std::nullopt;
    return readSnapshot(st);
}

}  // namespace

SnapshotRow createSnapshot(Database& db, const std::string& name, std::optional<int64_t> datasetId) {
    if (name.empty()) throw DbError(db.path() + ": a snapshot needs a name");
    Transaction tx(db);
    auto snapshot = db.prepare(
        "INSERT INTO snapshots(name, dataset_id, item_count, content_hash) VALUES (?1, ?2, 0, ?3)");
    snapshot.bind(1, name).bind(2, datasetId).bind(3, std::string(64, '0')).run();
    const int64_t id = db.lastInsertId();
    auto pin = db.prepare(
        "INSERT INTO snapshot_items(snapshot_id, item_id, split) SELECT ?1, id, split FROM items"
        " WHERE ?2 IS NULL OR dataset_id = ?2");
    pin.bind(1, id).bind(2, datasetId).run();
    {
        // Items imported without a split get the project's deterministic one, frozen here.
        auto unsplit = db.prepare(
            "SELECT s.item_id, i.uid FROM snapshot_items s JOIN items i ON i.id = s.item_id"
            " WHERE s.snapshot_id = ?1 AND s.split IS NULL");
        auto setSplit = db.prepare("UPDATE snapshot_items SET split = ?3 WHERE snapshot_id = ?1 AND item_id = ?2");
        unsplit.bind(1, id);
        while (unsplit.step()) {
            setSplit.bind(1, id).bind(2, unsplit.columnInt(0)).bind(3, core::itemSplit(std::nullopt, unsplit.columnText(1)));
            setSplit.run();
            setSplit.reset();
        }
    }
    auto freezeGold = db.prepare(
        "INSERT INTO snapshot_gold(snapshot_id, item_id, labels, spans, rewrite, provenance, taxonomy_version)"
        " SELECT ?1, g.item_id, g.labels, g.spans, g.rewrite, g.provenance, g.taxonomy_version"
        " FROM gold g JOIN snapshot_items s ON s.item_id = g.item_id AND s.snapshot_id = ?1");
    freezeGold.bind(1, id).run();
    auto freezeReferences = db.prepare(
        "INSERT INTO snapshot_references(snapshot_id, item_id, position, text, source)"
        " SELECT ?1, r.item_id, row_number() OVER (PARTITION BY r.item_id ORDER BY r.id) - 1, r.text, r.source"
        " FROM reference_rewrites r JOIN snapshot_items s ON s.item_id = r.item_id AND s.snapshot_id = ?1");
    freezeReferences.bind(1, id).run();
    auto update = db.prepare(
        "UPDATE snapshots SET item_count = (SELECT count(*) FROM snapshot_items WHERE snapshot_id = ?1),"
        " gold_count = (SELECT count(*) FROM snapshot_gold WHERE snapshot_id = ?1),"
        " content_hash = ?2, gold_hash = ?3 WHERE id = ?1");
    update.bind(1, id).bind(2, snapshotContentHash(db, id)).bind(3, hashFrozen(db, id)).run();
    tx.commit();
    return *snapshotById(db, id);
}

std::vector<SnapshotRow> listSnapshots(Database& db) {
    auto st = db.prepare(std::string(kColumns) + "ORDER BY id");
    std::vector<SnapshotRow> rows;
    while (st.step()) rows.push_back(readSnapshot(st));
    return rows;
}

std::optional<SnapshotRow> snapshotById(Database& db, int64_t id) {
    auto st = db.prepare(std::string(kColumns) + "WHERE id = ?1");
    st.bind(1, id);
    return firstSnapshot(st);
}

std::optional<SnapshotRow> snapshotByName(Database& db, const std::string& name) {
    auto st = db.prepare(std::string(kColumns) + "WHERE name = ?1 ORDER BY id DESC LIMIT 1");
    st.bind(1, name);
    return firstSnapshot(st);
}

std::optional<SnapshotRow> snapshotByIdOrName(Database& db, const std::string& text) {
    if (!text.empty() && text.size() < 18 && text.find_first_not_of("0123456789") == std::string::npos)
        if (auto row = snapshotById(db, std::stoll(text))) return row;
    return snapshotByName(db, text);
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

void forEachSnapshotEntry(Database& db, int64_t snapshotId, const std::function<void(const SnapshotEntry&)>& visit) {
    requireFullAccess(db, "a snapshot's frozen gold labels");  // the blind rule holds for frozen gold too
    auto items = db.prepare(
        "SELECT s.item_id, i.uid, i.text, coalesce(s.split, ''), g.item_id IS NOT NULL, g.labels, g.rewrite"
        " FROM snapshot_items s JOIN items i ON i.id = s.item_id"
        " LEFT JOIN snapshot_gold g ON g.snapshot_id = s.snapshot_id AND g.item_id = s.item_id"
        " WHERE s.snapshot_id = ?1 ORDER BY s.item_id");
    auto references = db.prepare(
        "SELECT item_id, text FROM snapshot_references WHERE snapshot_id = ?1 ORDER BY item_id, position");
    items.bind(1, snapshotId);
    references.bind(1, snapshotId);
    bool haveReference = references.step();
    while (items.step()) {
        SnapshotEntry e;
        e.itemId = items.columnInt(0);
        e.uid = items.columnText(1);
        e.text = items.columnText(2);
        e.split = items.columnText(3);
        e.hasGold = items.columnInt(4) != 0;
        // json_valid is a CHECK, but a file from elsewhere may have had its CHECKs edited away (#12).
        if (e.hasGold)
            e.goldLabels = storedJson(items, 5, "labels of snapshot " + std::to_string(snapshotId) + "'s gold for item " +
                                                    std::to_string(e.itemId));
        e.goldRewrite = items.columnOptionalText(6);
        // Both cursors run in item id order: merge them.
        while (haveReference && references.columnInt(0) < e.itemId) haveReference = references.step();
        while (haveReference && references.columnInt(0) == e.itemId) {
            e.references.push_back(references.columnText(1));
            haveReference = references.step();
        }
        visit(e);
    }
}

}  // namespace srllm::db
