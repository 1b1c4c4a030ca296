// ui/worker/json-lines-reader: the worker protocol's stdout arrives in arbitrary chunks; partial lines wait,
// bad and over-long lines become numbered problems and reading goes on. Expected objects are written out
// by hand from the input text.
#include <QTest>

#include "ui/worker/json-lines-reader.h"

using srllm::ui::JsonLinesReader;
using srllm::ui::LineSplitter;

namespace {

// Feeds `stream` in pieces of `chunk` bytes (then finish()) and gathers everything that came out.
JsonLinesReader::Batch readInChunks(JsonLinesReader& reader, const QByteArray& stream, qsizetype chunk) {
    JsonLinesReader::Batch all;
    auto add = [&all](JsonLinesReader::Batch batch) {
        for (auto& object : batch.objects) all.objects.push_back(std::move(object));
        all.problems << batch.problems;
    };
    for (qsizetype at = 0; at < stream.size(); at += chunk) add(reader.feed(QByteArrayView(stream).sliced(at, std::min(chunk, stream.size() - at))));
    add(reader.finish());
    return all;
}

}  // namespace

class TestJsonLinesReader : public QObject {
    Q_OBJECT
private slots:
    void partialLinesGiveTheSameObjectsWhateverTheChunking_data();
    void partialLinesGiveTheSameObjectsWhateverTheChunking();
    void badLinesAreNumberedAndReadingGoesOn();
    void overLongLineIsSkippedWholeAndCountsAsOneLine_data();
    void overLongLineIsSkippedWholeAndCountsAsOneLine();
    void lineAtTheLimitIsRead();
    void hugeLinesUnderTheDefaultLimitAreRead();
    void unterminatedLastLineComesWithFinish();
};

void TestJsonLinesReader::partialLinesGiveTheSameObjectsWhateverTheChunking_data() {
    QTest::addColumn<int>("chunk");
    for (int chunk : {1, 2, 3, 7, 64, 4096}) QTest::newRow(qPrintable(QString::number(chunk))) << chunk;
}

void TestJsonLinesReader::partialLinesGiveTheSameObjectsWhateverTheChunking() {
    QFETCH(int, chunk);
    // CRLF, a blank line, and "ü" (two UTF-8 bytes) that a 1-byte chunking splits in half.
    const QByteArray stream = "{\"event\":\"start\",\"total_steps\":10}\r\n"
                              "\n"
                              "{\"event\":\"step\",\"step\":1,\"loss_train\":2.5}\n"
                              "{\"event\":\"warning\",\"message\":\"M\xc3\xbcll\"}\n";
    JsonLinesReader reader;
    const auto batch = readInChunks(reader, stream, chunk);
    QVERIFY2(batch.problems.isEmpty(), qPrintable(batch.problems.join('\n')));
    QCOMPARE(batch.objects.size(), size_t(3));
    QCOMPARE(batch.objects[0].at("event").get<std::string>(), std::string("start"));
    QCOMPARE(batch.objects[0].at("total_steps").get<int>(), 10);
    QCOMPARE(batch.objects[1].at("step").get<int>(), 1);
    QCOMPARE(batch.objects[1].at("loss_train").get<double>(), 2.5);
    QCOMPARE(QString::fromStdString(batch.objects[2].at("message").get<std::string>()), QString::fromUtf8("M\xc3\xbcll"));
}

void TestJsonLinesReader::badLinesAreNumberedAndReadingGoesOn() {
    JsonLinesReader reader;
    const auto batch = readInChunks(reader,
                                    "{\"event\":\"step\",\"step\":1}\n"
                                    "Traceback: not json\n"
                                    "[1, 2]\n"
                                    "{\"event\":\"step\",\"step\":2\n"  // cut off mid-object
                                    "{\"event\":\"step\",\"step\":3}\n",
                                    5);
    QCOMPARE(batch.objects.size(), size_t(2));
    QCOMPARE(batch.objects[0].at("step").get<int>(), 1);
    QCOMPARE(batch.objects[1].at("step").get<int>(), 3);
    QCOMPARE(batch.problems.size(), 3);
    QVERIFY2(batch.problems[0].startsWith(QLatin1String("line 2: not JSON: Traceback")), qPrintable(batch.problems[0]));
    QVERIFY2(batch.problems[1].startsWith(QLatin1String("line 3: not a JSON object: [1, 2]")), qPrintable(batch.problems[1]));
    QVERIFY2(batch.problems[2].startsWith(QLatin1String("line 4: not JSON")), qPrintable(batch.problems[2]));
}

