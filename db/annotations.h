#pragma once
// Annotations: one row per item and annotator, holding the labels for one taxonomy version.
// Reads go through the blind rule of db/access.h: a blind reader reads their own rows, and other
// people's only where mayReadOthersOn allows; listing every row is for full readers.
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
    std::optional<std::string> reviewReason{};  // why a taxonomy/guideline change asks for a re-review
    int64_t pastedChars = 0;  // characters pasted into the rewrite
};

// Inserts, or updates the one row for (itemId, annotatorId); returns its id. createdAt survives updates.
// A blind reader may only save their own annotations.
int64_t saveAnnotation(Database& db, const AnnotationRow& row);
// Throws AccessDenied when a blind reader asks for someone else's row they may not read.
std::optional<AnnotationRow> annotationFor(Database& db, int64_t itemId, int64_t annotatorId);
// Every row of the item, by annotator id; AccessDenied for a blind reader unless mayReadOthersOn.
std::vector<AnnotationRow> annotationsForItem(Database& db, int64_t itemId);
// Every row, by item then annotator; AccessDenied for a blind reader.
std::vector<AnnotationRow> allAnnotations(Database& db);

// Store-internal, without the reader check: the done rows behind figures that show no single person's
// label (agreement, routing, analytics). Views never call these; they read through the functions above.
std::vector<AnnotationRow> doneAnnotationsForFigures(Database& db);  // by item, then annotator
std::vector<AnnotationRow> doneAnnotationsOfItemForFigures(Database& db, int64_t itemId);

}  // namespace srllm::db
