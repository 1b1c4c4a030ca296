#pragma once
// The main window's status bar: the open project, the annotator and their progress, plus transient
// messages from the views.
#include <QStatusBar>

class QLabel;

namespace srllm::ui {

class SessionStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit SessionStatusBar(QWidget* parent = nullptr);

    // Empty path: no project open.
    void setProject(const QString& path);
    void setAnnotator(const QString& name, const QString& role);
    void setProgress(int done, int total);

private:
    QLabel* m_project;
    QLabel* m_annotator;
    QLabel* m_progress;
};

}  // namespace srllm::ui
