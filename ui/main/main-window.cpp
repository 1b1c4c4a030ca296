#include "ui/main/main-window.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStackedWidget>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>

#include "ui/adjudicate/adjudicate-view.h"
#include "ui/agreement/agreement-view.h"
#include "ui/annotate/annotate-view.h"
#include "ui/annotate/annotation-queue-model.h"
#include "ui/annotate/label-form.h"
#include "ui/annotate/guideline-panel.h"
#include "ui/browser/item-browser-view.h"
#include "ui/data/export-dialog.h"
#include "ui/data/import-dialog.h"
#include "ui/evaluate/evaluate-view.h"
#include "ui/main/app-language.h"
#include "ui/main/annotator-profile-dialog.h"
#include "ui/main/project-opener.h"
#include "ui/main/recent-projects.h"
#include "ui/main/session-status-bar.h"
#include "ui/main/shortcuts-dialog.h"
#include "ui/main/welcome-page.h"
#include "ui/project-session.h"
#include "ui/report/report-dialog.h"
#include "ui/review/review-view.h"
#include "ui/shortcut-registry.h"
#include "ui/taxonomy/taxonomy-editor-dialog.h"
#include "ui/team/assign-dialog.h"
#include "ui/team/routing-dialog.h"
#include "ui/team/suggest-actions.h"
#include "ui/train/train-view.h"

namespace srllm::ui {

namespace {
constexpr int kModeCount = 7;
int pageIndex(MainWindow::Mode mode) { return int(mode) + 1; }  // page 0 is the welcome page
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_pages(new QStackedWidget(this)), m_welcome(new WelcomePage(this)),
      m_modes(new QActionGroup(this)), m_undoGroup(new QUndoGroup(this)), m_guideDock(new QDockWidget(this)),
      m_guide(new GuidelinePanel(m_guideDock)), m_status(new SessionStatusBar(this)) {
    setWindowTitle(tr("SR-LLM Workbench"));
    setCentralWidget(m_pages);
    m_pages->addWidget(m_welcome);
    setStatusBar(m_status);
    m_guideDock->setObjectName(QStringLiteral("guidelineDock"));
    m_guideDock->setWindowTitle(tr("Guidelines"));
    m_guideDock->setWidget(m_guide);
    addDockWidget(Qt::RightDockWidgetArea, m_guideDock);
    m_guideDock->hide();
    createModeBar();
    createMenus();
    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::chooseNewProject);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseProjectToOpen);
    connect(m_welcome, &WelcomePage::recentChosen, this, [this](const QString& path) { openProject(path); });

    const QSettings settings;
    resize(1360, 860);
    restoreGeometry(settings.value("window/geometry").toByteArray());
    setSession(nullptr);
}

MainWindow::~MainWindow() { setSession(nullptr); }  // pages go before the session they point to

bool MainWindow::openProject(const QString& path, const QString& annotator) {
    std::unique_ptr<ProjectSession> session = openProjectSession(this, path, ProjectOpenMode::Open, annotator);
    if (!session) return false;
    setSession(std::move(session));
    return true;
}

bool MainWindow::createProject(const QString& path) {
    std::unique_ptr<ProjectSession> session = openProjectSession(this, path, ProjectOpenMode::Create);
    if (!session) return false;
    setSession(std::move(session));
    return true;
}

