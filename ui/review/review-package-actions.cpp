#include "ui/review/review-package-actions.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>

#include "db/annotators.h"
#include "db/review-package.h"
#include "db/review-sessions.h"
#include "ui/project-session.h"

namespace srllm::ui {

QString ReviewPackageActions::writePackage(ProjectSession* session, const QString& sessionName, const QString& reviewer,
                                           const QString& path) {
    const auto m = db::createReviewPackage(session->project(), sessionName.toStdString(), reviewer.toStdString(),
                                           path.toStdString());
    return tr("Package %1 for %2: %n comparison(s).", nullptr, int(m.comparisons)).arg(path, reviewer);
}

QString ReviewPackageActions::mergePackage(ProjectSession* session, const QString& path) {
    const auto s = db::mergeReviewPackage(session->project(), path.toStdString());
    session->notifyQueuesChanged();
    return tr("Merged %1 (%2): %3 new, %4 updated, %5 unchanged, %6 kept (newer here).")
        .arg(QFileInfo(path).fileName(), QString::fromStdString(s.reviewer))
        .arg(s.inserted)
        .arg(s.updated)
        .arg(s.unchanged)
        .arg(s.keptNewer);
}

bool ReviewPackageActions::packageWithDialogs(ProjectSession* session, QWidget* parent) {
    QStringList sessions, reviewers;  // every session: the lead packages sessions they do not review themselves
    for (const auto& row : db::listReviewSessions(session->db())) sessions << QString::fromStdString(row.name);
    for (const auto& person : db::listAnnotators(session->db())) reviewers << QString::fromStdString(person.name);
    bool ok = false;
    const QString sessionName = QInputDialog::getItem(parent, tr("Review package"), tr("Review session:"), sessions,
                                                      int(sessions.size()) - 1, false, &ok);
    if (!ok) return false;
    const QString reviewer = QInputDialog::getItem(parent, tr("Review package"), tr("Package the comparisons of:"),
                                                   reviewers, 0, false, &ok);
    if (!ok) return false;
    const QString path = QFileDialog::getSaveFileName(parent, tr("Write review package"),
                                                      QFileInfo(session->projectPath()).absolutePath() + QLatin1Char('/') +
                                                          reviewer + QStringLiteral("-review.srllm"),
                                                      tr("Project files (*.srllm)"));
    if (path.isEmpty()) return false;
    try {
        QMessageBox::information(parent, tr("Review package"), writePackage(session, sessionName, reviewer, path));
        return true;
    } catch (const std::exception& e) {
        QMessageBox::warning(parent, tr("Review package"), QString::fromStdString(e.what()));
        return false;
    }
}

bool ReviewPackageActions::mergeWithDialogs(ProjectSession* session, QWidget* parent) {
    const QStringList paths = QFileDialog::getOpenFileNames(parent, tr("Merge review packages"),
                                                            QFileInfo(session->projectPath()).absolutePath(),
                                                            tr("Project files (*.srllm)"));
    QStringList lines;
    for (const QString& path : paths) {
        try {
            lines << mergePackage(session, path);
        } catch (const std::exception& e) {
            QMessageBox::warning(parent, tr("Merge review packages"), QString::fromStdString(e.what()));
            return false;
        }
    }
    if (!lines.isEmpty()) QMessageBox::information(parent, tr("Merge review packages"), lines.join(QLatin1Char('\n')));
    return !lines.isEmpty();
}

}  // namespace srllm::ui
