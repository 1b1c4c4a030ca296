#include "core/data/jsonl-items.h"

namespace srllm::core {

namespace {
const std::vector<std::string> kKnownKeys = {"id", "metadata", "references", "spans", "split", "text", "uid"};
}

JsonlItemReader::JsonlItemReader(std::string path) : m_lines(std::move(path)) {}

std::optional<ItemImportRecord> JsonlItemReader::next() {
    auto o = m_lines.next();
    if (!o) return std::nullopt;
    m_lines.warnUnknownKeys(*o, kKnownKeys, m_warnings);
    ItemImportRecord record;
    record.line = o->line;
    record.text = m_lines.requireString(*o, "text");
    record.externalId = m_lines.optionalString(*o, "id");
    record.split = m_lines.optionalString(*o, "split");
    if (record.split && *record.split != "train" && *record.split != "val" && *record.split != "test")
        throw InputError(m_lines.path(), o->line, "split", "'" + *record.split + "' is not train, val or test");
    record.references = m_lines.optionalStringList(*o, "references");
    record.metadata = m_lines.optionalObject(*o, "metadata");
    record.spans = m_lines.optionalSpans(*o, "spans");
    return record;
}

nlohmann::json itemToJson(const ItemImportRecord& record, const std::optional<std::string>& uid) {
    nlohmann::json j = {{"text", record.text}, {"references", record.references}, {"metadata", record.metadata}};
    if (uid) j["uid"] = *uid;
    if (record.externalId) j["id"] = *record.externalId;
    if (record.split) j["split"] = *record.split;
    if (!record.spans.empty()) {
        j["spans"] = nlohmann::json::array();
        for (const auto& s : record.spans) j["spans"].push_back({s.start, s.end});
    }
    return j;
}

void writeJsonLine(std::ostream& out, const nlohmann::json& value) {
    out << value.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict) << '\n';
}

}  // namespace srllm::core
