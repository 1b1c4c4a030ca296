#pragma once
// Schema version 2 (#8): the training-job queue, and snapshots that freeze gold labels, rewrites and splits.
#include <string_view>

namespace srllm::db {

std::string_view schemaV2Sql();

}  // namespace srllm::db
