#pragma once
// Remappable keyboard shortcuts: every view registers its actions here under a stable id with a default
// key; the user's choice is stored in QSettings ("shortcuts/<id>") and applied to every action with that
// id, including ones created later. Threading: GUI thread only.
#include <functional>

#include <QKeySequence>
#include <QList>
#include <QPointer>
#include <QString>

class QAction;
class QWidget;

namespace srllm::ui {

class ShortcutRegistry {
public:
    struct Entry {
        QString id;
        QString text;  // the action's text without '&'
        QKeySequence defaultKey;
        QKeySequence key;
    };

    static ShortcutRegistry& instance();

    // Gives the action its stored (or default) shortcut and lists it in the shortcuts dialog.
    void add(QAction* action, const QString& id, const QKeySequence& defaultKey);
    // One entry per id whose action still exists, in registration order.
    QList<Entry> entries() const;
    // Stores and applies a shortcut; an empty sequence removes the shortcut.
    void setKey(const QString& id, const QKeySequence& key);
    QKeySequence key(const QString& id, const QKeySequence& defaultKey) const;
    // A registered action on `view` that fires while the focus is inside it (a view's keyboard commands).
    QAction* addViewAction(QWidget* view, const QString& id, const QString& text, const QKeySequence& defaultKey,
                           std::function<void()> run);

private:
    struct Registered {
        QString id;
        QKeySequence defaultKey;
        QPointer<QAction> action;
    };
    QList<Registered> m_actions;
};

}  // namespace srllm::ui
