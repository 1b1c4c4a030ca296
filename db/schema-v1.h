#pragma once
// Schema version 1, the first released layout (see db/migrations.cpp for how it is applied).
#include <string_view>

namespace srllm::db {

std::string_view schemaV1Sql();

}  // namespace srllm::db
