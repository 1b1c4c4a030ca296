#pragma once
// Spans are stored as a JSON array of [start, end] pairs (code points); one codec for every table.
#include <string>
#include <string_view>
#include <vector>

#include "core/data/import-record.h"

namespace srllm::db {

class Statement;

std::string spansToJson(const std::vector<core::Span>& spans);
// The spans in `column` of the current row; throws DbError naming the project file and `where` (e.g.
// "spans of annotations row 12") when the stored text is not an array of [start, end] with 0 <= start < end.
std::vector<core::Span> spansFromJson(const Statement& st, int column, const std::string& where);

}  // namespace srllm::db
