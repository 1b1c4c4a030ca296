#include "core/data/srllm-csv.h"

#include "core/data/csv-writer.h"
#include "core/data/python-list-literal.h"
#include "core/data/word-spans.h"

namespace srllm::core {

namespace {

// NOTE: one table for reader and writer. Columns with an empty key are handled by hand:
// biased_text (the text), biased_words (parsed list + spans), debiased_text (the reference).
struct Column {
    const char* name;
    const char* metadataKey;
};
constexpr Column kColumns[] = {
    {"biased_text", ""},  {"dimension", "dimension"}, {"biased_words", ""},
    {"aspect", "aspect"}, {"label", "severity"},      {"Done (x)", "done"},
    {"debiased_text", ""}, {"comments", "comments"},  {"text_length", "text_length"},
};
constexpr const char* kWordsKey = "biased_words";
constexpr const char* kWordsLiteralKey = "biased_words_literal";  // only when repr() would differ
constexpr const char* kLineEndingKey = "csv_line_ending";        // only when not "\n"

std::string metadataText(const nlohmann::json& metadata, const std::string& key) {
    const auto it = metadata.find(key);
    if (it == metadata.end() || it->is_null()) return "";
    return it->is_string() ? it->get<std::string>() : it->dump();
}

// The strings of a JSON array (other values are written as JSON text); empty for a non-array.
std::vector<std::string> stringList(const nlohmann::json& value) {
    std::vector<std::string> out;
    if (!value.is_array()) return out;
    for (const auto& v : value) out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    return out;
}

}  // namespace

const std::vector<std::string>& srllmCsvColumns() {
    static const std::vector<std::string> kNames = [] {
        std::vector<std::string> names;
        for (const auto& c : kColumns) names.emplace_back(c.name);
        return names;
    }();
    return kNames;
}

SrllmCsvReader::SrllmCsvReader(std::string path) : m_csv(std::move(path), ','), m_header(m_csv) {
    m_header.require("biased_text");
}

std::optional<ItemImportRecord> SrllmCsvReader::next() {
    auto row = m_csv.next();
    if (!row) return std::nullopt;
    m_header.checkWidth(*row);
    ItemImportRecord record;
    record.line = row->line;
    const auto& names = m_header.names();
    std::string wordsLiteral;
    for (size_t i = 0; i < names.size(); ++i) {
        std::string& value = row->fields[i];
        if (names[i] == "biased_text") {
            record.text = std::move(value);
        } else if (names[i] == "debiased_text") {
            if (!value.empty()) record.references.push_back(std::move(value));
        } else if (names[i] == "biased_words") {
            wordsLiteral = std::move(value);
        } else if (!value.empty()) {
            std::string key = names[i];
            for (const auto& c : kColumns)
                if (key == c.name) key = c.metadataKey;
            record.metadata[key] = std::move(value);
        }
    }
    if (record.text.empty()) {
        throw InputError(m_csv.path(), record.line, "biased_text", "text is empty (hint: every row needs a text)");
    }
    if (!wordsLiteral.empty()) {
        auto parsed = parsePythonStringList(wordsLiteral);
        if (!parsed.ok) {
            m_warnings.push_back({m_csv.path(), record.line, kWordsKey,
                                  "not a Python list of strings (" + parsed.error + "); kept as text"});
            record.metadata[kWordsLiteralKey] = wordsLiteral;
        } else {
            if (pythonStringListRepr(parsed.values) != wordsLiteral) record.metadata[kWordsLiteralKey] = wordsLiteral;
            auto located = locateWords(record.text, parsed.values);
            for (const auto& word : located.missing) {
                m_warnings.push_back({m_csv.path(), record.line, kWordsKey,
                                      "biased word '" + word + "' not found in biased_text; no span made"});
            }
            record.spans = std::move(located.spans);
            record.metadata[kWordsKey] = parsed.values;
        }
    }
    if (m_csv.lineEnding() != "\n") record.metadata[kLineEndingKey] = m_csv.lineEnding();
    return record;
}

std::string srllmCsvLineEnding(const nlohmann::json& metadata) {
    const auto recorded = metadataText(metadata, kLineEndingKey);
    return recorded == "\r\n" ? recorded : "\n";
}

SrllmCsvWriter::SrllmCsvWriter(std::ostream& out, std::string lineEnding)
    : m_out(out), m_lineEnding(std::move(lineEnding)) {
    writeCsvRow(m_out, srllmCsvColumns(), ',', m_lineEnding);
}

void SrllmCsvWriter::write(const ItemImportRecord& record) {
    std::vector<std::string> fields;
    for (const auto& c : kColumns) {
        const std::string name = c.name;
        if (name == "biased_text") {
            fields.push_back(record.text);
        } else if (name == "debiased_text") {
            fields.push_back(record.references.empty() ? "" : record.references.front());
        } else if (name == "biased_words") {
            const auto& m = record.metadata;
            if (m.contains(kWordsLiteralKey)) fields.push_back(metadataText(m, kWordsLiteralKey));
            else if (m.contains(kWordsKey)) fields.push_back(pythonStringListRepr(stringList(m[kWordsKey])));
            else fields.push_back("");
        } else {
            fields.push_back(metadataText(record.metadata, c.metadataKey));
        }
    }
    writeCsvRow(m_out, fields, ',', m_lineEnding);
}

}  // namespace srllm::core
