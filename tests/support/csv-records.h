#pragma once
// Every record of a CSV/TSV file (header included, as record 0), for tests that compare against golden
// tables or read rows of ../shared/data by index. Header-only: only tests that link srllm_data include it.
#include <filesystem>
#include <vector>

#include "core/data/csv-reader.h"

namespace srllm::test {

inline std::vector<core::CsvRecord> readCsvRecords(const std::filesystem::path& path, char delimiter) {
    core::CsvReader reader(path.string(), delimiter);
    std::vector<core::CsvRecord> records;
    while (auto record = reader.next()) records.push_back(std::move(*record));
    return records;
}

}  // namespace srllm::test
