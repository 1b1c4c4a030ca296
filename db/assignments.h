#pragma once
// Which annotator labels which item: every item goes to overlapK annotators, round-robin.
#include <cstdint>
#include <vector>

namespace srllm::db {

class Database;

// Gives every item (in id order) that has fewer than overlapK assignments to the next annotators in
// round-robin order; deterministic for the same items and annotator list. Throws DbError when
// overlapK < 1 or overlapK > annotatorIds.size().
void assignItems(Database& db, int overlapK, const std::vector<int64_t>& annotatorIds);
std::vector<int64_t> assignedItems(Database& db, int64_t annotatorId);  // item ids, ascending

}  // namespace srllm::db
