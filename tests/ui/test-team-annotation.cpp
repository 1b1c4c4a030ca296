// A team round through the GUI (#11 item 10): the lead imports items in the Import dialog, sets routing
// and assigns them in the Team dialogs, two annotators label the same item differently in their own
// Annotate views, and the disagreement is routed into a third annotator's queue with the reason shown.
// Along the way: blind browsing and adjudication for annotators, and outside changes noticed through
// data_version without losing the annotator's draft.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "db/annotation-queue.h"
#include "db/access.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/assignments.h"
#include "db/items.h"
#include "db/project.h"
#include "ui/adjudicate/adjudicate-view.h"
#include "ui/agreement/agreement-view.h"
#include "ui/annotate/annotate-view.h"
#include "ui/annotate/annotation-draft.h"
#include "ui/annotate/annotation-queue-model.h"
#include "ui/annotate/label-form.h"
#include "ui/annotate/rewrite-editor.h"
#include "ui/browser/item-browser-view.h"
#include "ui/browser/item-table-model.h"
#include "ui/data/import-dialog.h"
#include "ui/main/annotator-profile-dialog.h"
#include "ui/project-session.h"
#include "ui/team/assign-dialog.h"
#include "ui/team/routing-dialog.h"
#include "support/qt-active-window.h"

using namespace srllm;

namespace {
// An item written straight into the store, as another process would (dataset "d", made when absent).
void insertItem(db::Database& d, const char* text) {
    d.prepare("INSERT INTO items(uid, dataset_id, text, text_hash) VALUES (lower(hex(randomblob(16))), ?1, ?2,"
              " randomblob(32))").bind(1, db::ensureDataset(d, "d")).bind(2, text).run();
}
}  // namespace

class TestTeamAnnotation : public QObject {
    Q_OBJECT
private slots:
    void init();
    void importAssignAnnotateAsTwoAndSeeTheDisagreementRouted();
    void outsideChangesRefreshTheQueueAndKeepTheDraft();
    void annotatorsBrowseBlind();
    void firstPersonInANewProjectStartsAsItsLead();
    void theFirstAssignmentRenamesTheLeadsQueue();
    void agreementWithoutRewritesReadsPlainly();
    void aLeadAddsAnnotatorsInTheAssignDialog();

private:
    std::unique_ptr<ui::ProjectSession> sessionAs(const std::string& name);
    // Opens an Annotate view as `name`, labels the first item in its queue bias = `bias` (other single
    // fields by the first key) and saves it as done.
    void labelFirstItem(const std::string& name, int biasKey);

    QTemporaryDir m_dir;
    QString m_path;
};

void TestTeamAnnotation::init() {
    static int n = 0;
    m_path = m_dir.filePath(QStringLiteral("team%1.srllm").arg(++n));
    auto project = db::Project::create(m_path.toStdString());
    for (const char* name : {"ana", "ben", "cy"}) db::ensureAnnotator(project->db(), name, "annotator");
    db::ensureAnnotator(project->db(), "eve", "expert");
}

std::unique_ptr<ui::ProjectSession> TestTeamAnnotation::sessionAs(const std::string& name) {
    auto project = db::Project::open(m_path.toStdString());
    const int64_t id = db::annotatorByName(project->db(), name)->id;
    return std::make_unique<ui::ProjectSession>(std::move(project), id);
}

void TestTeamAnnotation::labelFirstItem(const std::string& name, int biasKey) {
    auto session = sessionAs(name);
    ui::AnnotateView view(session.get());
    view.resize(1200, 800);
    view.show();
    QApplication::setActiveWindow(&view);
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QCOMPARE(view.queue()->rowCount(), 3);  // only the items assigned to them
    QCOMPARE(view.draft()->itemId(), view.queue()->itemAt(0));
    // Default taxonomy: bias (No, Yes), toxicity, sentiment, harm, annotation, then target_groups.
    for (int key : {biasKey, int(Qt::Key_1), int(Qt::Key_2), int(Qt::Key_1), int(Qt::Key_2)})
        QTest::keyClick(QApplication::focusWidget(), Qt::Key(key));
    view.saveAndNext();
    const auto row = db::annotationFor(session->db(), view.queue()->itemAt(0), session->annotatorId());
    QVERIFY(row);
    QCOMPARE(row->status, std::string("done"));
}

