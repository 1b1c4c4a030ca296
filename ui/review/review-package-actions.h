#pragma once
// The Review mode's Package… and Merge… buttons (experts only): a reviewer's blind comparisons of a session
// as a package file, and a judged package merged back (db/review-package.h). Call from the UI thread.
#include <cstdint>

#include <QObject>
#include <QString>

class QWidget;

namespace srllm::ui {

class ProjectSession;

class ReviewPackageActions : public QObject {
    Q_OBJECT
public:
    // Asks for the session, the reviewer and the file, then writes the package; false when cancelled or refused.
    static bool packageWithDialogs(ProjectSession* session, QWidget* parent);
    // Asks for package files and merges each; false when cancelled or one was refused (shown).
    static bool mergeWithDialogs(ProjectSession* session, QWidget* parent);

    // The work without dialogs (tests call these): a one-line summary; throws std::exception when refused.
    static QString writePackage(ProjectSession* session, const QString& sessionName, const QString& reviewer,
                                const QString& path);
    static QString mergePackage(ProjectSession* session, const QString& path);
};

}  // namespace srllm::ui
