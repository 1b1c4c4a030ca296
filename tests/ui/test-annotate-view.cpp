// Annotate mode driven by the keyboard alone, undo through the shared stack, span offsets in code points
// (db-contract.md), suggestions and the project scorer, each against a fresh project made with db::Project::create.
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QGroupBox>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "core/text/chrf.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "db/suggestions.h"
#include "support/qt-active-window.h"
#include "support/qt-cli-run.h"
#include "ui/annotate/annotate-view.h"
#include "ui/annotate/annotation-draft.h"
#include "ui/annotate/annotation-queue-model.h"
#include "ui/annotate/label-field.h"
#include "ui/annotate/label-form.h"
#include "ui/annotate/readability-grade.h"
#include "ui/annotate/rewrite-editor.h"
#include "ui/annotate/rewrite-metrics-line.h"
#include "ui/annotate/span-text-view.h"
#include "ui/annotate/suggestion-panel.h"
#include "ui/item-roles.h"
#include "ui/project-session.h"

using namespace srllm;

namespace {

class VectorReader : public core::ItemReader {
public:
    explicit VectorReader(QStringList texts) : m_texts(std::move(texts)) {}
    std::optional<core::ItemImportRecord> next() override {
        if (m_next >= m_texts.size()) return std::nullopt;
        core::ItemImportRecord record;
        record.line = m_next + 1;
        record.text = m_texts[m_next++].toStdString();
        return record;
    }
    int64_t bytesRead() const override { return m_next; }
    int64_t bytesTotal() const override { return m_texts.size(); }

private:
    QStringList m_texts;
    int m_next = 0;
};

// A project with these items and one annotator, shown in an active AnnotateView.
struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<ui::ProjectSession> session;
    std::unique_ptr<ui::AnnotateView> view;

    explicit Fixture(const QStringList& texts) {
        auto project = db::Project::create(dir.filePath("test.srllm").toStdString());
        VectorReader reader(texts);
        db::importItems(*project, reader, "test", [](int64_t, int64_t) { return true; });
        const int64_t annotator = db::ensureAnnotator(project->db(), "ana", "annotator");
        session = std::make_unique<ui::ProjectSession>(std::move(project), annotator);
        view = std::make_unique<ui::AnnotateView>(session.get());
        view->resize(1200, 800);
        view->show();
        QApplication::setActiveWindow(view.get());
        QVERIFY(QTest::qWaitForWindowActive(view.get()));
    }
    void press(int key, Qt::KeyboardModifiers mods = Qt::NoModifier) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key(key), mods);
    }
    std::optional<db::AnnotationRow> stored(int64_t itemId) {
        return db::annotationFor(session->db(), itemId, session->annotatorId());
    }
    ui::LabelField* field(const QString& key) {
        for (auto* f : view->findChildren<ui::LabelField*>())
            if (f->key() == key) return f;
        return nullptr;
    }
    QString checkedValue(const QString& key) {  // the checked radio button's value, "" when none
        for (auto* button : field(key)->findChildren<QRadioButton*>())
            if (button->isChecked()) return button->text().section(QLatin1Char(' '), -1);
        return QString();
    }
};

}  // namespace

class TestAnnotateView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void keyboardAloneStoresFiveCompleteAnnotations();
    void undoRestoresWidgetAndStore();
    void undoAfterMovingOnBringsBackTheItem();
    void otherAnnotatorsLabelsStayHidden();
    void selectedSpanIsStoredInCodePoints_data();
    void selectedSpanIsStoredInCodePoints();
    void suggestionsAreShownButNeverSavedAsLabels();
    void pastedRewriteIsCountedAndMetricsFollowTheText();
    void projectScorerSuggestsLabelsAndScoresTheRewrite();
    void firstItemsOfAnEmptyQueueOpenReadyToLabel();
};

