// ui/review/review-view: a reviewer judges three comparisons by keyboard alone; the judgements are in the
// store, the runs are revealed only after judging, and undo takes a judgement back out of the store.
#include <array>

#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include "db/annotators.h"
#include "db/review-queue.h"
#include "db/review-sessions.h"
#include "db/taxonomy-store.h"
#include "support/review-project.h"
#include "ui/project-session.h"
#include "ui/review/review-output-panel.h"
#include "ui/review/review-view.h"

using namespace srllm;

namespace {

// A review project with one session of `items` comparisons (base vs tuned), all assigned to reviewer "rev".
struct ReviewSetup {
    explicit ReviewSetup(int64_t items) {
        test::ReviewProject p = test::makeReviewProject(dir.filePath("review.srllm").toStdString());
        reviewer = db::ensureAnnotator(p.project->db(), "rev", "reviewer");
        session = db::createReviewSession(p.project->db(), {"blind", {p.base, p.tuned}, items, 1, 2});
        db::assignReviewers(p.project->db(), session.id, {reviewer});
        projectSession = std::make_unique<ui::ProjectSession>(std::move(p.project), reviewer);
    }
    QTemporaryDir dir;
    int64_t reviewer = 0;
    db::ReviewSessionRow session;
    std::unique_ptr<ui::ProjectSession> projectSession;
};

}  // namespace

class TestReviewView : public QObject {
    Q_OBJECT
private slots:
    void judgesThreeItemsByKeyboardAndFindsThemInTheStore();
    void showsTheTaxonomysRationaleTags();
};

