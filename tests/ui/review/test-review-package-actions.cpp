// ui/review/review-package-actions: the lead writes a reviewer's package from the Review mode, the reviewer's
// Review mode opens it like any project, and the judged package merges back once.
#include <QApplication>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include "db/annotators.h"
#include "db/project.h"
#include "db/review-queue.h"
#include "db/review-sessions.h"
#include "support/review-project.h"
#include "ui/project-session.h"
#include "ui/review/review-package-actions.h"
#include "ui/review/review-view.h"

using namespace srllm;

class TestReviewPackageActions : public QObject {
    Q_OBJECT
private slots:
    void packagesJudgesOfflineAndMergesOnce();
};

namespace {

bool hasButton(const QWidget& view, const QString& text) {
    for (const QPushButton* button : view.findChildren<QPushButton*>())
        if (button->text() == text) return true;
    return false;
}

}  // namespace

void TestReviewPackageActions::packagesJudgesOfflineAndMergesOnce() {
    QTemporaryDir dir;
    test::ReviewProject p = test::makeReviewProject(dir.filePath("review.srllm").toStdString());
    db::Database& d = p.project->db();
    const int64_t lead = db::ensureAnnotator(d, "lead", "expert");
    const int64_t ann = db::ensureAnnotator(d, "ann", "reviewer");
    const auto session = db::createReviewSession(d, {"blind", {p.base, p.tuned}, 3, 1, 2});
    db::assignReviewers(d, session.id, {ann});
    ui::ProjectSession leadSession(std::move(p.project), lead);
    {
        ui::ReviewView leadView(&leadSession);
        QVERIFY(hasButton(leadView, QStringLiteral("Package…")));
        QVERIFY(hasButton(leadView, QStringLiteral("Merge…")));
    }
    const QString path = dir.filePath(QStringLiteral("ann-review.srllm"));
    QVERIFY(ui::ReviewPackageActions::writePackage(&leadSession, QStringLiteral("blind"), QStringLiteral("ann"), path)
                .contains(QStringLiteral("3 comparison")));
    {
        auto package = db::Project::open(path.toStdString());
        const int64_t reviewer = db::annotatorByName(package->db(), "ann")->id;
        ui::ProjectSession annSession(std::move(package), reviewer);
        ui::ReviewView annView(&annSession);
        QVERIFY(!hasButton(annView, QStringLiteral("Package…")));  // a reviewer does not package
        QCOMPARE(annView.taskCount(), 3);
        for (const auto& task : db::reviewQueue(annSession.db(), session.id, reviewer))
            db::saveJudgement(annSession.db(), reviewer, {task.comparisonId, db::Verdict::A, 5, 5, 2, 4, {}, {}, {}, 2});
    }
    QVERIFY(ui::ReviewPackageActions::mergePackage(&leadSession, path).contains(QStringLiteral("3 new, 0 updated")));
    QVERIFY(ui::ReviewPackageActions::mergePackage(&leadSession, path).contains(QStringLiteral("3 unchanged")));
    for (const auto& task : db::reviewQueue(leadSession.db(), session.id, ann))
        QCOMPARE(int(db::judgementOf(leadSession.db(), task.comparisonId, ann)->verdict), int(db::Verdict::A));
    bool refused = false;
    try {
        ui::ReviewPackageActions::mergePackage(&leadSession, leadSession.projectPath());
    } catch (const std::exception&) {
        refused = true;
    }
    QVERIFY(refused);
}

QTEST_MAIN(TestReviewPackageActions)
#include "test-review-package-actions.moc"
