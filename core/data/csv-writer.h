#pragma once
// Writes CSV rows the way Python's csv module does with QUOTE_MINIMAL, so that a file exported from
// the workbench matches one written by pandas/csv byte for byte.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace srllm::core {

// Quotes `field` only when it holds the delimiter, a quote, '\r' or '\n' (quotes are doubled).
std::string csvField(std::string_view field, char delimiter);

// One row, fields joined by `delimiter` and ended by `lineEnding` ("\n" or "\r\n"). A row made of one
// empty field is written as "" so that it does not read back as a blank line.
void writeCsvRow(std::ostream& out, const std::vector<std::string>& fields, char delimiter,
                 std::string_view lineEnding);

}  // namespace srllm::core
