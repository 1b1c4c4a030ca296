#pragma once
// Schema version 3 (#9): generation runs over a frozen test set, their per-item outputs, and metric values
// that record the scorer and metric version they were computed with.
#include <string_view>

namespace srllm::db {

std::string_view schemaV3Sql();

}  // namespace srllm::db