void TestTeamAnnotation::importAssignAnnotateAsTwoAndSeeTheDisagreementRouted() {
    const QString items = m_dir.filePath(QStringLiteral("items.jsonl"));
    {
        QFile file(items);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"text\": \"Old people cannot learn new phones.\"}\n"
                   "{\"text\": \"The bus leaves at nine.\"}\n"
                   "{\"text\": \"Women are bad at maths.\"}\n");
    }
    {   // the lead: import, routing policy, assignment
        auto eve = sessionAs("eve");
        ui::ImportDialog import(eve.get());
        QTest::keyClicks(import.fileEdit(), items);  // typed, as a user may
        QTest::keyClick(import.fileEdit(), Qt::Key_Return);
        QCOMPARE(import.formatBox()->currentText(), QStringLiteral("jsonl"));
        QVERIFY(import.runImport());
        QVERIFY(import.resultLabel()->text().contains(QStringLiteral("3 item(s)")));

        ui::RoutingDialog routing(eve.get());
        routing.enabledBox()->setChecked(true);
        routing.thresholdBox()->setValue(1.0);
        routing.targetBox()->setCurrentIndex(0);  // one more annotator, then an expert
        QVERIFY(routing.save());

        ui::AssignDialog assign(eve.get());
        for (int i = 0; i < assign.annotatorList()->count(); ++i) {  // ana and ben; cy waits in reserve
            QListWidgetItem* item = assign.annotatorList()->item(i);
            const bool pick = item->text().startsWith(QStringLiteral("ana")) || item->text().startsWith(QStringLiteral("ben"));
            item->setCheckState(pick ? Qt::Checked : Qt::Unchecked);
        }
        assign.overlapBox()->setValue(2);
        QVERIFY(assign.assign());
        QVERIFY(assign.resultLabel()->text().contains(QStringLiteral("6 assignment(s)")));
    }
    labelFirstItem("ana", Qt::Key_2);  // bias = Yes
    {
        auto cy = sessionAs("cy");
        QCOMPARE(db::annotatorQueue(cy->db(), cy->annotatorId()).itemIds.size(), size_t(0));
    }
    labelFirstItem("ben", Qt::Key_1);  // bias = No: the store routes the item as ben saves

    auto cy = sessionAs("cy");
    ui::AnnotateView view(cy.get());
    view.resize(1200, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.queue()->rowCount(), 1);
    const int64_t routed = view.queue()->itemAt(0);
    QCOMPARE(QString::fromStdString(db::itemById(cy->db(), routed)->text), QStringLiteral("Old people cannot learn new phones."));
    QCOMPARE(view.queue()->index(0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("To do\nRouted to you: bias: 1 of 2 agree (50% < 100%)"));
    QVERIFY(view.queueReason()->isVisible());
    QCOMPARE(view.queueReason()->text(), QStringLiteral("Routed to you: bias: 1 of 2 agree (50% < 100%)"));
    // cy is blind like everyone else: the labels of ana and ben stay hidden from the view and the store.
    QVERIFY(view.draft()->state().labels.empty());
    QVERIFY_THROWS_EXCEPTION(db::AccessDenied, db::annotationsForItem(cy->db(), routed));
}

void TestTeamAnnotation::outsideChangesRefreshTheQueueAndKeepTheDraft() {
    {
        auto project = db::Project::open(m_path.toStdString());
        auto& d = project->db();
        for (const char* text : {"First text.", "Second text."}) insertItem(d, text);
        db::assignItems(d, {1}, {.overlap = 1, .annotatorIds = {db::annotatorByName(d, "ana")->id}});
    }
    auto ana = sessionAs("ana");
    ui::AnnotateView view(ana.get());
    view.resize(1200, 800);
    view.show();
    QApplication::setActiveWindow(&view);
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QCOMPARE(view.queue()->rowCount(), 1);
    view.rewriteEditor()->editor()->setFocus();
    QTest::keyClicks(view.rewriteEditor()->editor(), QStringLiteral("half a rewri"));
    {   // the lead assigns ana another item from another process
        auto lead = db::Project::open(m_path.toStdString());
        db::assignItems(lead->db(), {2}, {.overlap = 1, .annotatorIds = {ana->annotatorId()}});
    }
    ana->checkForOutsideChanges();  // what the session's one-second timer does
    QCOMPARE(view.queue()->rowCount(), 2);
    QCOMPARE(view.draft()->itemId(), int64_t(1));
    QCOMPARE(view.rewriteEditor()->editor()->toPlainText(), QStringLiteral("half a rewri"));
    QTest::keyClicks(view.rewriteEditor()->editor(), QStringLiteral("te"));
    QCOMPARE(db::annotationFor(ana->db(), 1, ana->annotatorId())->rewrite, std::optional<std::string>("half a rewrite"));
}

void TestTeamAnnotation::annotatorsBrowseBlind() {
    auto ana = sessionAs("ana");
    ui::ItemBrowserView browser(ana.get());
    QVERIFY(browser.table()->isColumnHidden(ui::ItemTableModel::GoldColumn));
    ui::AdjudicateView adjudicate(ana.get());
    QCOMPARE(adjudicate.itemList()->rowCount(), 0);
    auto eve = sessionAs("eve");
    ui::ItemBrowserView expertBrowser(eve.get());
    QVERIFY(!expertBrowser.table()->isColumnHidden(ui::ItemTableModel::GoldColumn));
}

