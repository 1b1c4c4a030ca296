#pragma once
// The import formats by name, auto-detection from a file's extension and header, and the factory
// that opens the matching reader.
#include <memory>
#include <string>
#include <vector>

#include "core/data/import-record.h"
#include "core/data/mapped-csv-reader.h"

namespace srllm::core {

enum class ImportFormat { SrllmCsv, Paradetox, Csv, Jsonl, Annotations, LabelStudio, Doccano };

// "srllm-csv", "paradetox", "csv", "jsonl", "annotations", "label-studio", "doccano".
std::string importFormatName(ImportFormat format);
// Throws InputError (field "--format") listing the valid names for an unknown one.
ImportFormat parseImportFormat(const std::string& name);
// "srllm-csv|paradetox|csv|jsonl|annotations", for help texts.
std::string importFormatNames();

// .jsonl/.ndjson/.json: label-studio when the file is one JSON list; annotations when the first object has
// an "annotator" key; doccano when it has "text" and "label", "labels" or "entities"; else jsonl.
// .csv/.tsv/.txt: srllm-csv when the header has biased_text, paradetox when it has toxic and
// neutral1, else csv. Throws InputError for a missing/empty file or an unknown extension.
ImportFormat detectImportFormat(const std::string& path);

// Opens an item reader (not for Annotations, LabelStudio or Doccano: those hold annotations, read by
// AnnotationJsonlReader and core/data/external-annotations.h). `mappings` apply to csv only.
std::unique_ptr<ItemReader> makeItemReader(ImportFormat format, const std::string& path,
                                           const std::vector<ColumnMapping>& mappings);

}  // namespace srllm::core
