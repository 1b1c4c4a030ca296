#pragma once
// In-memory readers over records built elsewhere (another tool's export after mapping), so they go
// through the same importers as files do. Progress counts records.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/data/import-record.h"

namespace srllm::core {

template <typename Record, typename Base>
class RecordListReader : public Base {
public:
    RecordListReader(std::string path, std::vector<Record> records)
        : m_path(std::move(path)), m_records(std::move(records)) {}
    std::optional<Record> next() override {
        if (m_next >= m_records.size()) return std::nullopt;
        return m_records[m_next++];
    }
    int64_t bytesRead() const override { return static_cast<int64_t>(m_next); }
    int64_t bytesTotal() const override { return static_cast<int64_t>(m_records.size()); }
    const Diagnostics& warnings() const override { return m_warnings; }

protected:
    std::string m_path;

private:
    std::vector<Record> m_records;
    size_t m_next = 0;
    Diagnostics m_warnings;
};

using ItemListReader = RecordListReader<ItemImportRecord, ItemReader>;

// Annotation readers name their file in errors; item readers have no path() to override.
class AnnotationListReader final : public RecordListReader<AnnotationImportRecord, AnnotationReader> {
public:
    using RecordListReader::RecordListReader;
    const std::string& path() const override { return m_path; }
};

}  // namespace srllm::core
