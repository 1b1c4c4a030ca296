#include "ui/main/project-opener.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>

#include "db/annotators.h"
#include "db/project.h"
#include "ui/main/annotator-profile-dialog.h"
#include "ui/main/recent-projects.h"
#include "ui/project-session.h"

namespace srllm::ui {

std::unique_ptr<ProjectSession> openProjectSession(QWidget* parent, const QString& path, ProjectOpenMode mode,
                                                   const QString& annotator) {
    std::unique_ptr<db::Project> project;
    int64_t annotatorId = 0;
    try {
        project = mode == ProjectOpenMode::Create ? db::Project::create(path.toStdString())
                                                  : db::Project::open(path.toStdString());
        if (!annotator.isEmpty()) annotatorId = db::ensureAnnotator(project->db(), annotator.trimmed().toStdString());
    } catch (const std::exception& e) {
        if (mode == ProjectOpenMode::Open && !QFileInfo::exists(path)) removeRecentProject(path);
        QMessageBox::critical(parent, mode == ProjectOpenMode::Create ? QObject::tr("Cannot create project")
                                                                     : QObject::tr("Cannot open project"),
                              QDir::toNativeSeparators(path) + QStringLiteral("\n\n") + QString::fromUtf8(e.what()));
        return nullptr;
    }
    if (annotatorId == 0) {
        AnnotatorProfileDialog profile(project->db(), QFileInfo(path).fileName(), parent);
        if (profile.exec() != QDialog::Accepted) return nullptr;
        annotatorId = profile.annotatorId();
    }
    addRecentProject(path);
    return std::make_unique<ProjectSession>(std::move(project), annotatorId);
}

QString withProjectExtension(const QString& path) {
    return path.isEmpty() || QFileInfo(path).suffix() == QLatin1String("srllm") ? path : path + QStringLiteral(".srllm");
}

}  // namespace srllm::ui
