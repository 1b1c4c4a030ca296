// ui/evaluate: a small project (three generation runs over six items in two groups, with stored metric
// values and a training log) fills every figure of the Evaluate mode; the values drawn are checked against
// hand calculations (toxic % = flagged/n with its Wilson interval, histogram counts, quartiles, the paired
// t and its critical value from a t table), the items behind a bar are listed and open with every run's
// output, every figure exports as PNG, SVG and PDF, and `srllm eval` runs as a worker from the page.
#include <cmath>
#include <fstream>
#include <optional>

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QProcess>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <qcustomplot.h>

#include "core/job/job-events.h"
#include "core/job/job-layout.h"
#include "db/annotators.h"
#include "db/generation-runs.h"
#include "db/metric-values.h"
#include "db/project.h"
#include "support/qt-cli-run.h"
#include "ui/evaluate/evaluate-view.h"
#include "ui/evaluate/evaluation-item-dialog.h"
#include "ui/evaluate/evaluation-table-view.h"
#include "ui/evaluate/generate-run-dialog.h"
#include "ui/project-session.h"
#include "ui/report/report-dialog.h"
#include "ui/worker/thread-job.h"
#include "ui/worker/worker-process.h"

using namespace srllm;

namespace {

constexpr int kItems = 6;
const char* const kScorer = "5c0fe5c0fe5c0fe5c0fe5c0fe5c0fe5c0fe5c0fe5c0fe5c0fe5c0fe5c0fe5c0f";
// Per run (original, base, tuned), one value per item.
const std::vector<std::vector<double>> kToxicity = {{0.9, 0.8, 0.2, 0.7, 0.1, 0.6}, {0.6, 0.3, 0.1, 0.55, 0.2, 0.4}, {0.1, 0.2, 0.05, 0.3, 0.1, 0.52}};
const std::vector<std::vector<double>> kBias = {{0.6, 0.1, 0.1, 0.1, 0.7, 0.2}, {0.1, 0.1, 0.1, 0.1, 0.6, 0.2}, {0.1, 0.1, 0.1, 0.1, 0.1, 0.2}};
const std::vector<std::vector<double>> kVader = {{-0.5, -0.4, -0.6, -0.2, 0.1, -0.3}, {-0.1, 0.0, -0.2, 0.1, 0.2, -0.1}, {0.2, 0.3, 0.1, 0.4, 0.3, 0.5}};
const std::vector<std::vector<double>> kGrade = {{8, 9, 10, 7, 12, 8}, {7, 8, 9, 7, 10, 8}, {6, 7, 8, 6, 30, 7}};
const std::vector<std::vector<double>> kChrf = {{100, 100, 100, 100, 100, 100}, {60, 70, 50, 80, 65, 75}, {55, 45, 60, 70, 50, 40}};
const char* const kRunNames[] = {"original", "base", "tuned"};

// The 95% Wilson interval of k of n, in percent (Wilson 1927), as a hand formula.
std::pair<double, double> wilson(int k, int n) {
    const double z = 1.959963984540054, p = double(k) / n, z2 = z * z;
    const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return {100 * (centre - half), 100 * (centre + half)};
}

std::vector<db::PositionValue> positionValues(const std::vector<double>& values) {
    std::vector<db::PositionValue> out;
    for (size_t i = 0; i < values.size(); ++i) out.push_back({int64_t(i), values[i], nullptr});
    return out;
}

template <class T>
std::vector<T*> plottables(QCustomPlot* plot) {
    std::vector<T*> out;
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (auto* p = qobject_cast<T*>(plot->plottable(i))) out.push_back(p);
    return out;
}

// The value of the bar at `key` (QCPDataContainer::findBegin would also return the bar below it).
double valueAt(const QCPBars* bars, double key) {
    for (const auto& point : *bars->data())
        if (point.key == key) return point.value;
    return NAN;
}

QCPErrorBars* errorsOf(QCustomPlot* plot, QCPAbstractPlottable* bars) {
    for (auto* e : plottables<QCPErrorBars>(plot))
        if (e->dataPlottable() == bars) return e;
    return nullptr;
}

int figureIndex(const ui::EvaluateView& view, const QString& id) {
    for (size_t i = 0; i < view.figures().size(); ++i)
        if (view.figures()[i].id == id) return int(i);
    return -1;
}

}  // namespace

