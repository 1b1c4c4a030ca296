// Every chart exports through ui/plots/plot-export: the suffix picks PNG, SVG or PDF, and each file is a
// real one of its kind (checked by its signature and, for PNG, by reading it back at the asked size).
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include "ui/plots/plot-export.h"

class TestPlotExport : public QObject {
    Q_OBJECT
private slots:
    void suffixPicksTheFormat_data();
    void suffixPicksTheFormat();
    void unknownSuffixIsRefused();

private:
    static QByteArray head(const QString& path, int bytes);
};

QByteArray TestPlotExport::head(const QString& path, int bytes) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.read(bytes);
}

void TestPlotExport::suffixPicksTheFormat_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("signature");
    QTest::newRow("png") << QStringLiteral("chart.png") << QByteArray("\x89PNG", 4);
    QTest::newRow("PNG upper case") << QStringLiteral("chart.PNG") << QByteArray("\x89PNG", 4);
    QTest::newRow("pdf") << QStringLiteral("chart.pdf") << QByteArray("%PDF");
    QTest::newRow("svg") << QStringLiteral("chart.svg") << QByteArray("<?xml");
}

void TestPlotExport::suffixPicksTheFormat() {
    QFETCH(QString, name);
    QFETCH(QByteArray, signature);
    QCustomPlot plot;
    plot.addGraph()->setData({0, 1, 2}, {1, 3, 2});
    plot.rescaleAxes();
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QVERIFY(srllm::ui::exportPlot(&plot, path, 400, 300));
    QCOMPARE(head(path, signature.size()), signature);
    if (name.endsWith(QLatin1String(".svg"))) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("viewBox=\"0 0 400 300\""));
    }
    if (name.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) QCOMPARE(QImage(path).size(), QSize(400, 300));
}

void TestPlotExport::unknownSuffixIsRefused() {
    QCustomPlot plot;
    QTemporaryDir dir;
    QVERIFY(!srllm::ui::exportPlot(&plot, dir.filePath(QStringLiteral("chart.bmp"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("chart.bmp"))));
}

QTEST_MAIN(TestPlotExport)
#include "test-plot-export.moc"
