#include "core/data/mapped-csv-reader.h"

#include <algorithm>
#include <memory>

namespace srllm::core {

namespace {
constexpr const char* kFieldsHelp = "text, id, split, reference or metadata.NAME";

[[noreturn]] void badMapping(const std::string& spec, const std::string& why) {
    throw InputError("", 0, "--map", "'" + spec + "': " + why + " (hint: COLUMN=FIELD with FIELD one of " +
                                         kFieldsHelp + ")");
}
}  // namespace

ColumnMapping parseColumnMapping(const std::string& spec) {
    const auto eq = spec.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) badMapping(spec, "expected COLUMN=FIELD");
    ColumnMapping m;
    m.column = spec.substr(0, eq);
    const std::string field = spec.substr(eq + 1);
    using T = ColumnMapping::Target;
    if (field == "text") m.target = T::Text;
    else if (field == "id") m.target = T::Id;
    else if (field == "split") m.target = T::Split;
    else if (field == "reference") m.target = T::Reference;
    else if (field.rfind("metadata.", 0) == 0 && field.size() > 9) m.metadataKey = field.substr(9);
    else badMapping(spec, "unknown field '" + field + "'");
    return m;
}

char delimiterForPath(const std::string& path) {
    auto dot = path.rfind('.');
    std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == "tsv" || ext == "tab" ? '\t' : ',';
}

MappedCsvReader::MappedCsvReader(std::string path, char delimiter, std::vector<ColumnMapping> mappings)
    : m_csv(std::move(path), delimiter), m_header(m_csv) {
    using T = ColumnMapping::Target;
    const bool textMapped = std::any_of(mappings.begin(), mappings.end(),
                                        [](const ColumnMapping& m) { return m.target == T::Text; });
    if (!textMapped) mappings.push_back({"text", T::Text, ""});
    for (const auto& name : m_header.names()) m_byColumn.push_back({name, T::Metadata, name});
    int textColumns = 0;
    for (const auto& m : mappings) {
        m_byColumn[m_header.require(m.column)] = m;
        textColumns += m.target == T::Text;
    }
    if (textColumns > 1) throw InputError("", 0, "--map", "more than one column maps to text");
}

std::optional<ItemImportRecord> MappedCsvReader::next() {
    auto row = m_csv.next();
    if (!row) return std::nullopt;
    m_header.checkWidth(*row);
    ItemImportRecord record;
    record.line = row->line;
    using T = ColumnMapping::Target;
    for (size_t i = 0; i < m_byColumn.size(); ++i) {
        std::string& value = row->fields[i];
        const auto& m = m_byColumn[i];
        switch (m.target) {
            case T::Text:
                if (value.empty()) throw InputError(m_csv.path(), row->line, m.column, "text is empty");
                record.text = std::move(value);
                break;
            case T::Id:
                if (!value.empty()) record.externalId = std::move(value);
                break;
            case T::Split:
                if (value.empty()) break;
                if (value != "train" && value != "val" && value != "test")
                    throw InputError(m_csv.path(), row->line, m.column,
                                     "split '" + value + "' is not train, val or test");
                record.split = std::move(value);
                break;
            case T::Reference:
                if (!value.empty()) record.references.push_back(std::move(value));
                break;
            case T::Metadata:
                if (!value.empty()) record.metadata[m.metadataKey] = std::move(value);
                break;
        }
    }
    return record;
}

std::unique_ptr<ItemReader> makeParadetoxReader(const std::string& path) {
    using T = ColumnMapping::Target;
    return std::make_unique<MappedCsvReader>(
        path, '\t',
        std::vector<ColumnMapping>{{"toxic", T::Text, ""},
                                   {"neutral1", T::Reference, ""},
                                   {"neutral2", T::Reference, ""},
                                   {"neutral3", T::Reference, ""}});
}

}  // namespace srllm::core