class TestEvaluateView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fillsEveryFigureWithTheStoredValues();
    void listsTheItemsBehindABarAndOpensOne();
    void exportsEveryFigureAsPngSvgAndPdf();
    void generateRunFormBuildsTheCliArguments();
    void evaluatesThroughTheWorkerAndShowsTheStoredTable();
    void reportButtonOpensTheReportWithTheCheckedRuns();
    void generatesThroughTheWorkerAsTheCliGenerates();
    void aDamagedStoredEvaluationIsNamedAndTheRunsStayListed();

private:
    std::unique_ptr<ui::EvaluateView> openView();

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ui::ProjectSession> m_session;
    std::vector<int64_t> m_runs;
};

void TestEvaluateView::initTestCase() {
    m_path = m_dir.filePath(QStringLiteral("evaluate.srllm"));
    auto project = db::Project::create(m_path.toStdString());
    db::Database& d = project->db();
    std::vector<db::RunItem> items;
    for (int i = 0; i < kItems; ++i)
        items.push_back({i, std::nullopt, "source text " + std::to_string(i), {"reference " + std::to_string(i)}, i < 3 ? "group-a" : "group-b"});
    // The tuned run comes from a training run folder whose log holds three steps and one eval.
    const QString jobDir = m_dir.filePath(QStringLiteral("job"));
    QDir().mkpath(jobDir);
    {
        std::ofstream log((jobDir + QStringLiteral("/") + QString::fromLatin1(core::kJobLogFile)).toStdString());
        for (int step = 1; step <= 3; ++step) {
            core::StepEvent s;
            s.step = step;
            s.totalSteps = 3;
            s.lossTrain = 3.0 - 0.5 * step;
            log << core::eventLine({"t", s}) << "\n";
        }
        log << core::eventLine({"t", core::EvalEvent{3, 1.75, std::nullopt}}) << "\n";
    }
    for (int r = 0; r < 3; ++r) {
        db::GenerationRunSpec spec;
        spec.name = kRunNames[r];
        spec.kind = r == 0 ? "original" : "model";
        if (r > 0) spec.baseModel = "/models/tiny";
        if (r == 2) spec.jobDir = jobDir.toStdString();
        spec.testSet = "file:/fixture.jsonl";
        const int64_t id = db::createGenerationRun(d, spec, items).id;
        std::vector<db::RunOutput> outputs;
        for (const auto& item : items) outputs.push_back({item.position, item.source, r == 0 ? item.source : std::string(kRunNames[r]) + " output " + std::to_string(item.position), {}});
        db::storeRunOutputs(d, id, outputs);
        db::storeOutputMetric(d, id, {"risk-toxicity", 1, kScorer}, positionValues(kToxicity[size_t(r)]));
        db::storeOutputMetric(d, id, {"risk-bias", 1, kScorer}, positionValues(kBias[size_t(r)]));
        db::storeOutputMetric(d, id, {"vader-compound", 1, ""}, positionValues(kVader[size_t(r)]));
        db::storeOutputMetric(d, id, {"flesch-kincaid-grade", 1, ""}, positionValues(kGrade[size_t(r)]));
        db::storeOutputMetric(d, id, {"chrf-source", 1, ""}, positionValues(kChrf[size_t(r)]));
        m_runs.push_back(id);
    }
    const int64_t annotator = db::ensureAnnotator(d, "lead", "expert");
    m_session = std::make_unique<ui::ProjectSession>(std::move(project), annotator);
}

std::unique_ptr<ui::EvaluateView> TestEvaluateView::openView() {
    auto view = std::make_unique<ui::EvaluateView>(m_session.get());
    view->resize(1400, 900);
    view->show();
    [&] { QVERIFY(view->loader()->wait(20000)); }();
    return view;
}