void TestAnnotateView::keyboardAloneStoresFiveCompleteAnnotations() {
    Fixture f({"Old people can't use phones.", "The bus leaves at nine.", "Women are bad drivers.",
               "Thanks for the report.", "They should all go home."});
    QCOMPARE(QApplication::focusWidget(), f.view->labelForm());
    for (int i = 1; i <= 5; ++i) {
        QCOMPARE(f.view->draft()->itemId(), int64_t(i));
        // Default taxonomy order: bias, toxicity, sentiment, harm, annotation (single), target_groups (multi).
        for (int key : {Qt::Key_2, Qt::Key_3, Qt::Key_1, Qt::Key_2, Qt::Key_1}) f.press(key);
        f.press(Qt::Key_1);  // target_groups: toggles "Age"
        f.press(Qt::Key_3);  // and "Gender identity"
        f.press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), f.view->rewriteEditor()->editor());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("rewrite %1").arg(i));
        f.press(Qt::Key_Return, Qt::ControlModifier);
    }
    for (int64_t item = 1; item <= 5; ++item) {
        const auto row = f.stored(item);
        QVERIFY(row);
        QCOMPARE(row->status, std::string("done"));
        const nlohmann::json expected = {{"bias", "Yes"}, {"toxicity", "High"}, {"sentiment", "Negative"},
                                         {"harm", "Med"}, {"annotation", "Unsafe"},
                                         {"target_groups", {"Age", "Gender identity"}}};
        QCOMPARE(QString::fromStdString(row->labels.dump()), QString::fromStdString(expected.dump()));
        QCOMPARE(QString::fromStdString(row->rewrite.value_or("")), QStringLiteral("rewrite %1").arg(item));
    }
}

void TestAnnotateView::undoRestoresWidgetAndStore() {
    Fixture f({"Immigrants are lazy.", "Second item."});
    f.press(Qt::Key_2);                        // bias = Yes, moves on to toxicity
    f.press(Qt::Key_Tab, Qt::ShiftModifier);   // back to bias
    f.press(Qt::Key_1);                        // bias = No
    QCOMPARE(f.checkedValue("bias"), QStringLiteral("No"));
    QCOMPARE(f.stored(1)->labels.value("bias", ""), std::string("No"));

    f.session->undoStack()->undo();
    QCOMPARE(f.checkedValue("bias"), QStringLiteral("Yes"));
    QCOMPARE(f.stored(1)->labels.value("bias", ""), std::string("Yes"));
    f.session->undoStack()->undo();
    QCOMPARE(f.checkedValue("bias"), QString());
    QVERIFY(!f.stored(1)->labels.contains("bias"));
    f.session->undoStack()->redo();
    QCOMPARE(f.stored(1)->labels.value("bias", ""), std::string("Yes"));

    f.view->rewriteEditor()->editor()->setFocus();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Some immigrants"));
    QCOMPARE(QString::fromStdString(f.stored(1)->rewrite.value_or("")), QStringLiteral("Some immigrants"));
    f.session->undoStack()->undo();  // the typing burst is one step
    QCOMPARE(f.view->rewriteEditor()->editor()->toPlainText(), QString());
    QVERIFY(!f.stored(1)->rewrite);
}

void TestAnnotateView::undoAfterMovingOnBringsBackTheItem() {
    Fixture f({"First item.", "Second item."});
    f.press(Qt::Key_2);
    f.press(Qt::Key_J);  // next item
    QCOMPARE(f.view->draft()->itemId(), int64_t(2));
    f.session->undoStack()->undo();
    QCOMPARE(f.view->draft()->itemId(), int64_t(1));
    QVERIFY(!f.stored(1)->labels.contains("bias"));
    QCOMPARE(f.checkedValue("bias"), QString());
}

