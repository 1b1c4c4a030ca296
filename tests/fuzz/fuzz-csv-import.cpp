// Fuzz target: CSV/TSV import. The first byte picks the reader (srllm-csv, paradetox, csv with or without
// column maps) and the delimiter; the rest is the file, detected and then read to the end.
#include <vector>

#include "core/data/import-format.h"
#include "fuzz/fuzz-support.h"

using namespace srllm::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto [selector, rest] = srllm::fuzz::select(data, size);
    const std::string path = srllm::fuzz::writeInput(selector & 1 ? "input.tsv" : "input.csv", rest).string();
    static const ImportFormat kFormats[] = {ImportFormat::SrllmCsv, ImportFormat::Paradetox, ImportFormat::Csv};
    const ImportFormat format = kFormats[(selector >> 1) % 3];
    std::vector<ColumnMapping> mappings;
    if (format == ImportFormat::Csv && (selector & 8))
        for (const char* spec : {"id=id", "split=split", "reference=reference", "note=metadata.note"})
            mappings.push_back(parseColumnMapping(spec));
    srllm::fuzz::expectInputErrors(path, [&] { detectImportFormat(path); });
    srllm::fuzz::expectInputErrors(path, [&] {
        const auto reader = makeItemReader(format, path, mappings);
        while (reader->next()) {
        }
    });
    return 0;
}