void TestEvaluateView::fillsEveryFigureWithTheStoredValues() {
    auto view = openView();
    QCOMPARE(view->checkedRuns(), m_runs);  // no evaluation stored yet: every run of the first run's test set
    QCOMPARE(view->data().itemCount(), kItems);
    QStringList ids;
    for (const auto& f : view->figures()) ids << f.id;
    for (const char* id : {"toxic-percent", "risk-percent", "group-toxic-percent", "quality", "complexity", "t-distribution-1",
                           "t-distribution-2", "histogram-risk-toxicity", "box-risk-toxicity", "histogram-vader-compound",
                           "box-flesch-kincaid-grade", "loss-curves"})
        QVERIFY2(ids.contains(QString::fromLatin1(id)), id);
    QCOMPARE(view->figureList()->count(), int(view->figures().size()));
    QCustomPlot* plot = view->plot();
    for (int i = 0; i < int(view->figures().size()); ++i) {
        view->showFigure(i);
        QVERIFY2(plot->plottableCount() > 0, qPrintable(view->figures()[size_t(i)].id));
    }

    // Toxic % per run: flagged (>= 0.5) of 6 by hand: 4, 2 and 1, with Wilson intervals.
    view->showFigure(figureIndex(*view, QStringLiteral("toxic-percent")));
    const int flagged[] = {4, 2, 1};
    auto bars = plottables<QCPBars>(plot);
    QCOMPARE(int(bars.size()), 3);
    for (int r = 0; r < 3; ++r) {
        const double value = valueAt(bars[size_t(r)], r + 1);
        QVERIFY(std::fabs(value - 100.0 * flagged[r] / kItems) < 1e-9);
        const auto [lo, hi] = wilson(flagged[r], kItems);
        const auto* e = errorsOf(plot, bars[size_t(r)]);
        QVERIFY(e);
        QVERIFY(std::fabs(value - e->data()->at(0).errorMinus - lo) < 1e-9);
        QVERIFY(std::fabs(value + e->data()->at(0).errorPlus - hi) < 1e-9);
    }
    // The same cells in the table tab.
    QCOMPARE(view->table()->cells()->item(0, 1)->text().left(5), QStringLiteral("33.33"));

    // Per risk: bias flagged 2, 1 and 0 of 6 (second category); per group: the original's group-b 2 of 3.
    view->showFigure(figureIndex(*view, QStringLiteral("risk-percent")));
    bars = plottables<QCPBars>(plot);
    const int biased[] = {2, 1, 0};
    for (int r = 0; r < 3; ++r) QVERIFY(std::fabs(valueAt(bars[size_t(r)], 2) - 100.0 * biased[r] / kItems) < 1e-9);
    view->showFigure(figureIndex(*view, QStringLiteral("group-toxic-percent")));
    bars = plottables<QCPBars>(plot);
    QVERIFY(std::fabs(valueAt(bars[0], 1) - 200.0 / 3) < 1e-9);  // group-a: 0.9, 0.8 flagged
    QVERIFY(std::fabs(valueAt(bars[0], 2) - 200.0 / 3) < 1e-9);  // group-b: 0.7, 0.6
    QVERIFY(std::fabs(valueAt(bars[2], 2) - 100.0 / 3) < 1e-9);  // tuned group-b: 0.52

    // Histogram of toxicity, ten bins over [0, 1]: the original has one value in [0.1, 0.2), one in
    // [0.2, 0.3), one each in [0.6, 0.7), [0.7, 0.8), [0.8, 0.9) and [0.9, 1.0].
    view->showFigure(figureIndex(*view, QStringLiteral("histogram-risk-toxicity")));
    bars = plottables<QCPBars>(plot);
    const std::vector<double> counts = {0, 1, 1, 0, 0, 0, 1, 1, 1, 1};
    for (int b = 0; b < 10; ++b) QCOMPARE(bars[0]->data()->at(b)->value, counts[size_t(b)]);

    // Box of FK grade for tuned: sorted 6 6 7 7 8 30; quartiles by linear interpolation: q1 6.25,
    // median 7, q3 7.75; IQR 1.5 so 30 is an outlier and the upper whisker ends at 8.
    view->showFigure(figureIndex(*view, QStringLiteral("box-flesch-kincaid-grade")));
    auto boxes = plottables<QCPStatisticalBox>(plot);
    QCOMPARE(int(boxes.size()), 3);
    const auto box = boxes[2]->data()->at(0);
    QCOMPARE(box->lowerQuartile, 6.25);
    QCOMPARE(box->median, 7.0);
    QCOMPARE(box->upperQuartile, 7.75);
    QCOMPARE(box->maximum, 8.0);
    QCOMPARE(box->minimum, 6.0);
    QCOMPARE(box->outliers, QVector<double>{30.0});

    // t-distribution of VADER, tuned against the original: differences 0.7 0.7 0.7 0.6 0.2 0.8,
    // mean 0.61667, sd 0.21370, t = mean / (sd / sqrt 6) = 7.0683; critical t(0.975, 5) = 2.5706 (t table).
    view->showFigure(figureIndex(*view, QStringLiteral("t-distribution-2")));
    QCPItemStraightLine* observed = nullptr;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* line = qobject_cast<QCPItemStraightLine*>(plot->item(i))) observed = line;
    QVERIFY(observed);
    const std::vector<double> d = {0.7, 0.7, 0.7, 0.6, 0.2, 0.8};
    double mean = 0, ss = 0;
    for (double v : d) mean += v / 6;
    for (double v : d) ss += (v - mean) * (v - mean);
    QVERIFY(std::fabs(observed->point1->coords().x() - mean / std::sqrt(ss / 5 / 6)) < 1e-9);
    QCOMPARE(plot->graphCount(), 3);  // the density and the two shaded tails
    QVERIFY(std::fabs(plot->graph(2)->data()->begin()->key - 2.570581835636314) < 1e-9);
    QVERIFY(std::fabs(plot->graph(1)->data()->at(plot->graph(1)->dataCount() - 1)->key + 2.570581835636314) < 1e-9);
    QVERIFY(plot->graph(1)->brush().style() != Qt::NoBrush);

    // Quality: mean chrF vs source of base = 400/6; loss curves: the tuned run's three steps and one eval.
    view->showFigure(figureIndex(*view, QStringLiteral("quality")));
    bars = plottables<QCPBars>(plot);
    QVERIFY(std::fabs(valueAt(bars[1], 1) - 400.0 / 6) < 1e-9);
    view->showFigure(figureIndex(*view, QStringLiteral("loss-curves")));
    QCOMPARE(plot->graphCount(), 2);
    QCOMPARE(plot->graph(0)->dataCount(), 3);
    QCOMPARE(plot->graph(0)->data()->at(2)->value, 1.5);
    QCOMPARE(plot->graph(1)->data()->at(0)->value, 1.75);
}

