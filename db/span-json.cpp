#include "db/span-json.h"

#include <nlohmann/json.hpp>

#include "db/database.h"

namespace srllm::db {

std::string spansToJson(const std::vector<core::Span>& spans) {
    std::string out = "[";
    for (const auto& span : spans) {
        if (out.size() > 1) out += ',';
        out += '[' + std::to_string(span.start) + ',' + std::to_string(span.end) + ']';
    }
    return out + ']';
}

std::vector<core::Span> spansFromJson(std::string_view json, const std::string& where) {
    std::vector<core::Span> spans;
    if (json.empty()) return spans;
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    if (!parsed.is_array()) throw DbError(where + ": spans are not a JSON array (hint: the file was edited by hand?)");
    for (const auto& pair : parsed) {
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() || !pair[1].is_number_integer())
            throw DbError(where + ": span " + pair.dump() + " is not a [start, end] pair of integers");
        spans.push_back({pair[0].get<int64_t>(), pair[1].get<int64_t>()});
    }
    return spans;
}

}  // namespace srllm::db
