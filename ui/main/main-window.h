#pragma once
// The workbench window. It only wires things together: the mode bar (one page per mode), the menus and
// their actions, the guideline dock and the status bar; every page, dock and dialog is its own class.
// Threading: GUI thread only.
#include <memory>

#include <QMainWindow>

class QActionGroup;
class QDockWidget;
class QMenu;
class QStackedWidget;
class QUndoGroup;

namespace srllm::ui {

class GuidelinePanel;
class ProjectSession;
class SessionStatusBar;
class WelcomePage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Mode { Annotate, Browse, Adjudicate, Agreement, Train, Evaluate, Review };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens (or creates) a project and asks who is annotating (unless annotator names them); false when
    // it failed or was cancelled.
    bool openProject(const QString& path, const QString& annotator = QString());
    bool createProject(const QString& path);
    ProjectSession* session() const { return m_session.get(); }
    void setMode(Mode mode);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createModeBar();
    void setSession(std::unique_ptr<ProjectSession> session);
    QWidget* createPage(Mode mode);
    void chooseNewProject();
    void chooseProjectToOpen();
    void switchAnnotator();
    void rebuildRecentMenu();
    void chooseLanguage(const QString& code);
    void showAbout();

    std::unique_ptr<ProjectSession> m_session;
    QStackedWidget* m_pages;
    WelcomePage* m_welcome;
    QActionGroup* m_modes;
    QList<QAction*> m_sessionActions;  // enabled only while a project is open
    QList<QAction*> m_expertActions;   // enabled only while an expert has a project open
    QMenu* m_recentMenu = nullptr;
    QUndoGroup* m_undoGroup;
    QDockWidget* m_guideDock;
    GuidelinePanel* m_guide;
    SessionStatusBar* m_status;
};

}  // namespace srllm::ui
