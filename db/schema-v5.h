#pragma once
// Schema version 5 (#10): blind review sessions, their comparisons, reviewer assignments and judgements.
#include <string_view>

namespace srllm::db {

std::string_view schemaV5Sql();

}  // namespace srllm::db