void TestEvaluateView::listsTheItemsBehindABarAndOpensOne() {
    auto view = openView();
    view->showFigure(figureIndex(*view, QStringLiteral("toxic-percent")));
    auto bars = plottables<QCPBars>(view->plot());
    QCOMPARE(ui::itemsBehind(bars[1], 0), (std::vector<int>{0, 3}));  // base: 0.6 and 0.55
    // A real click inside the original's bar (66.7% high) lists its four flagged items.
    view->findChild<QTabWidget*>()->setCurrentIndex(1);
    QTest::qWait(50);
    const QPoint centre(int(view->plot()->xAxis->coordToPixel(1.15)), int(view->plot()->yAxis->coordToPixel(15)));
    QTest::mouseClick(view->plot(), Qt::LeftButton, {}, centre);
    QCOMPARE(view->itemList()->rowCount(), 4);
    QCOMPARE(view->itemList()->item(0, 1)->text(), QStringLiteral("source text 0"));
    ui::EvaluationItemDialog dialog(view->data(), 3);
    QVERIFY(dialog.original()->toPlainText().contains(QStringLiteral("source text 3")));
    QVERIFY(dialog.original()->toPlainText().contains(QStringLiteral("reference 3")));
    QCOMPARE(dialog.outputs()->rowCount(), 3);
    QCOMPARE(dialog.outputs()->item(2, 0)->text(), QStringLiteral("tuned output 3"));
    int toxicityColumn = -1;
    for (int c = 0; c < dialog.outputs()->columnCount(); ++c)
        if (dialog.outputs()->horizontalHeaderItem(c)->text() == ui::metricTitle("risk-toxicity")) toxicityColumn = c;
    QVERIFY(toxicityColumn > 0);
    QCOMPARE(dialog.outputs()->item(1, toxicityColumn)->text(), QStringLiteral("0.55"));
}

