#pragma once
// Schema version 4 (issue #11, team annotation): why an item is in a queue, re-review after a taxonomy
// change, paste counts, project settings (the routing policy) and suggestions (see db/migrations.cpp).
#include <string_view>

namespace srllm::db {

std::string_view schemaV4Sql();

}  // namespace srllm::db
