#pragma once
// The `jsonl` item format: one object per line with
//   text (required), id, split ("train"|"val"|"test"), references [..], metadata {..}, spans [[s,e],..]
// and `uid`, which exports write and imports ignore (the store gives every item a fresh uid).
#include <optional>
#include <ostream>
#include <string>

#include "core/data/import-record.h"
#include "core/data/jsonl-lines.h"

namespace srllm::core {

class JsonlItemReader : public ItemReader {
public:
    explicit JsonlItemReader(std::string path);
    std::optional<ItemImportRecord> next() override;
    int64_t bytesRead() const override { return m_lines.bytesRead(); }
    int64_t bytesTotal() const override { return m_lines.bytesTotal(); }
    const Diagnostics& warnings() const override { return m_warnings; }

private:
    JsonlLines m_lines;
    Diagnostics m_warnings;
};

// The JSON object for one item (keys sorted, absent optionals left out).
nlohmann::json itemToJson(const ItemImportRecord& record, const std::optional<std::string>& uid);
// Writes itemToJson as one line (UTF-8, not \u-escaped) followed by "\n".
void writeJsonLine(std::ostream& out, const nlohmann::json& value);

}  // namespace srllm::core
