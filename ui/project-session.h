#pragma once
// The open project and the annotator working in it, shared by every view of the main window.
// Views read the store through db() and announce their writes through the notify* functions, so other
// views refresh without polling. Threading: GUI thread only (the db::Database belongs to it).
#include <cstdint>
#include <memory>

#include <QObject>
#include <QString>
#include <nlohmann/json.hpp>

class QUndoStack;

namespace srllm::db {
class Database;
class Project;
}  // namespace srllm::db

namespace srllm::ui {

class ProjectSession : public QObject {
    Q_OBJECT
public:
    // Takes ownership of an open project; the annotator must exist in it (db::ensureAnnotator).
    ProjectSession(std::unique_ptr<db::Project> project, int64_t annotatorId, QObject* parent = nullptr);
    ~ProjectSession() override;

    db::Project& project() { return *m_project; }
    db::Database& db();
    QString projectPath() const;

    int64_t annotatorId() const { return m_annotatorId; }
    QString annotatorName() const { return m_annotatorName; }
    QString annotatorRole() const { return m_annotatorRole; }  // "annotator" | "expert" | "reviewer"

    // The current taxonomy version and its JSON (cached; refreshed by setTaxonomy / reloadTaxonomy).
    int taxonomyVersion() const { return m_taxonomyVersion; }
    nlohmann::json taxonomy() const { return m_taxonomy; }

    // One undo history for the whole window, so Edit > Undo works in whichever view made the change.
    QUndoStack* undoStack() const { return m_undoStack; }

    // Stores the JSON as a new taxonomy version and emits taxonomyChanged.
    int setTaxonomy(const nlohmann::json& taxonomy);
    // Re-reads the current taxonomy (after another process changed it) and emits taxonomyChanged.
    void reloadTaxonomy();

    // Called by whoever wrote to the store; they only emit the matching signal.
    void notifyAnnotationsChanged(qint64 itemId) { emit annotationsChanged(itemId); }
    void notifyGoldChanged(qint64 itemId) { emit goldChanged(itemId); }

signals:
    void annotationsChanged(qint64 itemId);
    void goldChanged(qint64 itemId);
    void taxonomyChanged();

private:
    void loadTaxonomy();

    std::unique_ptr<db::Project> m_project;
    int64_t m_annotatorId = 0;
    QString m_annotatorName;
    QString m_annotatorRole;
    int m_taxonomyVersion = 0;
    nlohmann::json m_taxonomy;
    QUndoStack* m_undoStack = nullptr;
};

}  // namespace srllm::ui
