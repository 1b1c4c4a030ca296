#pragma once
// The open project and the annotator working in it, shared by every view of the main window.
// Views read the store through db() and announce their writes through the notify* functions, so other
// views refresh without polling. The session's connection carries the annotator as its reader, so the
// store's blind rule (db/access.h) applies to every read a view makes. Writes by other processes or by
// worker threads are noticed through SQLite's data_version and announced as changedElsewhere().
// Threading: GUI thread only (the db::Database belongs to it); workers open their own connection.
#include <cstdint>
#include <memory>

#include <QObject>
#include <QString>
#include <nlohmann/json.hpp>

class QTimer;
class QUndoStack;

namespace srllm::db {
class Database;
class Project;
struct Reader;
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
    // Experts see everything and run the team (assign, route, adjudicate); everyone else is blind.
    bool isExpert() const { return m_annotatorRole == QLatin1String("expert"); }
    db::Reader reader() const;
    // A second connection to the same project with the same reader, for a worker thread (any thread).
    static std::unique_ptr<db::Project> openConnection(const QString& path, const db::Reader& reader);

    // The current taxonomy version and its JSON (cached; refreshed by reloadTaxonomy).
    int taxonomyVersion() const { return m_taxonomyVersion; }
    nlohmann::json taxonomy() const { return m_taxonomy; }

    // One undo history for the whole window, so Edit > Undo works in whichever view made the change.
    QUndoStack* undoStack() const { return m_undoStack; }

    // Re-reads the current taxonomy (after another process changed it) and emits taxonomyChanged.
    void reloadTaxonomy();

    // Called by whoever wrote to the store; they only emit the matching signal.
    void notifyAnnotationsChanged(qint64 itemId) { emit annotationsChanged(itemId); }
    void notifyGoldChanged(qint64 itemId) { emit goldChanged(itemId); }
    void notifyQueuesChanged() { emit queuesChanged(); }  // assignments or routing changed
    // Checks data_version now (a timer does it every second); emits changedElsewhere when it moved.
    void checkForOutsideChanges();

signals:
    void annotationsChanged(qint64 itemId);
    void goldChanged(qint64 itemId);
    void taxonomyChanged();
    void queuesChanged();
    // Another process or a worker thread committed: views re-read, keeping the annotator's place and draft.
    void changedElsewhere();

private:
    void loadTaxonomy();

    std::unique_ptr<db::Project> m_project;
    int64_t m_annotatorId = 0;
    QString m_annotatorName;
    QString m_annotatorRole;
    int m_taxonomyVersion = 0;
    nlohmann::json m_taxonomy;
    QUndoStack* m_undoStack = nullptr;
    QTimer* m_poll = nullptr;
    int64_t m_dataVersion = 0;
};

}  // namespace srllm::ui
