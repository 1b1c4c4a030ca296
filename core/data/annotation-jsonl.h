#pragma once
// The `annotations` format: JSON Lines, one annotation per line:
//   {"item": ID-or-text, "annotator": NAME, "labels": {key: "Value" | ["V", ...]},
//    "spans": [[start, end], ...], "rewrite": "..."}
// Structure is checked here; label keys/values against the taxonomy are checked by the importer.
#include <optional>
#include <string>

#include "core/data/import-record.h"
#include "core/data/jsonl-lines.h"

namespace srllm::core {

class AnnotationJsonlReader {
public:
    explicit AnnotationJsonlReader(std::string path);
    // The next annotation, or nullopt at the end; throws InputError naming file, line and key.
    std::optional<AnnotationImportRecord> next();
    const std::string& path() const { return m_lines.path(); }
    int64_t bytesRead() const { return m_lines.bytesRead(); }
    int64_t bytesTotal() const { return m_lines.bytesTotal(); }
    const Diagnostics& warnings() const { return m_warnings; }

private:
    JsonlLines m_lines;
    Diagnostics m_warnings;
};

}  // namespace srllm::core
