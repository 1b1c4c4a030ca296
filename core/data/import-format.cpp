#include "core/data/import-format.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <utility>

#include "core/data/jsonl-items.h"
#include "core/data/jsonl-lines.h"
#include "core/data/srllm-csv.h"

namespace srllm::core {

namespace {

const std::vector<std::pair<std::string, ImportFormat>> kFormats = {
    {"srllm-csv", ImportFormat::SrllmCsv}, {"paradetox", ImportFormat::Paradetox}, {"csv", ImportFormat::Csv},
    {"jsonl", ImportFormat::Jsonl},        {"annotations", ImportFormat::Annotations},
    {"label-studio", ImportFormat::LabelStudio}, {"doccano", ImportFormat::Doccano},
};

// The first byte that is not whitespace (0 for an empty file): '[' starts a JSON document, not JSON Lines.
char firstByte(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char c = 0;
    while (in.get(c))
        if (!std::isspace(static_cast<unsigned char>(c))) return c;
    return 0;
}

std::string lowerExtension(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

ImportFormat detectFromHeader(const std::string& path) {
    CsvReader csv(path, delimiterForPath(path));
    const CsvHeader header(csv);
    auto names = header.names();
    if (names.size() == 1 && names[0].find('\t') != std::string::npos) {  // a TSV named .csv/.txt
        CsvReader tsv(path, '\t');
        names = CsvHeader(tsv).names();
    }
    const auto has = [&](const char* column) { return std::find(names.begin(), names.end(), column) != names.end(); };
    if (has("biased_text")) return ImportFormat::SrllmCsv;
    if (has("toxic") && has("neutral1")) return ImportFormat::Paradetox;
    return ImportFormat::Csv;
}

}  // namespace

std::string importFormatName(ImportFormat format) {
    for (const auto& [name, f] : kFormats)
        if (f == format) return name;
    return "";
}

std::string importFormatNames() {
    std::string out;
    for (const auto& [name, f] : kFormats) out += (out.empty() ? "" : "|") + name;
    return out;
}

ImportFormat parseImportFormat(const std::string& name) {
    for (const auto& [known, f] : kFormats)
        if (known == name) return f;
    throw InputError("", 0, "--format", "unknown format '" + name + "' (valid: auto|" + importFormatNames() + ")");
}

ImportFormat detectImportFormat(const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext == "jsonl" || ext == "ndjson" || ext == "json") {
        Utf8FileInput probe(path);  // names a missing file
        if (firstByte(path) == '[') return ImportFormat::LabelStudio;
        JsonlLines lines(path);
        const auto first = lines.next();
        if (first && first->value.contains("annotator")) return ImportFormat::Annotations;
        if (first && first->value.contains("text") &&
            (first->value.contains("label") || first->value.contains("labels") || first->value.contains("entities")))
            return ImportFormat::Doccano;
        return ImportFormat::Jsonl;
    }
    if (ext == "csv" || ext == "tsv" || ext == "tab" || ext == "txt") return detectFromHeader(path);
    Utf8FileInput probe(path);  // names a missing file before complaining about its extension
    throw InputError(path, 0, "", "cannot tell the format from the extension '." + ext +
                                      "' (hint: pass --format " + importFormatNames() + ")");
}

std::unique_ptr<ItemReader> makeItemReader(ImportFormat format, const std::string& path,
                                           const std::vector<ColumnMapping>& mappings) {
    if (!mappings.empty() && format != ImportFormat::Csv)
        throw InputError("", 0, "--map", "--map applies to --format csv only");
    switch (format) {
        case ImportFormat::SrllmCsv: return std::make_unique<SrllmCsvReader>(path);
        case ImportFormat::Paradetox: return makeParadetoxReader(path);
        case ImportFormat::Csv: return std::make_unique<MappedCsvReader>(path, delimiterForPath(path), mappings);
        case ImportFormat::Jsonl: return std::make_unique<JsonlItemReader>(path);
        case ImportFormat::Annotations: case ImportFormat::LabelStudio: case ImportFormat::Doccano: break;
    }
    throw InputError(path, 0, "--format", "annotations are not items (hint: the importer reads them itself)");
}

}  // namespace srllm::core
