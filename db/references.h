#pragma once
// Reference rewrites: benign versions of an item's text (from the source file or from annotators).
#include <cstdint>
#include <string>
#include <vector>

namespace srllm::db {

class Database;

// Adds one rewrite; `source` says where it came from ("import", an annotator name, ...). Returns its id.
int64_t addReference(Database& db, int64_t itemId, const std::string& text, const std::string& source);
std::vector<std::string> referencesFor(Database& db, int64_t itemId);  // in insertion order

}  // namespace srllm::db
