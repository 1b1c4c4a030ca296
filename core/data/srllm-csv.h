#pragma once
// The SR_LLM paper's CSV schema (train_500.csv, infer_50.csv):
//   biased_text, dimension, biased_words, aspect, label, Done (x), debiased_text, comments, text_length
// text = biased_text, reference = debiased_text, metadata.severity = label, metadata.biased_words = the
// parsed list (spans located in the text); every other column is kept in metadata so that the writer
// reproduces the file.
#include <ostream>
#include <string>
#include <vector>

#include "core/data/csv-reader.h"
#include "core/data/import-record.h"

namespace srllm::core {

// The columns, in file order.
const std::vector<std::string>& srllmCsvColumns();

class SrllmCsvReader : public ItemReader {
public:
    // Throws InputError for a missing file, an empty file or a header without `biased_text`.
    explicit SrllmCsvReader(std::string path);
    std::optional<ItemImportRecord> next() override;
    int64_t bytesRead() const override { return m_csv.bytesRead(); }
    int64_t bytesTotal() const override { return m_csv.bytesTotal(); }
    const Diagnostics& warnings() const override { return m_warnings; }

private:
    CsvReader m_csv;
    CsvHeader m_header;
    Diagnostics m_warnings;
};

// Writes the header on construction, then one row per record. `lineEnding` is "\n" or "\r\n".
class SrllmCsvWriter {
public:
    SrllmCsvWriter(std::ostream& out, std::string lineEnding);
    void write(const ItemImportRecord& record);

private:
    std::ostream& m_out;
    std::string m_lineEnding;
};

// The line ending the source file of an imported srllm-csv item used ("\n" when not recorded).
std::string srllmCsvLineEnding(const nlohmann::json& metadata);

}  // namespace srllm::core