void MainWindow::setMode(Mode mode) {
    if (!m_session) return;
    m_modes->actions().at(int(mode))->setChecked(true);
    m_pages->setCurrentIndex(pageIndex(mode));
    m_guideDock->setVisible(mode == Mode::Annotate);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings().setValue("window/geometry", saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::createModeBar() {
    const QList<QPair<Mode, QString>> modes = {
        {Mode::Annotate, tr("Annotate")}, {Mode::Browse, tr("Browse")},   {Mode::Adjudicate, tr("Adjudicate")},
        {Mode::Agreement, tr("Agreement")}, {Mode::Train, tr("Train")}, {Mode::Evaluate, tr("Evaluate")},
        {Mode::Review, tr("Review")},
    };
    auto* bar = addToolBar(tr("Modes"));
    bar->setObjectName(QStringLiteral("modeBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->setStyleSheet(QStringLiteral("QToolButton { padding: 4px 14px; } QToolButton:checked { font-weight: bold; }"));
    for (const auto& [mode, text] : modes) {
        QAction* action = bar->addAction(text);
        action->setCheckable(true);
        m_modes->addAction(action);
        ShortcutRegistry::instance().add(action, QStringLiteral("mode.%1").arg(int(mode)),
                                         QKeySequence(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + int(mode)))));
        connect(action, &QAction::triggered, this, [this, mode = mode] { setMode(mode); });
        m_sessionActions << action;
    }
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    ShortcutRegistry::instance().add(file->addAction(tr("&New project…"), this, &MainWindow::chooseNewProject),
                                     QStringLiteral("file.new"), QKeySequence::New);
    ShortcutRegistry::instance().add(file->addAction(tr("&Open project…"), this, &MainWindow::chooseProjectToOpen),
                                     QStringLiteral("file.open"), QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Recent projects"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    m_sessionActions << file->addAction(tr("Switch annotator…"), this, &MainWindow::switchAnnotator);
    file->addSeparator();
    m_expertActions << file->addAction(tr("&Import…"), this, [this] { ImportDialog(m_session.get(), this).exec(); });
    m_expertActions << file->addAction(tr("&Export…"), this, [this] { ExportDialog(m_session.get(), this).exec(); });
    m_expertActions << file->addAction(tr("&Report…"), this, [this] { ReportDialog(m_session.get(), this).exec(); });
    file->addSeparator();
    QMenu* language = file->addMenu(tr("Language"));
    auto* languages = new QActionGroup(this);
    for (const LanguageChoice& choice : availableLanguages()) {
        QAction* action = language->addAction(choice.native, this, [this, code = choice.code] { chooseLanguage(code); });
        action->setCheckable(true);
        action->setChecked(choice.code == storedLanguage());
        languages->addAction(action);
    }
    file->addSeparator();
    ShortcutRegistry::instance().add(file->addAction(tr("&Quit"), this, &QWidget::close), QStringLiteral("file.quit"),
                                     QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undoGroup->createUndoAction(this, tr("Undo"));
    QAction* redo = m_undoGroup->createRedoAction(this, tr("Redo"));
    edit->addAction(undo);
    edit->addAction(redo);
    ShortcutRegistry::instance().add(undo, QStringLiteral("edit.undo"), QKeySequence::Undo);
    ShortcutRegistry::instance().add(redo, QStringLiteral("edit.redo"), QKeySequence::Redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_guideDock->toggleViewAction());

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(tr("&Keyboard shortcuts…"), this, [this] { ShortcutsDialog(this).exec(); });
    m_expertActions << settings->addAction(tr("&Taxonomy…"), this, [this] {
        if (m_session) TaxonomyEditorDialog(m_session.get(), this).exec();
    });

    // A lead's tools: the store refuses them to blind annotators anyway (db/access.h).
    QMenu* team = menuBar()->addMenu(tr("&Team"));
    m_expertActions << team->addAction(tr("&Assign items…"), this, [this] { AssignDialog(m_session.get(), this).exec(); });
    m_expertActions << team->addAction(tr("Disagreement &routing…"), this,
                                       [this] { RoutingDialog(m_session.get(), this).exec(); });
    m_expertActions << team->addAction(tr("&Suggest candidate words from a word list…"), this,
                                       [this] { suggestFromWordList(this, m_session.get()); });
    m_expertActions << team->addAction(tr("Suggest &risk labels with a scorer…"), this,
                                       [this] { suggestWithScorer(this, m_session.get()); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About SR-LLM Workbench"), this, &MainWindow::showAbout);
}

void MainWindow::setSession(std::unique_ptr<ProjectSession> session) {
    while (m_pages->count() > 1) {
        QWidget* page = m_pages->widget(1);
        m_pages->removeWidget(page);
        delete page;
    }
    if (m_session) m_undoGroup->removeStack(m_session->undoStack());
    m_session = std::move(session);
    for (QAction* action : std::as_const(m_sessionActions)) action->setEnabled(m_session != nullptr);
    for (QAction* action : std::as_const(m_expertActions)) {
        action->setEnabled(m_session && m_session->isExpert());
        action->setToolTip(m_session && !m_session->isExpert() ? tr("For experts (team leads)") : QString());
    }
    if (!m_session) {
        m_welcome->refresh();
        m_pages->setCurrentWidget(m_welcome);
        m_guideDock->hide();
        m_status->setProject(QString());
        setWindowTitle(tr("SR-LLM Workbench"));
        return;
    }
    m_undoGroup->addStack(m_session->undoStack());
    m_undoGroup->setActiveStack(m_session->undoStack());
    m_guide->setTaxonomy(m_session->taxonomy());
    connect(m_session.get(), &ProjectSession::taxonomyChanged, this, [this] { m_guide->setTaxonomy(m_session->taxonomy()); });
    for (int mode = 0; mode < kModeCount; ++mode) m_pages->addWidget(createPage(Mode(mode)));
    m_status->setProject(m_session->projectPath());
    m_status->setAnnotator(m_session->annotatorName(), roleDisplayName(m_session->annotatorRole()));
    setWindowTitle(tr("%1 – SR-LLM Workbench").arg(QFileInfo(m_session->projectPath()).fileName()));
    setMode(Mode::Annotate);
}

QWidget* MainWindow::createPage(Mode mode) {
    ProjectSession* session = m_session.get();
    switch (mode) {
    case Mode::Annotate: {
        auto* view = new AnnotateView(session);
        connect(view, &AnnotateView::activeFieldChanged, m_guide, &GuidelinePanel::showField);
        connect(view, &AnnotateView::progressChanged, m_status, &SessionStatusBar::setProgress);
        connect(view, &AnnotateView::message, this, [this](const QString& text) { m_status->showMessage(text, 6000); });
        m_status->setProgress(view->queue()->doneCount(), view->queue()->rowCount());
        m_guide->showField(view->labelForm()->activeKey());
        return view;
    }
    case Mode::Browse: {
        auto* view = new ItemBrowserView(session);
        connect(view, &ItemBrowserView::itemActivated, this, [this](qint64 itemId) {
            setMode(Mode::Annotate);
            if (auto* annotate = qobject_cast<AnnotateView*>(m_pages->widget(pageIndex(Mode::Annotate))))
                annotate->showItem(itemId);
        });
        return view;
    }
    case Mode::Adjudicate:
        return new AdjudicateView(session);
    case Mode::Agreement:
        return new AgreementView(session);
    case Mode::Train:
        return new TrainView(session);
    case Mode::Evaluate:
    {
        auto* view = new EvaluateView(session);
        connect(view, &EvaluateView::message, this, [this](const QString& text) { m_status->showMessage(text, 6000); });
        return view;
    }
    case Mode::Review: {
        auto* view = new ReviewView(session);
        connect(view, &ReviewView::message, this, [this](const QString& text) { m_status->showMessage(text, 6000); });
        return view;
    }
    }
    return nullptr;
}

void MainWindow::chooseNewProject() {
    const QString path = withProjectExtension(QFileDialog::getSaveFileName(
        this, tr("New project"), QSettings().value("projects/lastFolder").toString(),
        tr("Workbench projects (*.srllm)")));
    if (path.isEmpty()) return;
    QSettings().setValue("projects/lastFolder", QFileInfo(path).absolutePath());
    createProject(path);
}

void MainWindow::chooseProjectToOpen() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"),
                                                      QSettings().value("projects/lastFolder").toString(),
                                                      tr("Workbench projects (*.srllm);;All files (*)"));
    if (path.isEmpty()) return;
    QSettings().setValue("projects/lastFolder", QFileInfo(path).absolutePath());
    openProject(path);
}

void MainWindow::switchAnnotator() {
    if (m_session) openProject(m_session->projectPath());
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = recentProjects();
    for (const QString& path : recent) m_recentMenu->addAction(path, this, [this, path] { openProject(path); });
    if (recent.isEmpty()) m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::chooseLanguage(const QString& code) {
    if (code == storedLanguage()) return;
    setStoredLanguage(code);
    const auto answer = QMessageBox::question(this, tr("Language"),
                                              tr("The new language is used after a restart. Restart now?"));
    if (answer != QMessageBox::Yes) return;
    const QStringList args = m_session ? QStringList{m_session->projectPath()} : QStringList{};
    close();
    QProcess::startDetached(QApplication::applicationFilePath(), args);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About SR-LLM Workbench"),
                       tr("<h3>SR-LLM Workbench %1</h3><p>Annotate texts for safety risks, measure agreement, "
                          "fine-tune and evaluate safer language models, all offline.</p><p>After Raza et al., "
                          "<i>Developing Safe and Responsible Large Language Models</i> (arXiv 2404.01399).</p>")
                           .arg(QApplication::applicationVersion()));
}

}  // namespace srllm::ui