void TestEvaluateView::exportsEveryFigureAsPngSvgAndPdf() {
    auto view = openView();
    QTemporaryDir out;
    const QStringList files = view->exportAll(out.path());
    QCOMPARE(int(files.size()), 3 * int(view->figures().size()));
    for (const QString& file : files) {
        QVERIFY2(QFileInfo(file).size() > 0, qPrintable(file));
        if (file.endsWith(QLatin1String(".png"))) QVERIFY2(!QImage(file).isNull(), qPrintable(file));
        if (file.endsWith(QLatin1String(".pdf"))) {
            QFile pdf(file);
            QVERIFY(pdf.open(QIODevice::ReadOnly));
            QCOMPARE(pdf.read(5), QByteArray("%PDF-"));
        }
    }
}

void TestEvaluateView::generateRunFormBuildsTheCliArguments() {
    ui::GenerateRunDialog dialog;
    QVERIFY(!dialog.problem().isEmpty());  // no name yet
    dialog.nameEdit()->setText(QStringLiteral("tuned-2"));
    dialog.sourceBox()->setCurrentIndex(1);
    dialog.folderEdit()->setText(m_dir.filePath(QStringLiteral("job")));
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    const QStringList args = dialog.arguments(QStringLiteral("p.srllm"));
    QCOMPARE(args.mid(0, 6), (QStringList{QStringLiteral("generate-run"), QStringLiteral("p.srllm"), QStringLiteral("--name"),
                                          QStringLiteral("tuned-2"), QStringLiteral("--run"), m_dir.filePath(QStringLiteral("job"))}));
    QVERIFY(args.contains(QStringLiteral("--split")) && args.contains(QStringLiteral("--max-new-tokens")));
    QCOMPARE(args.last(), QStringLiteral("--json"));
    dialog.folderEdit()->setText(m_dir.filePath(QStringLiteral("absent")));
    QVERIFY(dialog.problem().contains(QStringLiteral("absent")));
}

void TestEvaluateView::evaluatesThroughTheWorkerAndShowsTheStoredTable() {
    if (qEnvironmentVariable("SRLLM_CLI").isEmpty()) QSKIP("SRLLM_CLI is not set");
    const QString lexicon = qEnvironmentVariable("SRLLM_SHARED_DATA") + QStringLiteral("/lexicons/vader_lexicon.txt");
    if (!QFileInfo::exists(lexicon)) QSKIP("shared data file absent: lexicons/vader_lexicon.txt");
    // A tiny scorer: toxic lines carry an insult.
    const QString data = m_dir.filePath(QStringLiteral("scorer.jsonl")), scorer = m_dir.filePath(QStringLiteral("scorer"));
    {
        std::ofstream lines(data.toStdString());
        for (int i = 0; i < 200; ++i)
            lines << nlohmann::json{{"text", "note " + std::to_string(i) + (i % 2 ? " see you soon" : " you idiot")}, {"toxicity", i % 2 == 0}}.dump() << "\n";
    }
    QProcess train;
    train.start(qEnvironmentVariable("SRLLM_CLI"), {QStringLiteral("scorer"), QStringLiteral("train"), QStringLiteral("-"), scorer,
                                                    QStringLiteral("--data"), data});
    QVERIFY(train.waitForFinished(60000));
    QCOMPARE(train.exitCode(), 0);

    auto view = openView();
    view->setCheckedRuns({m_runs[0], m_runs[2]});
    QVERIFY(view->loader()->wait(20000));
    QSignalSpy finished(view->worker(), &ui::WorkerProcess::finished);
    view->startEvaluation(scorer);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished[0][0].value<ui::WorkerProcess::Outcome>(), ui::WorkerProcess::Outcome::Finished);
    QVERIFY(view->loader()->wait(20000));
    // The page now shows the stored evaluation: its scorer, and toxic % equal to the flagged share of the
    // newly stored per-output toxicity.
    const auto stored = db::latestEvaluation(m_session->db());
    QVERIFY(stored.has_value());
    QCOMPARE(view->data().scorerHash.toStdString(), (*stored)["scorer_hash"].get<std::string>());
    QCOMPARE(view->data().table["rows"].size(), size_t(2));
    const auto* toxicity = view->data().metric(1, "risk-toxicity");
    QVERIFY(toxicity);
    int count = 0;
    for (double v : *toxicity) count += v >= 0.5;
    QVERIFY(std::fabs(view->data().cell(1, "toxicity_percent")["value"].get<double>() - 100.0 * count / kItems) < 1e-9);
    QVERIFY(view->statusLabel()->text().contains(QStringLiteral("6")));
}

