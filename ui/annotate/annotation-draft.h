#pragma once
// The current annotator's annotation of the item on screen. Every change goes through an undoable
// AnnotationEditCommand and is written to the store at once (status "draft" until marked done), so a
// killed process loses nothing already entered. Saving as done answers a re-review request and lets the
// store route the item if its annotators disagree (db/routing.h). Blind by design: it reads only the
// annotator's own row.
// Threading: GUI thread only.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <QObject>
#include <QString>
#include <nlohmann/json.hpp>

#include "core/data/import-record.h"

namespace srllm::ui {

class ProjectSession;

// The undoable part of an annotation. status is "todo" (nothing stored yet), "draft" or "done".
struct AnnotationState {
    nlohmann::json labels = nlohmann::json::object();
    std::vector<core::Span> spans;
    std::optional<std::string> rewrite;
    std::string status = "todo";
    bool operator==(const AnnotationState& other) const;
};

class AnnotationDraft : public QObject {
    Q_OBJECT
public:
    enum class EditKind { Label, Span, Rewrite, Status };

    explicit AnnotationDraft(ProjectSession* session, QObject* parent = nullptr);

    // Shows another item; returns false (and keeps the current one) when the item does not exist.
    bool load(int64_t itemId);
    int64_t itemId() const { return m_itemId; }
    const QString& text() const { return m_text; }
    const AnnotationState& state() const { return m_state; }

    // Pushes one undoable edit that turns the current state into change(state). A no-op is not pushed.
    void edit(EditKind kind, const QString& description, const std::function<void(AnnotationState&)>& change);

    // Sets the state of an item (loading it first if needed) and saves it; used by undo commands.
    void apply(int64_t itemId, const AnnotationState& state);

    // Adds time spent on the current item and saves it (time is not part of the undo history).
    void addSeconds(double seconds);
    // Counts characters pasted into the rewrite (paste detection; not part of the undo history).
    void addPastedChars(int64_t chars);
    // Marks a re-review as answered once the annotation is done again (saved under the current taxonomy).
    void answerReview();
    // Why a taxonomy or guideline change asks to look at this annotation again; empty when it does not.
    const std::optional<std::string>& reviewReason() const { return m_reviewReason; }

signals:
    void loaded(qint64 itemId);  // another item is on screen
    void changed();              // the state of the item on screen changed
    void saveFailed(const QString& message);

private:
    void save();

    ProjectSession* m_session;
    int64_t m_itemId = 0;
    QString m_text;
    AnnotationState m_state;
    double m_seconds = 0;
    int64_t m_pastedChars = 0;
    std::optional<std::string> m_reviewReason;
};

}  // namespace srllm::ui
