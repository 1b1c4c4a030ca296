#pragma once
// Snapshots pin a set of items (a dataset, or all items) for a training or evaluation run, with a
// content hash that changes whenever any pinned item's uid or text would differ.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace srllm::db {

class Database;

struct SnapshotRow {
    int64_t id = 0;
    std::string name;
    std::optional<int64_t> datasetId;  // nullopt: all items
    int64_t itemCount = 0;
    std::string contentHash;  // SHA-256 hex over (uid, text) of the items in id order
    std::string createdAt;
};

// Records the current items of the dataset (or all items) in one transaction; returns the snapshot.
SnapshotRow createSnapshot(Database& db, const std::string& name, std::optional<int64_t> datasetId);
std::vector<SnapshotRow> listSnapshots(Database& db);  // by id
std::vector<int64_t> snapshotItems(Database& db, int64_t snapshotId);  // item ids, ascending
// Recomputes the hash over the pinned items as they are now; equal to contentHash while unchanged.
std::string snapshotContentHash(Database& db, int64_t snapshotId);

}  // namespace srllm::db
