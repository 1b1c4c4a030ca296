#pragma once
// Snapshots pin a set of items (a dataset, or all items) for a training or evaluation run. From schema v2
// on, a snapshot also freezes what a run trains on: each item's split, its gold labels and rewrite, and
// its reference rewrites, so later adjudication never changes a run's data. Two hashes: contentHash over
// (uid, text) of the items, goldHash over the frozen splits, gold and references.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace srllm::db {

class Database;

struct SnapshotRow {
    int64_t id = 0;
    std::string name;
    std::optional<int64_t> datasetId;  // nullopt: all items
    int64_t itemCount = 0;
    std::string contentHash;  // SHA-256 hex over (uid, text) of the items in id order
    std::string createdAt;
    int64_t goldCount = 0;              // pinned items with a frozen gold row
    std::optional<std::string> goldHash;  // nullopt: made before schema v2, nothing frozen (cannot feed a job)
};

// What a snapshot froze for one item.
struct SnapshotEntry {
    int64_t itemId = 0;
    std::string uid;
    std::string text;
    std::string split;                        // "train" | "val" | "test" (core/data/split.h itemSplit)
    bool hasGold = false;
    nlohmann::json goldLabels = nlohmann::json::object();
    std::optional<std::string> goldRewrite;
    std::vector<std::string> references;      // in the order they were added
};

// Records the current items of the dataset (or all items), freezing their split, gold and references,
// in one transaction; returns the snapshot. Throws DbError for an empty name.
SnapshotRow createSnapshot(Database& db, const std::string& name, std::optional<int64_t> datasetId);
std::vector<SnapshotRow> listSnapshots(Database& db);  // by id
std::optional<SnapshotRow> snapshotById(Database& db, int64_t id);
std::optional<SnapshotRow> snapshotByName(Database& db, const std::string& name);  // the newest of that name
// "3" (an id) or a name, as people type them on the command line.
std::optional<SnapshotRow> snapshotByIdOrName(Database& db, const std::string& text);
std::vector<int64_t> snapshotItems(Database& db, int64_t snapshotId);  // item ids, ascending
// Recomputes the hash over the pinned items as they are now; equal to contentHash while unchanged.
std::string snapshotContentHash(Database& db, int64_t snapshotId);
// Visits the frozen entries in item id order (streamed: memory does not grow with the snapshot).
void forEachSnapshotEntry(Database& db, int64_t snapshotId, const std::function<void(const SnapshotEntry&)>& visit);

}  // namespace srllm::db
