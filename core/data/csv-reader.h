#pragma once
// Streaming RFC 4180 reader: ',' or '\t' delimited, quoted fields may hold delimiters, newlines and
// doubled quotes. Like Python's csv module (non-strict), text after a closing quote is kept and a
// quote inside an unquoted field is literal; blank lines are skipped.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/data/utf8-file-input.h"

namespace srllm::core {

struct CsvRecord {
    int64_t line = 0;  // physical line where the record starts (1-based)
    std::vector<std::string> fields;
};

class CsvReader {
public:
    // Throws InputError when the file cannot be opened.
    CsvReader(std::string path, char delimiter);

    // The next record, or nullopt at the end. Throws InputError for a quote that is never closed
    // (naming the line where it opened) or invalid UTF-8 (naming line and byte column).
    std::optional<CsvRecord> next();

    // The terminator of the first record: "\n" or "\r\n" ("\n" until one has been read).
    const std::string& lineEnding() const { return m_lineEnding; }
    const std::string& path() const { return m_input.path(); }
    int64_t bytesRead() const { return m_input.bytesRead(); }
    int64_t bytesTotal() const { return m_input.bytesTotal(); }

private:
    // Reads one field into `field`; returns the byte that ended it (delimiter, '\n', or -1).
    int readField(std::string& field);
    int readQuoted(std::string& field, int64_t openLine);

    Utf8FileInput m_input;
    char m_delimiter;
    std::string m_lineEnding = "\n";
    bool m_lineEndingKnown = false;
};

// The header row of a CSV file: column names and their positions.
class CsvHeader {
public:
    // Reads the first record of `reader` as the header. Throws InputError when the file is empty.
    explicit CsvHeader(CsvReader& reader);

    const std::vector<std::string>& names() const { return m_names; }
    std::optional<size_t> find(const std::string& column) const;
    // The position of a column that must exist; throws InputError naming the file, line 1, the
    // column and the columns that were found.
    size_t require(const std::string& column) const;
    // Throws InputError unless `record` has exactly one field per column.
    void checkWidth(const CsvRecord& record) const;

private:
    std::string m_path;
    std::vector<std::string> m_names;
    std::map<std::string, size_t> m_index;
};

}  // namespace srllm::core
