// srllm-workbench: the annotator's and researcher's GUI. Thin on purpose: everything lives in ui/.
// Usage: srllm-workbench [--annotator NAME] [PROJECT.srllm]   (without a project, the last one is reopened)
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

#include "ui/main/app-language.h"
#include "ui/main/main-window.h"
#include "ui/main/recent-projects.h"

int main(int argc, char** argv) {
    Q_INIT_RESOURCE(resources);  // resources.qrc sits in the static ui library
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("srllm"));
    QApplication::setApplicationName(QStringLiteral("srllm-workbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("SR-LLM Workbench"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    srllm::ui::installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "SR-LLM Workbench: annotate, train and evaluate safer LLMs"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QApplication::translate("main", "Project file (.srllm) to open"));
    const QCommandLineOption annotator(QStringLiteral("annotator"),
                                       QApplication::translate("main", "Annotate as NAME (created when absent) instead of asking"),
                                       QStringLiteral("NAME"));
    parser.addOption(annotator);
    parser.process(app);

    srllm::ui::MainWindow window;
    QString project = parser.positionalArguments().value(0);
    if (project.isEmpty() && !srllm::ui::recentProjects().isEmpty() &&
        QFileInfo::exists(srllm::ui::recentProjects().first()))
        project = srllm::ui::recentProjects().first();
    // The annotator dialog comes first; the window appears with the project (or the welcome page).
    if (!project.isEmpty()) window.openProject(project, parser.value(annotator));
    window.show();
    return QApplication::exec();
}
