#pragma once
// The SQLite JSON path of a top-level key, quoted so keys with dots, spaces or quotes still work
// ("$.\"target groups\""): for json_extract / json_each over labels and metadata.
#include <string>

namespace srllm::db {

std::string jsonKeyPath(const std::string& key);

}  // namespace srllm::db
