#include "core/data/csv-writer.h"

namespace srllm::core {

std::string csvField(std::string_view field, char delimiter) {
    const bool quote = field.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos;
    if (!quote) return std::string(field);
    std::string out = "\"";
    for (const char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

void writeCsvRow(std::ostream& out, const std::vector<std::string>& fields, char delimiter,
                 std::string_view lineEnding) {
    if (fields.size() == 1 && fields[0].empty()) {
        out << "\"\"" << lineEnding;
        return;
    }
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out << delimiter;
        out << csvField(fields[i], delimiter);
    }
    out << lineEnding;
}

}  // namespace srllm::core
