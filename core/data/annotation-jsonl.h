#pragma once
// The `annotations` format: JSON Lines, one annotation per line:
//   {"item": ID-or-text, "annotator": NAME, "labels": {key: "Value" | ["V", ...]},
//    "spans": [[start, end], ...], "rewrite": "..."}
// The `suggestions` format is the same with "source" (who suggested it: "gpt-3.5", a scorer) in place of
// "annotator". Structure is checked here; label keys/values against the taxonomy by the importer.
#include <optional>
#include <string>

#include "core/data/import-record.h"
#include "core/data/jsonl-lines.h"

namespace srllm::core {

// NOTE: the exporter (core/data/annotation-export.h) writes these keys; the reader takes them back.
inline constexpr const char* kItemKey = "item";
inline constexpr const char* kLabelsKey = "labels";
inline constexpr const char* kSpansKey = "spans";
inline constexpr const char* kRewriteKey = "rewrite";
inline constexpr const char* kAnnotatorKey = "annotator";
inline constexpr const char* kSuggestionSourceKey = "source";
// Written by the exporter for people and other tools; ignored (without a warning) on import.
inline constexpr const char* kExportOnlyKeys[] = {"item_uid", "status", "seconds", "taxonomy_version",
                                                   "updated_at", "review_reason", "provenance", "decided_by"};

class AnnotationJsonlReader : public AnnotationReader {
public:
    // whoKey: the key naming who made the record (kAnnotatorKey or kSuggestionSourceKey); its value
    // lands in AnnotationImportRecord::annotator.
    explicit AnnotationJsonlReader(std::string path, std::string whoKey = kAnnotatorKey);
    // The next annotation, or nullopt at the end; throws InputError naming file, line and key.
    std::optional<AnnotationImportRecord> next() override;
    const std::string& path() const override { return m_lines.path(); }
    int64_t bytesRead() const override { return m_lines.bytesRead(); }
    int64_t bytesTotal() const override { return m_lines.bytesTotal(); }
    const Diagnostics& warnings() const override { return m_warnings; }

private:
    JsonlLines m_lines;
    std::string m_whoKey;
    Diagnostics m_warnings;
};

}  // namespace srllm::core
