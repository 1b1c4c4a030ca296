#pragma once
// What the window shows before a project is open: how to start, and the recent projects.
#include <QWidget>

class QListWidget;

namespace srllm::ui {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);
    void refresh();  // re-reads the recent projects

signals:
    void newRequested();
    void openRequested();
    void recentChosen(const QString& path);

private:
    QListWidget* m_recent;
};

}  // namespace srllm::ui
