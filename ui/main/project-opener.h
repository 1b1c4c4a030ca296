#pragma once
// Opens or creates a project file and asks who is annotating; the one place that turns a path into a
// ProjectSession, so the start-up, File > Open/New and Switch annotator behave alike.
#include <memory>

#include <QString>

class QWidget;

namespace srllm::ui {

class ProjectSession;

enum class ProjectOpenMode { Open, Create };

// Shows errors (missing file, not a project, newer schema) in a message box naming the file and returns
// nullptr for them and when the annotator dialog is cancelled. A non-empty annotator name skips the
// dialog (command line --annotator). On success the path joins the recent list.
std::unique_ptr<ProjectSession> openProjectSession(QWidget* parent, const QString& path, ProjectOpenMode mode,
                                                   const QString& annotator = QString());

// Adds the project extension (.srllm) to a chosen file name that has none.
QString withProjectExtension(const QString& path);

}  // namespace srllm::ui
