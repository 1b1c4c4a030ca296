#pragma once
// Spans are stored as a JSON array of [start, end] pairs (code points); one codec for every table.
#include <string>
#include <string_view>
#include <vector>

#include "core/data/import-record.h"

namespace srllm::db {

std::string spansToJson(const std::vector<core::Span>& spans);
// Throws DbError naming `where` (e.g. "annotations row 12") when the stored text is not such an array.
std::vector<core::Span> spansFromJson(std::string_view json, const std::string& where);

}  // namespace srllm::db
