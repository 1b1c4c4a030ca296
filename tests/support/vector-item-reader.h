#pragma once
// An in-memory core::ItemReader for store tests: yields the given records, and can fail part-way like a
// reader that meets a broken line.
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "core/common/diagnostics.h"
#include "core/data/import-record.h"

namespace srllm::test {

class VectorItemReader : public core::ItemReader {
public:
    // failAt: throw core::InputError instead of returning the record with this index.
    explicit VectorItemReader(std::vector<core::ItemImportRecord> records, std::optional<size_t> failAt = {})
        : m_records(std::move(records)), m_failAt(failAt) {}

    std::optional<core::ItemImportRecord> next() override {
        if (m_failAt && m_next == *m_failAt)
            throw core::InputError("test.csv", static_cast<int64_t>(m_next + 2), "text", "broken record");
        if (m_next >= m_records.size()) return std::nullopt;
        return m_records[m_next++];
    }
    int64_t bytesRead() const override { return static_cast<int64_t>(m_next); }
    int64_t bytesTotal() const override { return static_cast<int64_t>(m_records.size()); }

private:
    std::vector<core::ItemImportRecord> m_records;
    std::optional<size_t> m_failAt;
    size_t m_next = 0;
};

// Records "text i" for i in [first, first + count), on lines first + 2 ... (line 1 is a header).
inline std::vector<core::ItemImportRecord> numberedRecords(int first, int count) {
    std::vector<core::ItemImportRecord> records;
    for (int i = first; i < first + count; ++i) {
        core::ItemImportRecord record;
        record.line = i + 2;
        record.text = "text " + std::to_string(i);
        records.push_back(std::move(record));
    }
    return records;
}

}  // namespace srllm::test
