// ui/train/training-curves and training-charts: the event lines of docs/JOBS.md become the chart series;
// a resumed run drops the points its checkpoint does not hold; a log.jsonl reads back into the same
// series with its bad lines reported. Expected values are the numbers written into the events.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include "ui/train/train-format.h"
#include "ui/train/training-charts.h"
#include "ui/train/training-curves.h"

using srllm::ui::TrainingCurves;
using Curve = TrainingCurves::Curve;

namespace {

nlohmann::json step(int n, double loss) {
    return {{"event", "step"},         {"time", "2026-01-01T00:00:00Z"}, {"step", n},
            {"total_steps", 10},       {"epoch", n / 10.0},             {"loss_train", loss},
            {"learning_rate", 2e-4},   {"grad_norm", 1.0},              {"tokens", 512},
            {"tokens_per_second", 100.0 * n}, {"seconds", 0.5},        {"eta_seconds", 60.0 * (10 - n)},
            {"memory_bytes", 1e9 + n}};
}

nlohmann::json start(int resumedFrom) {
    return {{"event", "start"}, {"resumed_from_step", resumedFrom}, {"total_steps", 10}};
}

QVector<double> steps(const TrainingCurves& curves, Curve curve) { return curves.series(curve).steps; }

}  // namespace

class TestTrainingCurves : public QObject {
    Q_OBJECT
private slots:
    void stepAndEvalLinesFillTheirSeries();
    void resumeDropsPointsAfterTheCheckpoint();
    void otherEventsAndMissingFieldsChangeNothing();
    void logReadsBackWithBadLinesReported();
    void chartsShowTheSeriesAndTheSummary();
    void durationsAndSizesAreWrittenForPeople_data();
    void durationsAndSizesAreWrittenForPeople();
};

void TestTrainingCurves::stepAndEvalLinesFillTheirSeries() {
    TrainingCurves curves;
    QVERIFY(curves.isEmpty());
    QVERIFY(curves.add(start(0)));
    QVERIFY(curves.add(step(1, 3.0)));
    QVERIFY(curves.add(step(2, 2.5)));
    QVERIFY(curves.add({{"event", "eval"}, {"step", 2}, {"loss_eval", 2.75}}));
    QCOMPARE(steps(curves, Curve::LossTrain), (QVector<double>{1, 2}));
    QCOMPARE(curves.series(Curve::LossTrain).values, (QVector<double>{3.0, 2.5}));
    QCOMPARE(steps(curves, Curve::LossEval), (QVector<double>{2}));
    QCOMPARE(curves.series(Curve::LossEval).values, (QVector<double>{2.75}));
    QCOMPARE(curves.series(Curve::TokensPerSecond).values, (QVector<double>{100, 200}));
    QCOMPARE(curves.series(Curve::EtaSeconds).values, (QVector<double>{540, 480}));
    QCOMPARE(curves.progress().step, 2);
    QCOMPARE(curves.progress().totalSteps, 10);
    QCOMPARE(curves.progress().memoryPeakBytes, 1e9 + 2);
}

void TestTrainingCurves::resumeDropsPointsAfterTheCheckpoint() {
    // Killed after step 5 with its newest checkpoint at step 3: steps 4 and 5 are done again.
    TrainingCurves curves;
    curves.add(start(0));
    for (int n = 1; n <= 5; ++n) curves.add(step(n, 4.0 - n * 0.1));
    curves.add({{"event", "eval"}, {"step", 3}, {"loss_eval", 3.5}});
    curves.add({{"event", "eval"}, {"step", 5}, {"loss_eval", 3.4}});
    curves.add(start(3));
    QCOMPARE(steps(curves, Curve::LossTrain), (QVector<double>{1, 2, 3}));
    QCOMPARE(steps(curves, Curve::LossEval), (QVector<double>{3}));
    QCOMPARE(curves.progress().step, 3);
    QCOMPARE(curves.progress().resumes, 1);
    curves.add(step(4, 1.0));
    QCOMPARE(steps(curves, Curve::LossTrain), (QVector<double>{1, 2, 3, 4}));
    QCOMPARE(curves.series(Curve::LossTrain).values.back(), 1.0);
}