void TestAnnotateView::otherAnnotatorsLabelsStayHidden() {
    Fixture f({"First item.", "Second item."});
    {   // bob labels in his own process; ana's connection could not write for him
        auto bobs = db::Project::open(f.session->projectPath().toStdString());
        db::AnnotationRow other;
        other.itemId = 1;
        other.annotatorId = db::ensureAnnotator(bobs->db(), "bob", "annotator");
        other.labels = {{"bias", "Yes"}};
        other.rewrite = "bob's rewrite";
        other.status = "done";
        db::saveAnnotation(bobs->db(), other);
    }
    f.view->queue()->reload();
    f.press(Qt::Key_J);
    f.press(Qt::Key_K);  // reload item 1 from the store
    QCOMPARE(f.view->draft()->itemId(), int64_t(1));
    QCOMPARE(f.checkedValue("bias"), QString());
    QCOMPARE(f.view->rewriteEditor()->editor()->toPlainText(), QString());
    QCOMPARE(f.view->queue()->doneCount(), 0);
    QCOMPARE(f.view->queue()->index(0).data(ui::AnnotationStatusRole).toString(), QStringLiteral("todo"));
}

void TestAnnotateView::selectedSpanIsStoredInCodePoints_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("selected");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<bool>("exact");
    // Expected offsets counted by hand as Python str indices: "😀" is one code point (two UTF-16 units).
    // Selections snap to whole words (#11 item 5) unless marked exactly (Shift+M).
    QTest::newRow("emoji before") << QStringLiteral("😀 Old people are slow") << QStringLiteral("Old people")
                                  << qint64(2) << qint64(12) << false;
    QTest::newRow("two emoji and CJK") << QStringLiteral("😀😀 他们都很懒 lazy") << QStringLiteral("很懒")
                                       << qint64(6) << qint64(8) << false;  // Han characters stand alone
    QTest::newRow("ascii only") << QStringLiteral("They are lazy.") << QStringLiteral("lazy") << qint64(9) << qint64(13)
                                << false;
    QTest::newRow("whitespace trimmed") << QStringLiteral("🙂 a  lazy  b") << QStringLiteral("  lazy  ")
                                        << qint64(5) << qint64(9) << false;
    QTest::newRow("inside a word snaps") << QStringLiteral("They are lazy.") << QStringLiteral("az") << qint64(9)
                                         << qint64(13) << false;
    QTest::newRow("across words snaps") << QStringLiteral("Old people don't drive.") << QStringLiteral("ople don")
                                        << qint64(4) << qint64(16) << false;  // "people don't"
    QTest::newRow("exact keeps letters") << QStringLiteral("They are lazy.") << QStringLiteral("az") << qint64(10)
                                         << qint64(12) << true;
}

void TestAnnotateView::selectedSpanIsStoredInCodePoints() {
    QFETCH(QString, text);
    QFETCH(QString, selected);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(bool, exact);
    Fixture f({text});
    ui::SpanTextView* view = f.view->textView();
    view->setFocus();
    QTextCursor cursor = view->textCursor();
    const int at = int(text.indexOf(selected));
    cursor.setPosition(at);
    cursor.setPosition(at + int(selected.size()), QTextCursor::KeepAnchor);
    view->setTextCursor(cursor);
    f.press(Qt::Key_M, exact ? Qt::ShiftModifier : Qt::NoModifier);  // "mark span" / "mark exact" actions
    const auto row = f.stored(1);
    QVERIFY(row);
    QCOMPARE(row->spans.size(), size_t(1));
    QCOMPARE(qint64(row->spans[0].start), start);
    QCOMPARE(qint64(row->spans[0].end), end);
}

