#pragma once
// Item readers for column-mapped CSV/TSV files: the generic `csv` format (a `text` column by default,
// remapped with --map COLUMN=FIELD) and `paradetox` (toxic -> text, neutral1..3 -> references).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/data/csv-reader.h"
#include "core/data/import-record.h"

namespace srllm::core {

struct ColumnMapping {
    enum class Target { Text, Id, Split, Reference, Metadata };
    std::string column;
    Target target = Target::Metadata;
    std::string metadataKey;  // for Target::Metadata
};

// Parses "COLUMN=FIELD" with FIELD one of text|id|split|reference|metadata.NAME. Throws InputError
// (field "--map") naming the bad spec and the valid fields.
ColumnMapping parseColumnMapping(const std::string& spec);

class MappedCsvReader : public ItemReader {
public:
    // `mappings` override the default (column "text" -> text); unmapped columns go to metadata under
    // their own name. Throws InputError for an empty file or a mapped column missing from the header,
    // and when no column maps to the text.
    MappedCsvReader(std::string path, char delimiter, std::vector<ColumnMapping> mappings);
    std::optional<ItemImportRecord> next() override;
    int64_t bytesRead() const override { return m_csv.bytesRead(); }
    int64_t bytesTotal() const override { return m_csv.bytesTotal(); }

private:
    CsvReader m_csv;
    CsvHeader m_header;
    std::vector<ColumnMapping> m_byColumn;  // one entry per header column
};

// paradetox.tsv: tab-separated `toxic, neutral1, neutral2, neutral3`; empty neutrals are skipped.
std::unique_ptr<ItemReader> makeParadetoxReader(const std::string& path);

// The delimiter a file name implies: '\t' for .tsv/.tab, ',' otherwise.
char delimiterForPath(const std::string& path);

}  // namespace srllm::core
