// The interface language: the Chinese translation is compiled into the binary, found for classes in
// namespace srllm::ui, and complete (every string of the .ts file has a finished translation).
#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

#include "ui/main/app-language.h"

class TestAppLanguage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void chineseIsLoadedFromTheResource();
    void everyChineseStringIsTranslated();
};

void TestAppLanguage::chineseIsLoadedFromTheResource() {
    srllm::ui::setStoredLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(srllm::ui::storedLanguage(), QStringLiteral("zh_CN"));
    srllm::ui::installTranslators(*qApp);
    // tr() in srllm::ui::MainWindow asks with the namespaced context; the .ts names it "MainWindow".
    QCOMPARE(QCoreApplication::translate("srllm::ui::MainWindow", "Annotate"), QStringLiteral("标注"));
    QCOMPARE(QCoreApplication::translate("srllm::ui::RewriteEditor", "%n word(s) added", nullptr, 3),
             QStringLiteral("新增 3 个词"));
    QCOMPARE(QCoreApplication::translate("srllm::ui::MainWindow", "no such string"), QStringLiteral("no such string"));
}

void TestAppLanguage::everyChineseStringIsTranslated() {
    QFile file(qEnvironmentVariable("SRLLM_SOURCE_DIR") + QStringLiteral("/translations/srllm_zh_CN.ts"));
    if (!file.open(QIODevice::ReadOnly)) QSKIP("SRLLM_SOURCE_DIR/translations/srllm_zh_CN.ts not readable");
    QXmlStreamReader xml(&file);
    int messages = 0;
    QStringList unfinished;
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            if (type == QLatin1String("unfinished")) unfinished << source;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 100);
    QVERIFY2(unfinished.isEmpty(), qPrintable(QStringLiteral("untranslated: ") + unfinished.join(QStringLiteral(" | "))));
}

QTEST_MAIN(TestAppLanguage)
#include "test-app-language.moc"