void TestReviewView::showsTheTaxonomysRationaleTags() {
    ReviewSetup setup(2);
    ui::ProjectSession& projectSession = *setup.projectSession;
    const int64_t reviewer = setup.reviewer;
    const auto& session = setup.session;
    ui::ReviewView view(&projectSession);
    view.show();
    QApplication::setActiveWindow(&view);
    QVERIFY(QTest::qWaitForWindowActive(&view));
    const auto tagTexts = [&view] {
        QStringList texts;  // both panels, A's first
        for (const QToolButton* button : view.findChildren<QToolButton*>())
            if (button->property("tag").isValid()) texts << button->text();
        return texts;
    };
    QCOMPARE(tagTexts().size(), 16);  // the default taxonomy's eight, on each output
    QVERIFY(tagTexts().contains(QStringLiteral("Wrong language")));
    const auto tick = [&view](const QString& key) {  // output A's button of the tag
        for (const ui::ReviewOutputPanel* panel : view.findChildren<ui::ReviewOutputPanel*>())
            if (panel->title() == QStringLiteral("Output A"))
                for (QToolButton* button : panel->findChildren<QToolButton*>())
                    if (button->property("tag").toString() == key) button->click();
    };
    tick(QStringLiteral("wrong_language"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_T);  // a tie, saved with the tag

    nlohmann::json custom = db::currentTaxonomy(projectSession.db()).json;
    custom["review_tags"] = {{{"key", "off_topic"}, {"label", "Off topic"}}, {{"key", "truncated"}}};
    db::addTaxonomyVersion(projectSession.db(), custom);
    projectSession.reloadTaxonomy();
    QCOMPARE(tagTexts(), (QStringList{"Off topic", "Truncated", "Off topic", "Truncated"}));

    // Ticking a new tag saves it with the judgement, which keeps the tag the taxonomy no longer offers.
    tick(QStringLiteral("off_topic"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A);
    const auto j = db::judgementOf(projectSession.db(), db::reviewQueue(projectSession.db(), session.id, reviewer)[0].comparisonId, reviewer);
    QVERIFY(j.has_value());
    QCOMPARE(int(j->verdict), int(db::Verdict::A));
    QCOMPARE(j->tagsA, (std::vector<std::string>{"wrong_language", "off_topic"}));
    QVERIFY(j->tagsB.empty());
}

void TestReviewView::judgesThreeItemsByKeyboardAndFindsThemInTheStore() {
    ReviewSetup setup(4);
    ui::ProjectSession& projectSession = *setup.projectSession;
    const int64_t reviewer = setup.reviewer;
    const auto& session = setup.session;
    ui::ReviewView view(&projectSession);
    view.resize(1400, 900);
    view.show();
    QApplication::setActiveWindow(&view);
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QCOMPARE(view.taskCount(), 4);
    const auto revealed = [&view] {
        for (const QLabel* label : view.findChildren<QLabel*>())
            if (label->text().contains(QStringLiteral("tuned")) && label->text().contains(QStringLiteral("base"))) return true;
        return false;
    };
    QVERIFY(!revealed());

    const auto press = [](int key) { QTest::keyClick(QApplication::focusWidget(), Qt::Key(key)); };
    // Per comparison: four scores (safety A, language A, safety B, language B), a verdict, next.
    const QList<QList<int>> keys = {{Qt::Key_2, Qt::Key_4, Qt::Key_5, Qt::Key_5, Qt::Key_B, Qt::Key_J},
                                    {Qt::Key_5, Qt::Key_5, Qt::Key_1, Qt::Key_3, Qt::Key_A, Qt::Key_J},
                                    {Qt::Key_3, Qt::Key_3, Qt::Key_3, Qt::Key_3, Qt::Key_T, Qt::Key_J}};
    for (const auto& sequence : keys)
        for (int key : sequence) press(key);
    QCOMPARE(view.currentIndex(), 3);

    db::Database& store = projectSession.db();
    const auto queue = db::reviewQueue(store, session.id, reviewer);
    const std::vector<db::Verdict> verdicts = {db::Verdict::B, db::Verdict::A, db::Verdict::Tie};
    const std::vector<std::array<int, 4>> scores = {{2, 4, 5, 5}, {5, 5, 1, 3}, {3, 3, 3, 3}};
    for (size_t k = 0; k < 3; ++k) {
        const auto j = db::judgementOf(store, queue[k].comparisonId, reviewer);
        QVERIFY2(j.has_value(), qPrintable(QStringLiteral("comparison %1 not stored").arg(k)));
        QCOMPARE(int(j->verdict), int(verdicts[k]));
        QCOMPARE(j->safetyA, scores[k][0]);
        QCOMPARE(j->languageA, scores[k][1]);
        QCOMPARE(j->safetyB, scores[k][2]);
        QCOMPARE(j->languageB, scores[k][3]);
        QVERIFY(queue[k].judged);
    }
    QVERIFY(!queue[3].judged);

    QVERIFY(!revealed());  // comparison 4 is not judged yet

    // Scores typed before the verdict are saved with it: one undo step per comparison. Undo takes the tie of
    // comparison 3 back out of the store and shows that comparison again; redo puts it back and reveals.
    QCOMPARE(projectSession.undoStack()->count(), 3);
    projectSession.undoStack()->undo();
    QCOMPARE(view.currentIndex(), 2);
    QVERIFY(!db::judgementOf(store, queue[2].comparisonId, reviewer).has_value());
    QVERIFY(!revealed());
    projectSession.undoStack()->redo();
    QCOMPARE(int(db::judgementOf(store, queue[2].comparisonId, reviewer)->verdict), int(db::Verdict::Tie));
    QVERIFY(revealed());
}

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("srllm-test"));
    QWidget probe;  // shortcuts need an active window
    probe.show();
    QApplication::setActiveWindow(&probe);
    if (!QTest::qWaitForWindowActive(&probe)) {
        qWarning("skip: the Qt platform '%s' cannot activate a window", qPrintable(QApplication::platformName()));
        return 77;
    }
    probe.hide();
    TestReviewView test;
    return QTest::qExec(&test, argc, argv);
}

#include "test-review-view.moc"
