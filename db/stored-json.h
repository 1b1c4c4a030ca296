#pragma once
// JSON columns read back from a project file. A project can come from anywhere (a work package sent back,
// a colleague's file) and its CHECK constraints can be edited away, so stored JSON is parsed like any other
// input: bounded nesting, and a DbError naming the project file, the row and the column instead of a
// parser exception (#12).
#include <string>

#include <nlohmann/json.hpp>

namespace srllm::db {

class Statement;

// The JSON in `column` of the current row; `where` names the row and column ("labels of annotations row 7").
nlohmann::json storedJson(const Statement& st, int column, const std::string& where);

}  // namespace srllm::db
