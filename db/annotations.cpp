#include "db/annotations.h"

#include "db/access.h"
#include "db/database.h"
#include "db/span-json.h"
#include "db/stored-json.h"

namespace srllm::db {

namespace {

constexpr const char* kColumns =
    "SELECT id, item_id, annotator_id, taxonomy_version, labels, spans, rewrite, seconds, status, created_at,"
    " updated_at, review_reason, pasted_chars FROM annotations ";

AnnotationRow readAnnotation(const Statement& st) {
    AnnotationRow row;
    row.id = st.columnInt(0);
    row.itemId = st.columnInt(1);
    row.annotatorId = st.columnInt(2);
    row.taxonomyVersion = static_cast<int>(st.columnInt(3));
    const std::string where = "annotations row " + std::to_string(row.id);
    row.labels = storedJson(st, 4, "labels of " + where);
    row.spans = spansFromJson(st, 5, "spans of " + where);
    row.rewrite = st.columnOptionalText(6);
    row.seconds = st.columnDouble(7);
    row.status = st.columnText(8);
    row.createdAt = st.columnText(9);
    row.updatedAt = st.columnText(10);
    row.reviewReason = st.columnOptionalText(11);
    row.pastedChars = st.columnInt(12);
    return row;
}

std::vector<AnnotationRow> readAll(Statement& st) {
    std::vector<AnnotationRow> rows;
    while (st.step()) rows.push_back(readAnnotation(st));
    return rows;
}

}  // namespace

int64_t saveAnnotation(Database& db, const AnnotationRow& row) {
    if (!row.labels.is_object())
        throw DbError(db.path() + ": annotation of item " + std::to_string(row.itemId) +
                      ": labels must be a JSON object {field: value}");
    if (isBlind(db) && row.annotatorId != readerId(db)) requireFullAccess(db, "saving another annotator's labels");
    auto st = db.prepare(
        "INSERT INTO annotations(item_id, annotator_id, taxonomy_version, labels, spans, rewrite, seconds, status,"
        " review_reason, pasted_chars) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
        " ON CONFLICT(item_id, annotator_id) DO UPDATE SET taxonomy_version = excluded.taxonomy_version,"
        " labels = excluded.labels, spans = excluded.spans, rewrite = excluded.rewrite,"
        " seconds = excluded.seconds, status = excluded.status, review_reason = excluded.review_reason,"
        " pasted_chars = excluded.pasted_chars, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        " RETURNING id");
    st.bind(1, row.itemId).bind(2, row.annotatorId).bind(3, row.taxonomyVersion).bind(4, row.labels.dump());
    st.bind(5, spansToJson(row.spans)).bind(6, row.rewrite).bind(7, row.seconds).bind(8, row.status);
    st.bind(9, row.reviewReason).bind(10, row.pastedChars);
    st.step();
    const int64_t id = st.columnInt(0);
    st.reset();
    return id;
}

std::optional<AnnotationRow> annotationFor(Database& db, int64_t itemId, int64_t annotatorId) {
    if (annotatorId != readerId(db)) requireOthersReadable(db, itemId, "another annotator's annotation");
    auto st = db.prepare(std::string(kColumns) + "WHERE item_id = ?1 AND annotator_id = ?2");
    st.bind(1, itemId).bind(2, annotatorId);
    if (!st.step()) return std::nullopt;
    return readAnnotation(st);
}

std::vector<AnnotationRow> annotationsForItem(Database& db, int64_t itemId) {
    requireOthersReadable(db, itemId, "every annotation");
    auto st = db.prepare(std::string(kColumns) + "WHERE item_id = ?1 ORDER BY annotator_id");
    st.bind(1, itemId);
    return readAll(st);
}

std::vector<AnnotationRow> allAnnotations(Database& db) {
    requireFullAccess(db, "reading every annotation");
    auto st = db.prepare(std::string(kColumns) + "ORDER BY item_id, annotator_id");
    return readAll(st);
}

std::vector<AnnotationRow> doneAnnotationsForFigures(Database& db) {
    auto st = db.prepare(std::string(kColumns) + "WHERE status = 'done' ORDER BY item_id, annotator_id");
    return readAll(st);
}

std::vector<AnnotationRow> doneAnnotationsOfItemForFigures(Database& db, int64_t itemId) {
    auto st = db.prepare(std::string(kColumns) + "WHERE item_id = ?1 AND status = 'done' ORDER BY annotator_id");
    st.bind(1, itemId);
    return readAll(st);
}

}  // namespace srllm::db
