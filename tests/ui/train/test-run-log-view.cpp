// ui/train/run-log-view: events in words under the English plurals of translations/srllm_en.ts. A warning
// names the data lines it came from only when it has some (a resume warning is about the run).
#include <QApplication>
#include <QStandardPaths>
#include <QTest>

#include "core/job/job-events.h"
#include "ui/main/app-language.h"
#include "ui/train/run-log-view.h"

class TestRunLogView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void warningsNameTheirLinesOnlyWhenTheyHaveSome_data();
    void warningsNameTheirLinesOnlyWhenTheyHaveSome();
};

void TestRunLogView::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    srllm::ui::setStoredLanguage(QStringLiteral("en"));
    srllm::ui::installTranslators(*qApp);
}

void TestRunLogView::warningsNameTheirLinesOnlyWhenTheyHaveSome_data() {
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QList<qint64>>("lines");
    QTest::addColumn<QString>("text");
    QTest::newRow("once, no line") << qint64(1) << QList<qint64>{} << QStringLiteral("warning (resume, once): m");
    QTest::newRow("twice, no line") << qint64(2) << QList<qint64>{} << QStringLiteral("warning (resume, 2 times): m");
    QTest::newRow("once, a line") << qint64(1) << QList<qint64>{7} << QStringLiteral("warning (resume, once, at line 7): m");
    QTest::newRow("12 times, lines") << qint64(12) << QList<qint64>{1, 2, 3}
                                     << QStringLiteral("warning (resume, 12 times, first at lines 1, 2, 3): m");
}

void TestRunLogView::warningsNameTheirLinesOnlyWhenTheyHaveSome() {
    QFETCH(qint64, count);
    QFETCH(QList<qint64>, lines);
    QFETCH(QString, text);
    const srllm::core::WarningEvent warning{"resume", "m", count, {lines.begin(), lines.end()}};
    QCOMPARE(srllm::ui::describeEvent({"2026-01-01T00:00:00.000Z", warning}), text);
}

QTEST_MAIN(TestRunLogView)
#include "test-run-log-view.moc"
