// ui/adjudicate/adjudicate-view: an expert settles a three-way disagreement; gold is written with
// provenance "expert" and decided_by; a non-expert sees no adjudication data at all (#11: the mode and its
// data are for experts, and the store refuses them to a blind annotator).
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "db/access.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/gold.h"
#include "db/items.h"
#include "db/project.h"
#include "ui/adjudicate/adjudicate-view.h"
#include "ui/adjudicate/vote-comparison-table.h"
#include "ui/annotate/label-form.h"
#include "ui/project-session.h"

using namespace srllm;

class TestAdjudicateView : public QObject {
    Q_OBJECT
private slots:
    void init();
    void expertAcceptsPrefilledMajority();
    void expertEditsAFieldAndPicksARewrite();
    void annotatorSeesNoAdjudicationData();

private:
    std::unique_ptr<ui::ProjectSession> sessionAs(int64_t annotatorId);

    QTemporaryDir m_dir;
    QString m_path;
    int64_t m_expert = 0, m_annotator = 0, m_item = 0;
};

void TestAdjudicateView::init() {
    static int n = 0;
    m_path = m_dir.filePath(QStringLiteral("p%1.srllm").arg(++n));
    auto project = db::Project::create(m_path.toStdString());
    auto& d = project->db();
    const int64_t dataset = db::ensureDataset(d, "set");
    d.prepare("INSERT INTO items(uid, dataset_id, text, text_hash)"
              " VALUES (lower(hex(randomblob(16))), ?1, 'Older workers cannot learn software.', randomblob(32))")
        .bind(1, dataset).run();
    m_item = d.lastInsertId();
    m_expert = db::ensureAnnotator(d, "erin", "expert");
    // Three annotators disagree. Majority by hand: bias Yes (2 of 3), toxicity No (2 of 3),
    // annotation Unsafe (2 of 3), rewrite "Some workers need more time." (2 of 3 wrote it).
    const char* votes[3][4] = {{"ann", "Yes", "Mild", "Unsafe"}, {"bob", "Yes", "No", "Unsafe"}, {"cid", "No", "No", "Benign"}};
    const char* rewrites[3] = {"Workers differ in how they learn.", "Some workers need more time.",
                               "Some workers need more time."};
    for (int i = 0; i < 3; ++i) {
        db::AnnotationRow row;
        row.itemId = m_item;
        row.annotatorId = db::ensureAnnotator(d, votes[i][0]);
        row.labels = {{"bias", votes[i][1]}, {"toxicity", votes[i][2]}, {"annotation", votes[i][3]}};
        row.rewrite = rewrites[i];
        row.status = "done";
        db::saveAnnotation(d, row);
        if (i == 0) m_annotator = row.annotatorId;
    }
}

std::unique_ptr<ui::ProjectSession> TestAdjudicateView::sessionAs(int64_t annotatorId) {
    return std::make_unique<ui::ProjectSession>(db::Project::open(m_path.toStdString()), annotatorId);
}

void TestAdjudicateView::expertAcceptsPrefilledMajority() {
    auto session = sessionAs(m_expert);
    ui::AdjudicateView view(session.get());
    QCOMPARE(view.itemList()->rowCount(), 1);
    QCOMPARE(view.currentItemId(), m_item);
    const nlohmann::json majority = {{"annotation", "Unsafe"}, {"bias", "Yes"}, {"toxicity", "No"}};
    QCOMPARE(view.goldLabels(), majority);
    QVERIFY(view.votes()->rowDisputed(view.votes()->rowOfField("bias")));
    QCOMPARE(view.rewriteEdit()->toPlainText(), QStringLiteral("Some workers need more time."));
    QSignalSpy saved(&view, &ui::AdjudicateView::goldSaved);
    QSignalSpy notified(session.get(), &ui::ProjectSession::goldChanged);
    QVERIFY(view.acceptButton()->isEnabled());
    QTest::mouseClick(view.acceptButton(), Qt::LeftButton);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(notified.count(), 1);
    const auto gold = db::goldFor(session->db(), m_item);
    QVERIFY(gold.has_value());
    QCOMPARE(gold->provenance, std::string("expert"));
    QCOMPARE(gold->decidedBy.value_or(0), m_expert);
    QCOMPARE(gold->labels, majority);
    QCOMPARE(gold->rewrite.value_or(""), std::string("Some workers need more time."));
    QCOMPARE(view.itemList()->item(0, 3)->text(), QStringLiteral("expert"));
}

void TestAdjudicateView::expertEditsAFieldAndPicksARewrite() {
    auto session = sessionAs(m_expert);
    ui::AdjudicateView view(session.get());
    view.goldForm()->setActiveKey(QStringLiteral("toxicity"));
    view.goldForm()->chooseNumber(2);  // toxicity values: No, Mild, High
    QCOMPARE(view.rewriteChoices()->count(), 3);
    QListWidgetItem* first = view.rewriteChoices()->item(0);
    emit view.rewriteChoices()->itemClicked(first);
    QCOMPARE(view.rewriteEdit()->toPlainText(), QStringLiteral("Workers differ in how they learn."));
    QVERIFY(view.accept());
    const auto gold = db::goldFor(session->db(), m_item);
    QVERIFY(gold.has_value());
    QCOMPARE(gold->provenance, std::string("expert"));
    QCOMPARE(gold->decidedBy.value_or(0), m_expert);
    QCOMPARE(gold->labels["toxicity"], nlohmann::json("Mild"));
    QCOMPARE(gold->labels["bias"], nlohmann::json("Yes"));
    QCOMPARE(gold->rewrite.value_or(""), std::string("Workers differ in how they learn."));
}

void TestAdjudicateView::annotatorSeesNoAdjudicationData() {
    auto session = sessionAs(m_annotator);
    ui::AdjudicateView view(session.get());
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.canDecide());
    QCOMPARE(view.itemList()->rowCount(), 0);
    QVERIFY(!view.votes()->isVisible());
    QVERIFY(!view.itemList()->isVisible());
    const auto labels = view.findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel* l) {
        return l->isVisible() && l->text().contains(QStringLiteral("Adjudication is for experts"));
    }));
    QVERIFY(!view.accept());
    QVERIFY_THROWS_EXCEPTION(db::AccessDenied, db::annotationsForItem(session->db(), m_item));
    auto plain = db::Project::open(m_path.toStdString());
    QVERIFY(!db::goldFor(plain->db(), m_item).has_value());
}

QTEST_MAIN(TestAdjudicateView)
#include "test-adjudicate-view.moc"
