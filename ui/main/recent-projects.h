#pragma once
// The most recently opened project files, newest first, kept in QSettings ("projects/recent").
#include <QString>
#include <QStringList>

namespace srllm::ui {

QStringList recentProjects();
void addRecentProject(const QString& path);
void removeRecentProject(const QString& path);

}  // namespace srllm::ui
