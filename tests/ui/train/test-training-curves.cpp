// ui/train/training-curves and training-charts: the events of docs/JOBS.md become the chart series; a
// resumed run drops the points its checkpoint does not hold; a log.jsonl (written with core's eventLine)
// reads back into the same series. Expected values are the numbers written into the events.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include "core/job/job-events.h"
#include "core/job/job-layout.h"
#include "ui/train/train-format.h"
#include "ui/train/training-charts.h"
#include "ui/train/training-curves.h"

using srllm::ui::TrainingCurves;
using Curve = TrainingCurves::Curve;

namespace {

using srllm::core::JobEvent;

JobEvent step(int n, double loss) {
    srllm::core::StepEvent e;
    e.step = n;
    e.totalSteps = 10;
    e.epoch = 0;
    e.lossTrain = loss;
    e.learningRate = 2e-4;
    e.gradNorm = 1.0;
    e.tokens = 512;
    e.tokensPerSecond = 100.0 * n;
    e.seconds = 0.5;
    e.etaSeconds = 60.0 * (10 - n);
    e.memoryBytes = 1000000000 + n;
    return {"2026-01-01T00:00:00.000Z", e};
}

JobEvent eval(int n, double loss) { return {"2026-01-01T00:00:00.000Z", srllm::core::EvalEvent{n, loss, std::nullopt}}; }

JobEvent start(int resumedFrom) {
    srllm::core::StartEvent e;
    e.job = "/tmp/job";
    e.resumedFromStep = resumedFrom;
    e.totalSteps = 10;
    e.device = "cpu";
    e.precision = "fp32";
    return {"2026-01-01T00:00:00.000Z", e};
}

QVector<double> steps(const TrainingCurves& curves, Curve curve) { return curves.series(curve).steps; }

}  // namespace

class TestTrainingCurves : public QObject {
    Q_OBJECT
private slots:
    void stepAndEvalLinesFillTheirSeries();
    void resumeDropsPointsAfterTheCheckpoint();
    void otherEventsChangeNothing();
    void logReadsBackWithItsCutLastLineSkipped();
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
    QVERIFY(curves.add(eval(2, 2.75)));
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
    curves.add(eval(3, 3.5));
    curves.add(eval(5, 3.4));
    curves.add(start(3));
    QCOMPARE(steps(curves, Curve::LossTrain), (QVector<double>{1, 2, 3}));
    QCOMPARE(steps(curves, Curve::LossEval), (QVector<double>{3}));
    QCOMPARE(curves.progress().step, 3);
    QCOMPARE(curves.progress().resumes, 1);
    curves.add(step(4, 1.0));
    QCOMPARE(steps(curves, Curve::LossTrain), (QVector<double>{1, 2, 3, 4}));
    QCOMPARE(curves.series(Curve::LossTrain).values.back(), 1.0);
}

void TestTrainingCurves::otherEventsChangeNothing() {
    TrainingCurves curves;
    QVERIFY(!curves.add({"t", srllm::core::CheckpointEvent{3, "checkpoints/step-00000003"}}));
    QVERIFY(!curves.add({"t", srllm::core::CancelledEvent{3, "checkpoints/step-00000003"}}));
    QVERIFY(!curves.add({"t", srllm::core::WarningEvent{"truncated", "m", 4, {1, 2}}}));
    QVERIFY(curves.isEmpty());
}

void TestTrainingCurves::logReadsBackWithItsCutLastLineSkipped() {
    QTemporaryDir dir;
    QFile file(dir.filePath(QString::fromLatin1(srllm::core::kJobLogFile)));
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (const JobEvent& e : {start(0), step(1, 2.0), step(2, 1.9), start(1), step(2, 1.5)})
        file.write(QByteArray::fromStdString(srllm::core::eventLine(e)) + "\n");
    file.write("{\"event\":\"step\",\"step\":3,\"loss_tr");  // the worker was killed mid-line
    file.close();
    QString problem;
    const TrainingCurves curves = TrainingCurves::fromLog(dir.path(), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(steps(curves, Curve::LossTrain), (QVector<double>{1, 2}));
    QCOMPARE(curves.series(Curve::LossTrain).values, (QVector<double>{2.0, 1.5}));
    QCOMPARE(curves.progress().resumes, 1);
    QVERIFY(TrainingCurves::fromLog(dir.filePath(QStringLiteral("absent"))).isEmpty());
}

void TestTrainingCurves::chartsShowTheSeriesAndTheSummary() {
    srllm::ui::TrainingCharts charts;
    QCOMPARE(charts.summary(), QStringLiteral("No steps yet."));
    TrainingCurves curves;
    curves.add(start(0));
    for (int n = 1; n <= 4; ++n) curves.add(step(n, 3.0 - n * 0.5));
    curves.add(eval(4, 1.25));
    charts.setCurves(curves);
    QCOMPARE(charts.pointCount(Curve::LossTrain), 4);
    QCOMPARE(charts.pointCount(Curve::LossEval), 1);
    QCOMPARE(charts.pointCount(Curve::MemoryBytes), 4);
    QCOMPARE(charts.plot(Curve::LossTrain), charts.plot(Curve::LossEval));
    // Units follow the largest value: under 1 GiB in MiB, 2 to 120 minutes in minutes.
    QCOMPARE(charts.plot(Curve::MemoryBytes)->graph(0)->data()->at(0)->value, (1e9 + 1) / (1024.0 * 1024.0));
    QCOMPARE(charts.plot(Curve::MemoryBytes)->yAxis->label(), QStringLiteral("MiB"));
    QCOMPARE(charts.plot(Curve::EtaSeconds)->graph(0)->data()->at(3)->value, 6.0);
    QCOMPARE(charts.plot(Curve::EtaSeconds)->yAxis->label(), QStringLiteral("minutes"));
    QCOMPARE(charts.plot(Curve::MemoryBytes)->yAxis->range().lower, 0.0);
    const QCPRange lossY = charts.plot(Curve::LossTrain)->yAxis->range();
    QVERIFY(lossY.lower <= 1.0 && lossY.upper >= 2.5);
    QVERIFY2(charts.summary().startsWith(QStringLiteral("Step 4 of 10 · epoch 1 · 400 tokens/s · 6 min 00 s left")),
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