void TestEvaluateView::reportButtonOpensTheReportWithTheCheckedRuns() {
    auto view = openView();
    view->setCheckedRuns({m_runs[2], m_runs[0]});
    QVERIFY(view->loader()->wait(20000));
    QPushButton* report = nullptr;
    for (QPushButton* button : view->findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("Report…")) report = button;
    QVERIFY(report);
    QStringList shown;  // the dialog's runs as "name:checked", in its order
    QTimer::singleShot(0, this, [&shown] {
        auto* dialog = qobject_cast<ui::ReportDialog*>(QApplication::activeModalWidget());
        if (!dialog) return;
        for (int row = 0; row < dialog->runList()->count(); ++row) {
            const QListWidgetItem* item = dialog->runList()->item(row);
            shown << item->text() + (item->checkState() == Qt::Checked ? QStringLiteral(":1") : QStringLiteral(":0"));
        }
        dialog->reject();
    });
    report->click();
    QCOMPARE(shown, (QStringList{QStringLiteral("tuned:1"), QStringLiteral("original:1"), QStringLiteral("base:0")}));
}

// The page's "New generation run…" path with a real model: a tiny Llama made by the CLI generates greedily
// for a file of texts in the worker, and the stored outputs equal what `srllm generate --input` prints.
void TestEvaluateView::generatesThroughTheWorkerAsTheCliGenerates() {
    if (qEnvironmentVariable("SRLLM_CLI").isEmpty()) QSKIP("SRLLM_CLI is not set");
    // Without the engine `srllm model new --help` still exits 0, with the top-level help: look for its option.
    if (!test::runCliQt({QStringLiteral("model"), QStringLiteral("new"), QStringLiteral("--help")}).output().contains(QStringLiteral("--arch")))
        QSKIP("srllm was built without the engine");
    const QString corpus = m_dir.filePath(QStringLiteral("corpus.txt")), inputs = m_dir.filePath(QStringLiteral("inputs.jsonl"));
    const QString lines = m_dir.filePath(QStringLiteral("inputs.txt"));
    const QString tokenizer = m_dir.filePath(QStringLiteral("tokenizer")), model = m_dir.filePath(QStringLiteral("tiny"));
    const std::vector<std::string> texts = {"you are rude", "the weather is fine today", "please stop that"};
    {
        std::ofstream c(corpus.toStdString()), j(inputs.toStdString()), t(lines.toStdString());
        for (int i = 0; i < 40; ++i) c << texts[size_t(i) % texts.size()] << " and more words " << i << "\n";
        for (const auto& text : texts) {
            j << nlohmann::json{{"text", text}}.dump() << "\n";
            t << text << "\n";
        }
    }
    auto run = test::runCliQt({QStringLiteral("tokenizer"), QStringLiteral("train"), QStringLiteral("--corpus"), corpus,
                          QStringLiteral("--vocab-size"), QStringLiteral("300"), QStringLiteral("--out"), tokenizer});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output()));
    run = test::runCliQt({QStringLiteral("model"), QStringLiteral("new"), model, QStringLiteral("--arch"), QStringLiteral("llama"),
                  QStringLiteral("--layers"), QStringLiteral("1"), QStringLiteral("--dim"), QStringLiteral("32"),
                  QStringLiteral("--heads"), QStringLiteral("2"), QStringLiteral("--positions"), QStringLiteral("256"),
                  QStringLiteral("--tokenizer"), tokenizer});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output()));

    ui::GenerateRunDialog dialog;
    dialog.nameEdit()->setText(QStringLiteral("tiny"));
    dialog.sourceBox()->setCurrentIndex(2);
    dialog.folderEdit()->setText(model);
    dialog.testSetBox()->setCurrentIndex(2);
    dialog.testSetEdit()->setText(inputs);
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    const QStringList arguments = dialog.arguments(m_path);
    auto view = openView();
    QSignalSpy finished(view->worker(), &ui::WorkerProcess::finished);
    QVERIFY(view->startWorker(arguments));
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished[0][0].value<ui::WorkerProcess::Outcome>(), ui::WorkerProcess::Outcome::Finished);

    const auto maxNew = arguments.at(arguments.indexOf(QStringLiteral("--max-new-tokens")) + 1);
    run = test::runCliQt({QStringLiteral("generate"), QStringLiteral("--model"), model, QStringLiteral("--input"), lines,
                          QStringLiteral("--max-new-tokens"), maxNew});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output()));
    std::vector<std::string> expected;
    for (const auto& line : QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (line.startsWith(QLatin1Char('{'))) expected.push_back(nlohmann::json::parse(line.toStdString())["output"]);
    QCOMPARE(expected.size(), texts.size());
    std::optional<int64_t> runId;
    for (const auto& run : db::listGenerationRuns(m_session->db()))
        if (run.spec.name == "tiny") runId = run.id;
    QVERIFY(runId.has_value());
    const auto stored = db::runOutputs(m_session->db(), *runId);
    QCOMPARE(stored.size(), texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
        QCOMPARE(stored[i].item.source, texts[i]);
        QVERIFY(stored[i].output.has_value());
        QCOMPARE(*stored[i].output, expected[i]);
    }
    QVERIFY(!view->runList()->findItems(QStringLiteral("tiny"), Qt::MatchStartsWith).isEmpty());
}

