#include "ui/main/session-status-bar.h"

#include <QFileInfo>
#include <QLabel>

namespace srllm::ui {

SessionStatusBar::SessionStatusBar(QWidget* parent)
    : QStatusBar(parent), m_project(new QLabel(this)), m_annotator(new QLabel(this)), m_progress(new QLabel(this)) {
    for (QLabel* label : {m_project, m_annotator, m_progress}) {
        label->setContentsMargins(8, 0, 8, 0);
        addPermanentWidget(label);
    }
    setProject(QString());
}

void SessionStatusBar::setProject(const QString& path) {
    m_project->setText(path.isEmpty() ? tr("No project open") : tr("Project: %1").arg(QFileInfo(path).fileName()));
    m_project->setToolTip(path);
    m_annotator->setVisible(!path.isEmpty());
    m_progress->setVisible(!path.isEmpty());
}

void SessionStatusBar::setAnnotator(const QString& name, const QString& role) {
    m_annotator->setText(tr("Annotator: %1 (%2)").arg(name, role));
}

void SessionStatusBar::setProgress(int done, int total) {
    m_progress->setText(tr("Progress: %1 / %2 done").arg(done).arg(total));
}

}  // namespace srllm::ui
