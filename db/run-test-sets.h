#pragma once
// The test sets a generation run can take from a project: the items of a split as they are now (with the
// dataset as group), or as a snapshot froze them. References are the gold rewrite, then the reference
// rewrites (duplicates dropped). Positions are 0..n-1 in item id order.
#include <cstdint>
#include <string>
#include <vector>

#include "db/generation-runs.h"

namespace srllm::db {

std::vector<RunItem> projectSplitItems(Database& db, const std::string& split);
std::vector<RunItem> snapshotSplitItems(Database& db, int64_t snapshotId, const std::string& split);

}  // namespace srllm::db