void TestAnnotateView::suggestionsAreShownButNeverSavedAsLabels() {  // #11 items 4 and 10
    Fixture f({"Old men ruin everything.", "Second item."});
    core::Suggestion s;
    s.labels = {{"bias", "Yes"}};
    s.spans = {{0, 7}};
    s.rewrite = "Some men get things wrong.";
    db::saveSuggestion(f.session->db(), 1, "model-x", s);
    f.press(Qt::Key_J);
    f.press(Qt::Key_K);  // item 1 again, now with its suggestion
    QVERIFY(f.view->suggestions()->isVisible());
    QCOMPARE(f.view->suggestions()->suggestions().size(), size_t(1));
    QVERIFY(f.view->suggestions()->findChild<QGroupBox*>()->title().contains(QStringLiteral("model-x")));
    QVERIFY2(!f.stored(1), "showing a suggestion wrote an annotation");
    QCOMPARE(f.checkedValue("bias"), QString());
    auto views = f.session->db().prepare("SELECT count(*) FROM suggestion_views");
    views.step();
    QCOMPARE(views.columnInt(0), int64_t(1));  // the acceptance rate knows ana saw it

    QPushButton* useLabels = nullptr;
    for (auto* b : f.view->suggestions()->findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Use labels")) useLabels = b;
    QVERIFY(useLabels);
    useLabels->click();  // only now, and by the annotator's own hand, does it become a label
    QCOMPARE(f.stored(1)->labels.value("bias", ""), std::string("Yes"));
    QCOMPARE(f.checkedValue("bias"), QStringLiteral("Yes"));
    f.session->undoStack()->undo();
    QVERIFY(!f.stored(1)->labels.contains("bias"));
}

void TestAnnotateView::pastedRewriteIsCountedAndMetricsFollowTheText() {  // #11 items 5 and 6
    Fixture f({"Old people cannot use phones."});  // 29 code points
    QApplication::clipboard()->setText(QStringLiteral("Some people"));
    QPlainTextEdit* editor = f.view->rewriteEditor()->editor();
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_V, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral(" find phones hard."));  // 29 code points in all
    const auto row = f.stored(1);
    QVERIFY(row);
    QCOMPARE(row->rewrite.value_or(""), std::string("Some people find phones hard."));
    QCOMPARE(row->pastedChars, int64_t(11));  // the pasted "Some people", not the typed rest
    const QString metrics = f.view->rewriteEditor()->metrics()->text();
    const double chrf = core::chrf("Some people find phones hard.", "Old people cannot use phones.");
    QVERIFY2(metrics.contains(QStringLiteral("chrF %1").arg(chrf, 0, 'f', 1)), qPrintable(metrics));
    QVERIFY2(metrics.contains(QStringLiteral("length 1.00×")), qPrintable(metrics));  // 29 / 29

    // The grade is core/eval's Flesch-Kincaid, shown once the dictionary has loaded off the UI thread.
    // By hand: 5 words, 1 sentence, 6 syllables (peo-ple) -> 0.39*5 + 11.8*6/5 - 15.59 = 0.52.
    auto& readability = ui::ReadabilityGrade::instance();
    QTRY_VERIFY_WITH_TIMEOUT(readability.ready() || !readability.error().isEmpty(), 20000);
    if (!readability.ready()) QSKIP(qPrintable(readability.error()));
    QTRY_VERIFY2(f.view->rewriteEditor()->metrics()->text().contains(QStringLiteral("grade 0.5")),
                 qPrintable(f.view->rewriteEditor()->metrics()->text()));
}