// A lead opening the project they just made used to become a plain annotator by default, with every tool
// to set the project up (import, assign) disabled; the first person is now the expert, later ones are not.
void TestTeamAnnotation::firstPersonInANewProjectStartsAsItsLead() {
    QSettings().remove(QStringLiteral("annotator"));
    auto project = db::Project::create(m_dir.filePath(QStringLiteral("new.srllm")).toStdString());
    {
        ui::AnnotatorProfileDialog first(project->db(), QStringLiteral("new.srllm"));
        QCOMPARE(first.roleBox()->currentData().toString(), QStringLiteral("expert"));
        QTest::keyClicks(first.nameEdit(), QStringLiteral("lena"));
        first.accept();
        QCOMPARE(first.result(), int(QDialog::Accepted));
        QCOMPARE(db::annotatorByName(project->db(), "lena")->role, std::string("expert"));
    }
    QSettings().remove(QStringLiteral("annotator"));
    ui::AnnotatorProfileDialog second(project->db(), QStringLiteral("new.srllm"));
    QTest::keyClicks(second.nameEdit(), QStringLiteral("ana"));  // typing a name picks "New annotator"
    QCOMPARE(second.roleBox()->currentData().toString(), QStringLiteral("annotator"));
}

// Once anything is assigned, queues hold only assigned items (db/annotation-queue.h); the lead's open view
// said "all items" over an emptied queue until it was reopened.
void TestTeamAnnotation::theFirstAssignmentRenamesTheLeadsQueue() {
    {
        auto project = db::Project::open(m_path.toStdString());
        db::Database& d = project->db();
        insertItem(d, "A text.");
    }
    auto eve = sessionAs("eve");
    ui::AnnotateView view(eve.get());
    QCOMPARE(view.queue()->rowCount(), 1);
    QCOMPARE(view.queueHeading()->text(), QStringLiteral("My queue (all items)"));
    {
        auto other = db::Project::open(m_path.toStdString());
        db::assignItems(other->db(), {1}, {.overlap = 1, .annotatorIds = {db::annotatorByName(other->db(), "ana")->id}});
    }
    eve->checkForOutsideChanges();
    QCOMPARE(view.queue()->rowCount(), 0);
    QCOMPARE(view.queueHeading()->text(), QStringLiteral("My queue (assigned items)"));
    ui::AnnotateView reopened(eve.get());  // the lead is not told to wait for their lead
    QVERIFY(reopened.itemTitle()->text().startsWith(QStringLiteral("<b>No items are assigned to you.</b> Browse")));
    auto ben = sessionAs("ben");
    ui::AnnotateView annotator(ben.get());
    QVERIFY(annotator.itemTitle()->text().contains(QStringLiteral("Your lead assigns them")));
}

// Two annotators, one item, no rewrites: the lead's first look at agreement read "chrF: — — over 0 item(s)".
void TestTeamAnnotation::agreementWithoutRewritesReadsPlainly() {
    {
        auto project = db::Project::open(m_path.toStdString());
        db::Database& d = project->db();
        insertItem(d, "A text.");
        for (const char* name : {"ana", "ben"})
            db::saveAnnotation(d, {.itemId = 1, .annotatorId = db::annotatorByName(d, name)->id,
                                   .labels = {{"bias", "Yes"}}, .status = "done"});
    }
    auto eve = sessionAs("eve");
    ui::AgreementView view(eve.get());
    view.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing(), 10000);
    QCOMPARE(view.textFigures()->text(),
             QStringLiteral("Rewrite agreement (mean pairwise chrF, 0–100): — over 0 item(s).  Span agreement: α —, "
                            "mean pairwise F1 — over 1 item(s)."));  // no spans on either side: F1 undefined
}

// A lead could assign only to people who had opened the project themselves (or via `srllm annotator add`).
void TestTeamAnnotation::aLeadAddsAnnotatorsInTheAssignDialog() {
    auto eve = sessionAs("eve");
    ui::AssignDialog assign(eve.get());
    QCOMPARE(assign.annotatorList()->count(), 4);
    QTest::keyClicks(assign.newNameEdit(), QStringLiteral("dan"));
    QTest::keyClick(assign.newNameEdit(), Qt::Key_Return);
    QCOMPARE(db::annotatorByName(eve->db(), "dan")->role, std::string("annotator"));
    QCOMPARE(assign.annotatorList()->count(), 5);
    QCOMPARE(assign.annotatorList()->item(4)->text(), QStringLiteral("dan (annotator): 0 assigned, 0 open, 0 done"));
    QCOMPARE(assign.annotatorList()->item(4)->checkState(), Qt::Checked);
    QVERIFY(assign.newNameEdit()->text().isEmpty());
    QTest::keyClicks(assign.newNameEdit(), QStringLiteral("ana"));
    QVERIFY(!assign.addAnnotator());
    QCOMPARE(assign.resultLabel()->text(), QStringLiteral("ana is already on the team."));
    QCOMPARE(assign.annotatorList()->count(), 5);
}

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("srllm-test"));
    if (!test::platformActivatesWindows()) return 77;  // shortcuts need an active window
    TestTeamAnnotation test;
    return QTest::qExec(&test, argc, argv);
}

#include "test-team-annotation.moc"