void TestJsonLinesReader::overLongLineIsSkippedWholeAndCountsAsOneLine_data() {
    QTest::addColumn<int>("chunk");
    QTest::newRow("one chunk") << 100000;
    QTest::newRow("chunks smaller than the limit") << 10;
    QTest::newRow("byte by byte") << 1;
}

void TestJsonLinesReader::overLongLineIsSkippedWholeAndCountsAsOneLine() {
    QFETCH(int, chunk);
    const QByteArray longLine = "{\"event\":\"step\",\"pad\":\"" + QByteArray(5000, 'x') + "\"}\n";
    JsonLinesReader reader(64);
    const auto batch = readInChunks(reader, "{\"a\":1}\n" + longLine + "{\"b\":2}\n" + longLine + "{\"c\":3}\n", chunk);
    QCOMPARE(batch.objects.size(), size_t(3));
    QCOMPARE(batch.objects[0].at("a").get<int>(), 1);
    QCOMPARE(batch.objects[1].at("b").get<int>(), 2);
    QCOMPARE(batch.objects[2].at("c").get<int>(), 3);
    QCOMPARE(batch.problems, (QStringList{QStringLiteral("line 2: longer than the limit, skipped"),
                                          QStringLiteral("line 4: longer than the limit, skipped")}));
}

void TestJsonLinesReader::lineAtTheLimitIsRead() {
    const QByteArray line = "{\"k\":\"" + QByteArray(56, 'y') + "\"}";  // 64 bytes without its newline
    QCOMPARE(line.size(), 64);
    LineSplitter splitter(64);
    auto lines = splitter.feed(line + "\n" + line + "z\n");
    QCOMPARE(lines.size(), size_t(2));
    QCOMPARE(lines[0].text, line);
    QVERIFY(!lines[0].tooLong);
    QVERIFY(lines[1].tooLong);
    QCOMPARE(lines[1].number, 2);
}

void TestJsonLinesReader::hugeLinesUnderTheDefaultLimitAreRead() {
    // A 900 KB message (under the 1 MiB default) in 64 KB pipe-sized chunks, then a 3 MB one (over it).
    const QByteArray big(900 * 1024, 'b');
    const QByteArray huge(3 * 1024 * 1024, 'h');
    JsonLinesReader reader;
    const auto batch = readInChunks(reader, "{\"m\":\"" + big + "\"}\n{\"m\":\"" + huge + "\"}\n{\"n\":1}\n", 65536);
    QCOMPARE(batch.objects.size(), size_t(2));
    QCOMPARE(batch.objects[0].at("m").get<std::string>().size(), size_t(big.size()));
    QCOMPARE(batch.objects[1].at("n").get<int>(), 1);
    QCOMPARE(batch.problems, QStringList{QStringLiteral("line 2: longer than the limit, skipped")});
}

void TestJsonLinesReader::unterminatedLastLineComesWithFinish() {
    JsonLinesReader reader;
    QVERIFY(reader.feed("{\"event\":\"done\",\"steps\":4}").objects.empty());
    const auto batch = reader.finish();
    QCOMPARE(batch.objects.size(), size_t(1));
    QCOMPARE(batch.objects[0].at("steps").get<int>(), 4);
    QVERIFY(reader.finish().objects.empty());
}

QTEST_GUILESS_MAIN(TestJsonLinesReader)
#include "test-json-lines-reader.moc"
