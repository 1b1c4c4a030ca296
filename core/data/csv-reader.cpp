#include "core/data/csv-reader.h"

#include "core/common/diagnostics.h"

namespace srllm::core {

CsvReader::CsvReader(std::string path, char delimiter) : m_input(std::move(path)), m_delimiter(delimiter) {}

int CsvReader::readQuoted(std::string& field, int64_t openLine) {
    for (;;) {
        m_input.appendUntilSpecial(field, '"');  // line breaks inside the quotes come one by one below
        const int c = m_input.get();
        if (c < 0) {
            throw InputError(path(), openLine, "",
                             "quoted field opened on this line is never closed (hint: a stray '\"'; "
                             "quotes inside a quoted field must be doubled)");
        }
        if (c != '"') {
            field.push_back(static_cast<char>(c));
            continue;
        }
        if (m_input.peek() == '"') {
            m_input.get();
            field.push_back('"');
            continue;
        }
        return readField(field);  // after the closing quote: up to the delimiter or the line end
    }
}

int CsvReader::readField(std::string& field) {
    for (;;) {
        const int64_t lineBefore = m_input.line();
        // Plain bytes in bulk; a quote only opens a quoted field at its start, so stop before it then.
        if (!field.empty() || m_input.peek() != '"') m_input.appendUntilSpecial(field, m_delimiter);
        const int c = m_input.get();
        if (c < 0 || c == m_delimiter) return c;
        if (c == '\n') {
            if (!m_lineEndingKnown) {
                m_lineEnding = "\n";
                m_lineEndingKnown = true;
            }
            return '\n';
        }
        if (c == '\r' && m_input.peek() == '\n') {
            m_input.get();
            if (!m_lineEndingKnown) {
                m_lineEnding = "\r\n";
                m_lineEndingKnown = true;
            }
            return '\n';
        }
        if (c == '"' && field.empty()) return readQuoted(field, lineBefore);
        field.push_back(static_cast<char>(c));
    }
}

std::optional<CsvRecord> CsvReader::next() {
    for (;;) {
        if (m_input.peek() < 0) return std::nullopt;
        CsvRecord record;
        record.line = m_input.line();
        int end = m_delimiter;
        while (end == m_delimiter) {
            std::string field;
            end = readField(field);
            record.fields.push_back(std::move(field));
        }
        const bool blank = record.fields.size() == 1 && record.fields[0].empty();
        if (!blank) return record;
    }
}

CsvHeader::CsvHeader(CsvReader& reader) : m_path(reader.path()) {
    auto first = reader.next();
    if (!first) throw InputError(m_path, 0, "", "file is empty (hint: expected a header row)");
    m_names = std::move(first->fields);
    for (size_t i = 0; i < m_names.size(); ++i) m_index.emplace(m_names[i], i);
}

std::optional<size_t> CsvHeader::find(const std::string& column) const {
    const auto it = m_index.find(column);
    if (it == m_index.end()) return std::nullopt;
    return it->second;
}

size_t CsvHeader::require(const std::string& column) const {
    if (auto found = find(column)) return *found;
    std::string list;
    for (const auto& name : m_names) list += (list.empty() ? "" : ", ") + ("'" + name + "'");
    throw InputError(m_path, 1, column,
                     "required column is missing (found " + list + "; hint: wrong --format or delimiter?)");
}

void CsvHeader::checkWidth(const CsvRecord& record) const {
    if (record.fields.size() == m_names.size()) return;
    throw InputError(m_path, record.line, "",
                     "record has " + std::to_string(record.fields.size()) + " fields but the header has " +
                         std::to_string(m_names.size()) + " (hint: an unbalanced quote or the wrong delimiter?)");
}

}  // namespace srllm::core
