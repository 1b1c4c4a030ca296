#pragma once
// JSON columns read back from a project file. A project can come from anywhere (a work package sent back,
// a colleague's file) and its CHECK constraints can be edited away, so stored JSON is parsed like any other
// input: bounded nesting, and a DbError naming the project file, the row and the column instead of a
// parser exception (#12).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace srllm::db {

class Database;
class Statement;

// The JSON in `column` of the current row; `where` names the row and column ("labels of annotations row 7").
nlohmann::json storedJson(const Statement& st, int column, const std::string& where);
// The same, when the column must hold a JSON array of strings (references, tags) or of integers (ids).
std::vector<std::string> storedStrings(const Statement& st, int column, const std::string& where);
std::vector<int64_t> storedIntegers(const Statement& st, int column, const std::string& where);
// The DbError for a stored value that parsed but does not have the shape its readers rely on.
[[noreturn]] void throwDamaged(const Statement& st, const std::string& where, const std::string& problem);
[[noreturn]] void throwDamaged(const Database& db, const std::string& where, const std::string& problem);

}  // namespace srllm::db
