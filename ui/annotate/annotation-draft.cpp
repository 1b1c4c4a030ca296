#include "ui/annotate/annotation-draft.h"

#include <QUndoStack>

#include "db/annotations.h"
#include "db/database.h"
#include "db/items.h"
#include "db/routing.h"
#include "ui/annotate/annotation-edit-command.h"
#include "ui/project-session.h"

namespace srllm::ui {

bool AnnotationState::operator==(const AnnotationState& other) const {
    const auto spanKey = [](const std::vector<core::Span>& spans) {
        std::vector<std::pair<int64_t, int64_t>> out;
        for (const core::Span& s : spans) out.emplace_back(s.start, s.end);
        return out;
    };
    return labels == other.labels && spanKey(spans) == spanKey(other.spans) && rewrite == other.rewrite &&
           status == other.status;
}

AnnotationDraft::AnnotationDraft(ProjectSession* session, QObject* parent) : QObject(parent), m_session(session) {}

bool AnnotationDraft::load(int64_t itemId) {
    const std::optional<db::ItemRow> item = db::itemById(m_session->db(), itemId);
    if (!item) return false;
    m_itemId = itemId;
    m_text = QString::fromStdString(item->text);
    m_state = AnnotationState{};
    m_seconds = 0;
    m_pastedChars = 0;
    m_reviewReason.reset();
    if (const auto row = db::annotationFor(m_session->db(), itemId, m_session->annotatorId())) {
        m_state.labels = row->labels.is_object() ? row->labels : nlohmann::json::object();
        m_state.spans = row->spans;
        m_state.rewrite = row->rewrite;
        m_state.status = row->status;
        m_seconds = row->seconds;
        m_pastedChars = row->pastedChars;
        m_reviewReason = row->reviewReason;
    }
    emit loaded(itemId);
    emit changed();
    return true;
}

void AnnotationDraft::edit(EditKind kind, const QString& description,
                           const std::function<void(AnnotationState&)>& change) {
    if (m_itemId == 0) return;
    AnnotationState after = m_state;
    change(after);
    if (after.status == "todo") after.status = "draft";
    if (after == m_state) return;
    m_session->undoStack()->push(new AnnotationEditCommand(this, m_itemId, kind, description, m_state, after));
}

void AnnotationDraft::apply(int64_t itemId, const AnnotationState& state) {
    if (itemId != m_itemId && !load(itemId)) return;
    m_state = state;
    save();
    emit changed();
}

void AnnotationDraft::addSeconds(double seconds) {
    if (m_itemId == 0 || seconds <= 0) return;
    m_seconds += seconds;
    // A glance at an untouched item is not worth a row; its time is kept once something is entered.
    if (m_state.status != "todo") save();
}

void AnnotationDraft::addPastedChars(int64_t chars) {
    if (m_itemId == 0 || chars <= 0) return;
    m_pastedChars += chars;  // saved with the edit the paste makes
}

void AnnotationDraft::answerReview() {
    if (m_itemId == 0 || !m_reviewReason || m_state.status != "done") return;
    m_reviewReason.reset();
    save();
}

void AnnotationDraft::save() {
    db::AnnotationRow row;
    row.itemId = m_itemId;
    row.annotatorId = m_session->annotatorId();
    row.taxonomyVersion = m_session->taxonomyVersion();
    row.labels = m_state.labels;
    row.spans = m_state.spans;
    row.rewrite = m_state.rewrite;
    row.seconds = m_seconds;
    // Undoing back to the untouched state keeps the row (there is no delete) as an empty draft.
    row.status = m_state.status == "done" ? "done" : "draft";
    row.pastedChars = m_pastedChars;
    row.reviewReason = m_reviewReason;
    try {
        db::saveAnnotation(m_session->db(), row);
        // Silent: routing reveals nothing to a blind annotator, and routes an item once.
        if (row.status == "done") db::routeItem(m_session->db(), m_itemId);
    } catch (const std::exception& e) {
        emit saveFailed(QString::fromStdString(e.what()));
        return;
    }
    m_session->notifyAnnotationsChanged(m_itemId);
}

}  // namespace srllm::ui
