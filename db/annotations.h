#pragma once
// Annotations: one row per item and annotator, holding the labels for one taxonomy version.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data/import-record.h"

namespace srllm::db {

class Database;

struct AnnotationRow {
    int64_t id = 0;
    int64_t itemId = 0;
    int64_t annotatorId = 0;
    int taxonomyVersion = 1;
    nlohmann::json labels = nlohmann::json::object();  // {field_key: "Value" | ["V1", "V2"]}
    std::vector<core::Span> spans{};                   // code points, [start, end)
    std::optional<std::string> rewrite{};
    double seconds = 0;  // time spent labelling
    std::string status = "draft";  // "draft" | "done"
    std::string createdAt{}, updatedAt{};  // ISO-8601 UTC, set by the store
};

// Inserts, or updates the one row for (itemId, annotatorId); returns its id. createdAt survives updates.
int64_t saveAnnotation(Database& db, const AnnotationRow& row);
std::optional<AnnotationRow> annotationFor(Database& db, int64_t itemId, int64_t annotatorId);
std::vector<AnnotationRow> annotationsForItem(Database& db, int64_t itemId);  // by annotator id
std::vector<AnnotationRow> allAnnotations(Database& db);                      // by item, then annotator

}  // namespace srllm::db