void TestTrainingCurves::otherEventsAndMissingFieldsChangeNothing() {
    TrainingCurves curves;
    QVERIFY(!curves.add({{"event", "checkpoint"}, {"step", 3}, {"path", "checkpoints/step-00000003"}}));
    QVERIFY(!curves.add({{"step", 3}}));
    QVERIFY(!curves.add({{"event", 7}}));
    QVERIFY(curves.isEmpty());
    curves.add({{"event", "step"}, {"step", 1}, {"loss_train", 2.0}});  // no memory, no eta
    QCOMPARE(curves.series(Curve::LossTrain).steps.size(), 1);
    QVERIFY(curves.series(Curve::MemoryBytes).steps.isEmpty());
    QVERIFY(!curves.progress().etaSeconds);
}

void TestTrainingCurves::logReadsBackWithBadLinesReported() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(start(0).dump()) + "\n");
    file.write(QByteArray::fromStdString(step(1, 2.0).dump()) + "\n");
    file.write("{\"event\":\"step\",\"step\":2,\"loss_tr\n");  // a line cut by a crash mid-write
    file.write(QByteArray::fromStdString(start(1).dump()) + "\n");
    file.write(QByteArray::fromStdString(step(2, 1.5).dump()));  // no final newline
    file.close();
    QStringList problems;
    const TrainingCurves curves = TrainingCurves::fromLog(path, &problems);
    QCOMPARE(curves.series(Curve::LossTrain).values, (QVector<double>{2.0, 1.5}));
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().startsWith(QLatin1String("line 3:")));
    QVERIFY(TrainingCurves::fromLog(dir.filePath(QStringLiteral("absent.jsonl"))).isEmpty());
}

void TestTrainingCurves::chartsShowTheSeriesAndTheSummary() {
    srllm::ui::TrainingCharts charts;
    QCOMPARE(charts.summary(), QStringLiteral("No steps yet."));
    TrainingCurves curves;
    curves.add(start(0));
    for (int n = 1; n <= 4; ++n) curves.add(step(n, 3.0 - n * 0.5));
    curves.add({{"event", "eval"}, {"step", 4}, {"loss_eval", 1.25}});
    charts.setCurves(curves);
    QCOMPARE(charts.pointCount(Curve::LossTrain), 4);
    QCOMPARE(charts.pointCount(Curve::LossEval), 1);
    QCOMPARE(charts.pointCount(Curve::MemoryBytes), 4);
    QCOMPARE(charts.plot(Curve::LossTrain), charts.plot(Curve::LossEval));
    // The memory chart is in GiB and the time chart in minutes.
    QCOMPARE(charts.plot(Curve::MemoryBytes)->graph(0)->data()->at(0)->value, (1e9 + 1) / (1024.0 * 1024.0 * 1024.0));
    QCOMPARE(charts.plot(Curve::EtaSeconds)->graph(0)->data()->at(3)->value, 6.0);
    const QCPRange lossY = charts.plot(Curve::LossTrain)->yAxis->range();
    QVERIFY(lossY.lower <= 1.0 && lossY.upper >= 2.5);
    QVERIFY2(charts.summary().startsWith(QStringLiteral("Step 4 of 10 · epoch 0.40 · 400 tokens/s · 6 min 00 s left")),
             qPrintable(charts.summary()));
}

void TestTrainingCurves::durationsAndSizesAreWrittenForPeople_data() {
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("seconds") << 44.6 << QStringLiteral("45 s");
    QTest::newRow("minutes") << 200.0 << QStringLiteral("3 min 20 s");
    QTest::newRow("hours") << 7500.0 << QStringLiteral("2 h 05 min");
    QTest::newRow("days") << 3 * 86400.0 + 4 * 3600.0 + 59.0 << QStringLiteral("3 d 4 h");
    QTest::newRow("unknown") << -1.0 << QStringLiteral("–");
}

void TestTrainingCurves::durationsAndSizesAreWrittenForPeople() {
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(srllm::ui::formatDuration(seconds), text);
    QCOMPARE(srllm::ui::formatBytes(1.5 * 1024 * 1024 * 1024), QStringLiteral("1.5 GiB"));
}

QTEST_MAIN(TestTrainingCurves)
#include "test-training-curves.moc"
