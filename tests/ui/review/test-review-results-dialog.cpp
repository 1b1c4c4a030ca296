// ui/review/review-results-dialog (#10): the results and their bootstrap are computed off the GUI thread;
// the dialog opens at once with a notice and fills in the same tables db::reviewResults gives.
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include "db/annotators.h"
#include "db/review-queue.h"
#include "db/review-sessions.h"
#include "support/review-project.h"
#include "ui/project-session.h"
#include "ui/review/review-results-dialog.h"
#include "ui/worker/thread-job.h"

using namespace srllm;

class TestReviewResultsDialog : public QObject {
    Q_OBJECT
private slots:
    void computesOffTheGuiThreadThenShowsTheResults();
};

void TestReviewResultsDialog::computesOffTheGuiThreadThenShowsTheResults() {
    QTemporaryDir dir;
    test::ReviewProject p = test::makeReviewProject(dir.filePath(QStringLiteral("r.srllm")).toStdString());
    db::Database& d = p.project->db();
    const int64_t reviewer = db::ensureAnnotator(d, "rev", "reviewer");
    const int64_t lead = db::ensureAnnotator(d, "lead", "expert");
    const auto session = db::createReviewSession(d, {"blind", {p.base, p.tuned}, 6, 1, 3});
    db::assignReviewers(d, session.id, {reviewer});
    // Every verdict says A; each run is A in exactly half of the six comparisons, so each wins three.
    for (const auto& task : db::reviewQueue(d, session.id, reviewer))
        db::saveJudgement(d, reviewer, {task.comparisonId, db::Verdict::A, std::nullopt, std::nullopt, std::nullopt,
                                        std::nullopt, {}, {}, std::nullopt, 1.0});
    ui::ProjectSession projectSession(std::move(p.project), lead);
    ui::ReviewResultsDialog dialog(&projectSession, session.id);
    QVERIFY(!dialog.resultsShown());  // the constructor returned before the bootstrap ran
    QVERIFY(dialog.job()->wait(20000));
    QVERIFY(dialog.resultsShown());
    const QString text = dialog.findChild<QTextBrowser*>()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("6 judgements of 6 comparisons.")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("base\n3\n3\n0\n0")) || text.contains(QStringLiteral("base\t3\t3\t0\t0")));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Review results: blind"));
}

QTEST_MAIN(TestReviewResultsDialog)
#include "test-review-results-dialog.moc"