void TestAnnotateView::projectScorerSuggestsLabelsAndScoresTheRewrite() {  // #11 items 4 and 6
    if (qEnvironmentVariable("SRLLM_CLI").isEmpty()) QSKIP("SRLLM_CLI is not set");
    Fixture f({"the report was idiot today", "Second item."});
    QFile data(f.dir.filePath(QStringLiteral("labels.jsonl")));  // a word rule: "idiot" is toxic
    QVERIFY(data.open(QIODevice::WriteOnly));
    for (int i = 0; i < 40; ++i)
        data.write(QStringLiteral("{\"text\": \"the item %1 was %2\", \"toxicity\": %3}\n")
                       .arg(i).arg(i % 2 ? "idiot" : "fine").arg(i % 2).toUtf8());
    data.close();
    const QString scorer = f.dir.filePath(QStringLiteral("scorer"));
    const auto trained = test::runCliQt({"scorer", "train", "-", scorer, "--hash-bits", "12", "--data", data.fileName()});
    QVERIFY2(trained.exitCode == 0 && !trained.out.isEmpty(), qPrintable(trained.output()));
    const QString rewrite = QStringLiteral("the report was fine today");
    const auto score = test::runCliQt({"score", "--json", "--scorer", scorer, "the report was idiot today", rewrite});
    QVERIFY2(score.exitCode == 0, qPrintable(score.output()));
    const QList<QByteArray> scored = score.out.split('\n');
    QVERIFY(scored.size() >= 2);
    const auto original = nlohmann::json::parse(scored[0].toStdString());
    const auto rewritten = nlohmann::json::parse(scored[1].toStdString());

    // The lead sets it (the annotator's own session may not), from another connection as another process would.
    db::setSuggestionScorerFolder(db::Project::open(f.dir.filePath(QStringLiteral("test.srllm")).toStdString())->db(),
                                  scorer.toStdString());
    f.press(Qt::Key_J);
    f.press(Qt::Key_K);  // item 1 again: scored when shown, stored under the scorer's hash
    const auto& shown = f.view->suggestions()->suggestions();
    QCOMPARE(shown.size(), size_t(1));
    QCOMPARE(shown[0].source, "scorer:" + original["scorer"].get<std::string>());
    QCOMPARE(shown[0].suggestion.labels.value("toxicity", ""),
             std::string(original["toxicity"].get<double>() >= 0.5 ? "Mild" : "No"));
    QVERIFY(f.view->suggestions()->findChild<QGroupBox*>()->title().contains(
        QString::fromStdString(original["scorer"].get<std::string>().substr(0, 12))));
    QVERIFY2(!f.stored(1), "a scorer's suggestion was written as the annotator's labels");

    QPlainTextEdit* editor = f.view->rewriteEditor()->editor();
    editor->setFocus();
    QTest::keyClicks(editor, rewrite);
    const QString metrics = f.view->rewriteEditor()->metrics()->text();
    QVERIFY2(metrics.contains(QStringLiteral("toxicity %1").arg(rewritten["toxicity"].get<double>(), 0, 'f', 2)),
             qPrintable(metrics));
}

// #11: a lead who imports into a new project (or an annotator whose first items are assigned) labels them at
// once; the empty queue's disabled editors used to stay disabled until the project was reopened.
void TestAnnotateView::firstItemsOfAnEmptyQueueOpenReadyToLabel() {
    Fixture f({});
    QVERIFY(!f.view->labelForm()->isEnabled());
    {
        auto other = db::Project::open(f.session->projectPath().toStdString());  // as the CLI or the import dialog
        VectorReader reader({"Old people can't use phones.", "The bus leaves at nine."});
        db::importItems(*other, reader, "later", [](int64_t, int64_t) { return true; });
    }
    f.session->checkForOutsideChanges();
    QCOMPARE(f.view->draft()->itemId(), int64_t(1));
    QVERIFY(f.view->labelForm()->isEnabled());
    QVERIFY(f.view->rewriteEditor()->isEnabled());
    QCOMPARE(QApplication::focusWidget(), f.view->labelForm());
    for (int key : {Qt::Key_2, Qt::Key_1, Qt::Key_2, Qt::Key_1, Qt::Key_2}) f.press(key);  // bias: Yes, then the rest
    f.press(Qt::Key_Return, Qt::ControlModifier);
    const auto row = f.stored(1);
    QVERIFY(row);
    QCOMPARE(row->status, std::string("done"));
    QCOMPARE(QString::fromStdString(row->labels.value("bias", "")), QStringLiteral("Yes"));
}

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("srllm-test"));
    if (!test::platformActivatesWindows()) return 77;  // shortcuts need an active window
    TestAnnotateView test;
    return QTest::qExec(&test, argc, argv);
}

#include "test-annotate-view.moc"
