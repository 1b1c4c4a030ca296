#include "db/span-json.h"

#include <nlohmann/json.hpp>

#include "db/database.h"
#include "db/stored-json.h"

namespace srllm::db {

std::string spansToJson(const std::vector<core::Span>& spans) {
    std::string out = "[";
    for (const auto& span : spans) {
        if (out.size() > 1) out += ',';
        out += '[' + std::to_string(span.start) + ',' + std::to_string(span.end) + ']';
    }
    return out + ']';
}

std::vector<core::Span> spansFromJson(const Statement& st, int column, const std::string& where) {
    std::vector<core::Span> spans;
    if (st.columnText(column).empty()) return spans;
    const auto parsed = storedJson(st, column, where);
    const auto fail = [&](const std::string& what) {
        return DbError(st.database().path() + ": " + where + ": " + what + " (hint: the file was edited by hand?)");
    };
    if (!parsed.is_array()) throw fail("spans are not a JSON array");
    for (const auto& pair : parsed) {
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() || !pair[1].is_number_integer())
            throw fail("span " + pair.dump() + " is not a [start, end] pair of integers");
        const core::Span span{pair[0].get<int64_t>(), pair[1].get<int64_t>()};
        // #12: views index the text with these; a negative or reversed span from a damaged file must not get there.
        if (span.start < 0 || span.end <= span.start) throw fail("span " + pair.dump() + " needs 0 <= start < end");
        spans.push_back(span);
    }
    return spans;
}

}  // namespace srllm::db