// #12: a stored evaluation whose table lost its shape (a project from elsewhere, edited by another program)
// made the page read rows[0]["cells"] of a row without cells. Now the page names the row and the place,
// and still lists the runs so that a new evaluation can be made.
void TestEvaluateView::aDamagedStoredEvaluationIsNamedAndTheRunsStayListed() {
    db::Database& d = m_session->db();
    auto insert = d.prepare("INSERT INTO evaluations(run_ids, scorer_hash, result) VALUES (?1, ?2, ?3)");
    insert.bind(1, nlohmann::json({m_runs[0]}).dump()).bind(2, kScorer).bind(3, R"({"baseline": "original", "n": 6, "rows": [{"run": "original"}], "tests": []})").run();
    const int64_t id = d.lastInsertId();
    auto view = openView();
    QCOMPARE(view->checkedRuns(), m_runs);  // as with no evaluation: every run of the first run's test set
    QCOMPARE(view->runList()->count(), int(db::listGenerationRuns(d).size()));
    const QString status = view->statusLabel()->text();
    QVERIFY2(status.contains(QStringLiteral("evaluate.srllm: result of evaluation %1: rows[0].cells: expected a value, found none").arg(id)),
             qPrintable(status));
    QVERIFY(view->figures().empty());
    ui::ReportDialog report(m_session.get(), nullptr);  // opens with no run checked; writing names the problem
    QCOMPARE(report.runList()->count(), view->runList()->count());
    for (int row = 0; row < report.runList()->count(); ++row) QCOMPARE(report.runList()->item(row)->checkState(), Qt::Unchecked);
    d.prepare("DELETE FROM evaluations WHERE id = ?1").bind(1, id).run();
}

QTEST_MAIN(TestEvaluateView)
#include "test-evaluate-view.moc"
