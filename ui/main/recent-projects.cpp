#include "ui/main/recent-projects.h"

#include <QFileInfo>
#include <QSettings>

namespace srllm::ui {

namespace {
const char* const kSettingsKey = "projects/recent";
constexpr int kMaxRecent = 8;
}  // namespace

QStringList recentProjects() { return QSettings().value(kSettingsKey).toStringList(); }

void addRecentProject(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recentProjects();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxRecent) list.removeLast();
    QSettings().setValue(kSettingsKey, list);
}

void removeRecentProject(const QString& path) {
    QStringList list = recentProjects();
    list.removeAll(path);
    QSettings().setValue(kSettingsKey, list);
}

}  // namespace srllm::ui
