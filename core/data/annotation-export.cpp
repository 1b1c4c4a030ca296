#include "core/data/annotation-export.h"

#include "core/data/annotation-jsonl.h"
#include "core/data/csv-writer.h"

namespace srllm::core {

namespace {

nlohmann::json spansJson(const std::vector<Span>& spans) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : spans) out.push_back({s.start, s.end});
    return out;
}

std::string labelCell(const nlohmann::json& value) {
    if (value.is_string()) return value.get<std::string>();
    std::string out;
    if (value.is_array())
        for (const auto& v : value) out += (out.empty() ? "" : "|") + (v.is_string() ? v.get<std::string>() : v.dump());
    return out;
}

}  // namespace

nlohmann::json labelRowToJson(const LabelExportRow& row) {
    nlohmann::json j;
    j[kItemKey] = row.item;
    j["item_uid"] = row.itemUid;
    if (row.annotator) j[kAnnotatorKey] = *row.annotator;
    j[kLabelsKey] = row.labels;
    j[kSpansKey] = spansJson(row.spans);
    if (row.rewrite) j[kRewriteKey] = *row.rewrite;
    j["taxonomy_version"] = row.taxonomyVersion;
    if (row.provenance) {
        j["provenance"] = *row.provenance;
        j["decided_by"] = row.decidedBy ? nlohmann::json(*row.decidedBy) : nlohmann::json(nullptr);
        return j;
    }
    j["status"] = row.status;
    j["seconds"] = row.seconds;
    j["updated_at"] = row.updatedAt;
    if (row.reviewReason) j["review_reason"] = *row.reviewReason;
    return j;
}

LabelCsvWriter::LabelCsvWriter(std::ostream& out, std::vector<std::string> fieldKeys, bool gold)
    : m_out(out), m_keys(std::move(fieldKeys)), m_gold(gold) {
    std::vector<std::string> header = {"item_uid", kItemKey};
    if (m_gold) header.insert(header.end(), {"provenance", "decided_by"});
    else header.insert(header.end(), {kAnnotatorKey, "status", "seconds"});
    header.push_back("taxonomy_version");
    header.insert(header.end(), m_keys.begin(), m_keys.end());
    header.insert(header.end(), {kSpansKey, kRewriteKey});
    writeCsvRow(m_out, header, ',', "\n");
}

void LabelCsvWriter::write(const LabelExportRow& row) {
    std::vector<std::string> cells = {row.itemUid, row.item};
    if (m_gold) cells.insert(cells.end(), {row.provenance.value_or(""), row.decidedBy.value_or("")});
    else cells.insert(cells.end(), {row.annotator.value_or(""), row.status, nlohmann::json(row.seconds).dump()});
    cells.push_back(std::to_string(row.taxonomyVersion));
    for (const auto& key : m_keys) cells.push_back(row.labels.contains(key) ? labelCell(row.labels.at(key)) : "");
    cells.push_back(row.spans.empty() ? "" : spansJson(row.spans).dump());
    cells.push_back(row.rewrite.value_or(""));
    writeCsvRow(m_out, cells, ',', "\n");
}

}  // namespace srllm::core
