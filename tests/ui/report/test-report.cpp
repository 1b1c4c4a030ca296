// ui/report (#10): the report of a small project built through the real db/ API holds the evaluation
// table's values (toxic % with Wilson intervals worked out by hand below), every run record's hashes, one
// section per metric method, sample outputs per risk and embedded figures that decode; the PDF is a PDF of
// a few pages; `srllm report` writes the same HTML as the GUI's Report… dialog; bad input writes nothing.
#include <set>

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "core/common/diagnostics.h"
#include "core/eval/evaluation-table.h"
#include "core/eval/output-metrics.h"
#include "core/eval/vader-sentiment.h"
#include "core/job/job-spec.h"
#include "core/job/run-record.h"
#include "db/annotators.h"
#include "db/metric-values.h"
#include "db/review-queue.h"
#include "db/review-sessions.h"
#include "support/review-project.h"
#include "ui/project-session.h"
#include "ui/report/report-dialog.h"
#include "ui/report/report-writer.h"

using namespace srllm;

namespace {

const std::string kScorerHash(64, 'c');
const std::string kModelHash = "sha256:" + std::string(64, 'a');
const std::string kBaseModelHash = "sha256:" + std::string(64, 'b');
const std::string kTrainDataHash = "sha256:" + std::string(64, 'd');

// The first `toxic` outputs flagged (0.9), the rest not (0.1); a sentiment column shifted per run.
std::pair<core::EvaluatedRun, db::RunValues> scored(db::Database& d, int64_t runId, const std::string& name, int toxic,
                                                    double shift) {
    core::EvaluatedRun run;
    run.name = name;
    for (const auto& row : db::runOutputs(d, runId)) {
        run.set.outputs.push_back(*row.output);
        run.set.sources.push_back(row.item.source);
        run.set.references.push_back(row.item.references);
        run.groups.push_back(row.item.group);
    }
    core::MetricColumn toxicity{"risk-toxicity", core::kScorerMethod.version, true, {}};
    core::MetricColumn vader{"vader-compound", core::kVaderMethod.version, false, {}};
    std::vector<db::PositionValue> stored;
    for (size_t i = 0; i < run.set.outputs.size(); ++i) {
        toxicity.values.push_back(int(i) < toxic ? 0.9 : 0.1);
        vader.values.push_back(0.1 * double(i) - 0.5 + shift);
        stored.push_back({int64_t(i), toxicity.values.back(), nullptr});
    }
    run.columns = {toxicity, vader};
    db::RunValues values;
    values.runId = runId;
    values.outputs.emplace_back(db::MetricKey{"risk-toxicity", core::kScorerMethod.version, kScorerHash}, stored);
    return {run, values};
}

struct Fixture {
    QString path;
    int64_t lora = 0;
};

// The review project (ten items: four toxic, two biased, four safe) plus "lora", a run from a job folder;
// original, base and lora evaluated together; a review session over base and lora with four judgements.
Fixture makeProject(const QTemporaryDir& dir) {
    Fixture f{dir.filePath(QStringLiteral("small.srllm")), 0};
    auto p = test::makeReviewProject(f.path.toStdString());
    db::Database& d = p.project->db();
    const std::string jobDir = dir.filePath(QStringLiteral("job")).toStdString();
    core::JobSpec job;
    job.codeVersion = "0.1.0 (git test123)";
    job.baseModel = {"/models/tiny", kBaseModelHash, "LlamaForCausalLM"};
    job.train.seed = 4321;
    job.data.templ = {"custom", "Fix: {text}\n", "{rewrite}"};
    job.data.train = {core::kJobTrainData, 10, kTrainDataHash};
    core::writeJobSpec(jobDir, job);
    core::RunRecord record;
    record.codeVersion = "0.1.0 (git run456)";
    record.steps = record.totalSteps = 20;
    core::writeRunRecord(jobDir, record);
    db::GenerationRunSpec spec;
    spec.name = "lora";
    spec.jobDir = jobDir;
    spec.baseModel = "/models/tiny";
    spec.modelHash = kModelHash;
    spec.decoding = {{"seed", 777}};
    spec.testSet = "split:test";
    const auto items = db::runItems(d, p.original);
    f.lora = db::createGenerationRun(d, spec, items).id;
    std::vector<db::RunOutput> outputs;
    for (const auto& item : items) outputs.push_back({item.position, item.source, "lora says " + item.source, {}});
    db::storeRunOutputs(d, f.lora, outputs);

    auto [original, originalValues] = scored(d, p.original, "original", 4, 0);
    auto [base, baseValues] = scored(d, p.base, "base", 2, 0.1);
    auto [lora, loraValues] = scored(d, f.lora, "lora", 1, 0.2);
    db::storeEvaluation(d, {originalValues, baseValues, loraValues}, kScorerHash, core::evaluationTable({original, base, lora}));

    const int64_t reviewer = db::ensureAnnotator(d, "rev", "reviewer");
    const auto session = db::createReviewSession(d, {"blind", {p.base, f.lora}, 4, 1, 2});
    db::assignReviewers(d, session.id, {reviewer});
    for (const auto& task : db::reviewQueue(d, session.id, reviewer))
        db::saveJudgement(d, reviewer, {task.comparisonId, db::Verdict::A, 4, 3, 5, 4, {}, {}, std::nullopt, 3.0});
    return f;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void write(const QString& project, const std::vector<std::string>& runs, const QString& out) {
    auto opened = db::Project::open(project.toStdString());
    ui::ReportWriter::write(opened->db(), project, runs, out);
}

const std::vector<std::string> kRuns = {"original", "base", "lora"};

}  // namespace

class TestReport : public QObject {
    Q_OBJECT
private slots:
    void htmlHoldsTableRecordsMethodsSamplesAndFigures();
    void pdfIsAPdfOfAFewPages();
    void cliWritesTheSameHtmlAsTheDialog();
    void badInputIsAClearErrorAndWritesNothing_data();
    void badInputIsAClearErrorAndWritesNothing();
};

void TestReport::htmlHoldsTableRecordsMethodsSamplesAndFigures() {
    QTemporaryDir dir;
    const Fixture f = makeProject(dir);
    const QString out = dir.filePath(QStringLiteral("report.html"));
    write(f.path, kRuns, out);
    const QString html = QString::fromUtf8(readAll(out));
    // Wilson (1927) 95% intervals by hand: centre (x + z²/2)/(n + z²), half-width z·√n/(n + z²)·√(p(1−p) + z²/4n).
    QVERIFY(html.contains(QStringLiteral("40.00 [16.82, 68.73]")));  // original: 4 of 10 flagged
    QVERIFY(html.contains(QStringLiteral("20.00 [5.67, 50.98]")));   // base: 2 of 10
    QVERIFY(html.contains(QStringLiteral("10.00 [1.79, 40.42]")));   // lora: 1 of 10
    // McNemar, original vs lora: 3 discordant pairs all one way, exact two-sided p = 2·0.5³.
    QVERIFY(html.contains(QStringLiteral("<td>lora</td><td>original</td><td>toxicity_percent</td><td>mcnemar</td><td>10</td><td>0.25</td>")));
    auto project = db::Project::open(f.path.toStdString());
    for (const auto& run : db::listGenerationRuns(project->db()))
        QVERIFY2(html.contains(QString::fromStdString(run.testSetHash)), run.spec.name.c_str());
    for (const std::string& value : {kScorerHash, kModelHash, kBaseModelHash, kTrainDataHash, std::string("4321"),
                                     std::string("0.1.0 (git test123)"), std::string("0.1.0 (git run456)")})
        QVERIFY2(html.contains(QString::fromStdString(value)), value.c_str());
    QVERIFY(html.contains(QStringLiteral("&quot;seed&quot;:777")));  // the decoding seed
    for (const auto& method : core::outputMetricMethods())
        QCOMPARE(html.count(QStringLiteral("<h3>%1, version %2</h3>").arg(QString::fromLatin1(method.id)).arg(method.version)), 1);
    std::set<std::string> strata;  // one heading per risk stratum of the items (gold: 4 toxic, 2 biased, 4 neither)
    for (const auto& row : db::runOutputs(project->db(), f.lora)) strata.insert(db::riskStratum(project->db(), row.item.itemId));
    QCOMPARE(int(strata.size()), 3);
    for (const auto& stratum : strata)
        QVERIFY2(html.contains(QStringLiteral("<h3>Risk: %1</h3>").arg(QString::fromStdString(stratum))), stratum.c_str());
    QVERIFY(html.contains(QStringLiteral("lora says ")));
    QVERIFY(html.contains(QStringLiteral("Review session: blind")));
    // Every judgement says A, and each run is A in exactly half of its four comparisons: 2 wins, 2 losses.
    QVERIFY(html.contains(QStringLiteral("<tr><td>base</td><td>2</td><td>2</td><td>0</td><td>0</td>")));

    // Every image is embedded, none linked; each decodes to the size it was drawn at.
    const QRegularExpression image(QStringLiteral("<img src=\"([^\"]*)\""));
    int images = 0;
    for (const auto& match : image.globalMatch(html)) {
        const QString src = match.captured(1);
        QVERIFY2(src.startsWith(QStringLiteral("data:image/png;base64,")), qPrintable(src.left(40)));
        QImage decoded;
        QVERIFY(decoded.loadFromData(QByteArray::fromBase64(src.mid(22).toLatin1()), "PNG"));
        QCOMPARE(decoded.size(), QSize(1000, 560));
        ++images;
    }
    QVERIFY(images >= 1);
}

void TestReport::pdfIsAPdfOfAFewPages() {
    QTemporaryDir dir;
    const Fixture f = makeProject(dir);
    const QString out = dir.filePath(QStringLiteral("report.pdf"));
    write(f.path, kRuns, out);
    const QByteArray pdf = readAll(out);
    QVERIFY(pdf.startsWith("%PDF-"));
    int pages = 0;  // page objects, not the /Pages tree
    for (auto it = QRegularExpression(QStringLiteral("/Type\\s*/Page\\b(?!s)")).globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++pages;
    QVERIFY2(pages >= 3 && pages <= 20, qPrintable(QString::number(pages)));
}

void TestReport::cliWritesTheSameHtmlAsTheDialog() {
    QTemporaryDir dir;
    const Fixture f = makeProject(dir);
    const QString viaDialog = dir.filePath(QStringLiteral("dialog.html")), viaCli = dir.filePath(QStringLiteral("cli.html"));
    {
        auto project = db::Project::open(f.path.toStdString());
        const int64_t lead = db::ensureAnnotator(project->db(), "lead", "expert");
        ui::ProjectSession session(std::move(project), lead);
        ui::ReportDialog dialog(&session);
        QCOMPARE(dialog.runList()->count(), 4);  // the evaluated runs come checked and first, in their order
        dialog.outputEdit()->setText(viaDialog);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QProcess cli;
    cli.start(QString::fromLocal8Bit(qgetenv("SRLLM_CLI")),
              {QStringLiteral("report"), f.path, QStringLiteral("--runs"), QStringLiteral("original,base,lora"),
               QStringLiteral("--out"), viaCli});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const QByteArray a = readAll(viaDialog), b = readAll(viaCli);
    QVERIFY(!a.isEmpty());
    QVERIFY(a == b);
}

void TestReport::badInputIsAClearErrorAndWritesNothing_data() {
    QTest::addColumn<QString>("runs");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown run") << "original,nope" << "r.html" << "no generation run 'nope' in the project (runs: original, base, tuned, lora)";
    QTest::newRow("no metric values") << "base,lora" << "r.html" << "no metric values yet for the runs base,lora";
    QTest::newRow("unwritable") << "original,base,lora" << "missing-folder/r.html" << "cannot write";
    QTest::newRow("unknown format") << "original,base,lora" << "r.txt" << "field '--out': the suffix picks the format";
}

void TestReport::badInputIsAClearErrorAndWritesNothing() {
    QFETCH(QString, runs);
    QFETCH(QString, out);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Fixture f = makeProject(dir);
    const QString path = dir.filePath(out);
    std::vector<std::string> names;
    for (const QString& name : runs.split(QLatin1Char(','))) names.push_back(name.toStdString());
    try {
        write(f.path, names, path);
        QFAIL("no error");
    } catch (const core::InputError& e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(message), e.what());
    }
    QVERIFY(!QFile::exists(path));
    QProcess cli;  // the same through the CLI: one line on stderr, exit 1
    cli.start(QString::fromLocal8Bit(qgetenv("SRLLM_CLI")),
              {QStringLiteral("report"), f.path, QStringLiteral("--runs"), runs, QStringLiteral("--out"), path});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY2(QString::fromUtf8(cli.readAllStandardError()).contains(message), qPrintable(message));
    QVERIFY(!QFile::exists(path));
    QVERIFY(QDir(dir.path()).entryList({QStringLiteral("r.*")}, QDir::Files).isEmpty());  // no temporary left either
}

QTEST_MAIN(TestReport)
#include "test-report.moc"
