#include "ui/shortcut-registry.h"

#include <QAction>
#include <QSettings>
#include <QWidget>

namespace srllm::ui {

namespace {
QString settingsKey(const QString& id) { return QStringLiteral("shortcuts/") + id; }
}  // namespace

ShortcutRegistry& ShortcutRegistry::instance() {
    static ShortcutRegistry registry;
    return registry;
}

void ShortcutRegistry::add(QAction* action, const QString& id, const QKeySequence& defaultKey) {
    m_actions.removeIf([](const Registered& r) { return r.action.isNull(); });
    m_actions.append({id, defaultKey, action});
    action->setShortcut(key(id, defaultKey));
}

QAction* ShortcutRegistry::addViewAction(QWidget* view, const QString& id, const QString& text,
                                         const QKeySequence& defaultKey, std::function<void()> run) {
    auto* action = new QAction(text, view);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(action, &QAction::triggered, view, std::move(run));
    view->addAction(action);
    add(action, id, defaultKey);
    return action;
}

QList<ShortcutRegistry::Entry> ShortcutRegistry::entries() const {
    QList<Entry> out;
    QStringList seen;
    for (const Registered& r : m_actions) {
        if (r.action.isNull() || seen.contains(r.id)) continue;
        seen << r.id;
        out.append({r.id, r.action->text().remove(QLatin1Char('&')), r.defaultKey, r.action->shortcut()});
    }
    return out;
}

void ShortcutRegistry::setKey(const QString& id, const QKeySequence& key) {
    QSettings().setValue(settingsKey(id), key.toString(QKeySequence::PortableText));
    for (const Registered& r : m_actions)
        if (r.id == id && !r.action.isNull()) r.action->setShortcut(key);
}

QKeySequence ShortcutRegistry::key(const QString& id, const QKeySequence& defaultKey) const {
    const QSettings settings;
    if (!settings.contains(settingsKey(id))) return defaultKey;
    return QKeySequence(settings.value(settingsKey(id)).toString(), QKeySequence::PortableText);
}

}  // namespace srllm::ui
