#pragma once
// Annotations and gold labels as files for people and other tools: JSON Lines in the `annotations` format
// (core/data/annotation-jsonl.h, so an exported file imports back) plus export-only keys, and CSV with one
// column per taxonomy field (multi-select values joined by "|", spans as JSON). Pure, any thread.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/import-record.h"

namespace srllm::core {

// One exported row: an annotator's annotation (annotator set) or an item's gold (provenance set).
struct LabelExportRow {
    std::string itemUid;
    std::string item;  // the item's external id, or its text when it has none (what the importer resolves)
    std::optional<std::string> annotator;
    nlohmann::json labels = nlohmann::json::object();
    std::vector<Span> spans;
    std::optional<std::string> rewrite;
    int taxonomyVersion = 0;
    // annotations only
    std::string status;
    double seconds = 0;
    std::string updatedAt;
    std::optional<std::string> reviewReason;
    // gold only
    std::optional<std::string> provenance;
    std::optional<std::string> decidedBy;  // the expert's name
};

nlohmann::json labelRowToJson(const LabelExportRow& row);

// CSV: the header for these field keys, then one row each; written like Python's csv (QUOTE_MINIMAL).
class LabelCsvWriter {
public:
    LabelCsvWriter(std::ostream& out, std::vector<std::string> fieldKeys, bool gold);
    void write(const LabelExportRow& row);

private:
    std::ostream& m_out;
    std::vector<std::string> m_keys;
    bool m_gold;
};

}  // namespace srllm::core
