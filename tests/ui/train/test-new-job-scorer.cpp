// ui/train/new-job-tab with a risk scorer (#9): the form's scorer fields reach job.json as `srllm job new
// --scorer DIR --scorer-sample N --scorer-max-new-tokens T --early-stop-metric toxic_percent` writes them,
// and the preview refuses what the CLI refuses (db::previewJob checks both): early stopping on toxic % with
// no scorer, and a folder that is no scorer. No engine needed: the base model is only checked and hashed.
#include <filesystem>
#include <fstream>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "core/eval/scorer-training.h"
#include "core/job/job-spec.h"
#include "core/tokenizer/bpe-trainer.h"
#include "db/annotators.h"
#include "db/gold.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "db/snapshots.h"
#include "support/vector-item-reader.h"
#include "ui/project-session.h"
#include "ui/train/job-setup-form.h"
#include "ui/train/new-job-tab.h"

using namespace srllm;
namespace fs = std::filesystem;

class TestNewJobScorer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void toxicPercentWithoutScorerIsRefused();
    void aFolderThatIsNoScorerIsRefused();
    void jobWithScorerWritesItsKeys();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString estimateText() const { return m_tab->form()->findChild<QLabel*>(QStringLiteral("estimate"))->text(); }
    template <typename T>
    T* field(const char* name) const { return m_tab->form()->findChild<T*>(QLatin1String(name)); }

    QTemporaryDir m_dir;
    std::unique_ptr<ui::ProjectSession> m_session;
    std::unique_ptr<ui::NewJobTab> m_tab;
};

void TestNewJobScorer::initTestCase() {
    const fs::path dir = m_dir.path().toStdString();
    auto project = db::Project::create(dir / "p.srllm");
    test::VectorItemReader reader(test::numberedRecords(0, 4));
    db::importItems(*project, reader, "d", nullptr);
    const auto rows = db::queryItems(project->db(), {});
    const char* splits[] = {"train", "train", "val", "test"};
    for (size_t i = 0; i < rows.size(); ++i) {
        db::setItemSplit(project->db(), rows[i].id, std::string(splits[i]));
        db::saveGold(project->db(), {rows[i].id, {{"annotation", "Unsafe"}}, {}, "kind " + std::to_string(i), "majority"});
    }
    db::createSnapshot(project->db(), "gold", std::nullopt);
    // A Llama folder whose weights are never loaded (the GUI only checks and hashes them).
    core::BpeTrainerOptions options;
    options.vocabSize = 300;
    options.minFrequency = 1;
    core::BpeTrainer trainer(options);
    trainer.addText("text kind zero one two three");
    core::saveTrainedTokenizer(*trainer.train(), dir / "model");
    std::ofstream(dir / "model" / "config.json")
        << R"({"architectures":["LlamaForCausalLM"],"vocab_size":300,"hidden_size":16,"num_hidden_layers":2,)"
           R"("num_attention_heads":4,"intermediate_size":32,"max_position_embeddings":64})";
    std::ofstream(dir / "model" / "model.safetensors") << "weights";
    std::vector<core::LabelledText> texts;
    for (int i = 0; i < 60; ++i) {
        core::LabelledText text;  // the other risks stay unknown
        text.text = (i % 2 ? "have a nice day " : "you stupid idiot ") + std::to_string(i);
        text.labels[0] = static_cast<int8_t>(i % 2 ? 0 : 1);  // toxicity
        text.source = "t";
        text.line = i + 1;
        texts.push_back(text);
    }
    core::ScorerTrainingReport report;
    core::trainRiskScorer(texts, {}, report).save(dir / "scorer");
    fs::create_directories(dir / "not-a-scorer");

    const int64_t annotator = db::ensureAnnotator(project->db(), "ann");
    m_session = std::make_unique<ui::ProjectSession>(std::move(project), annotator);
    m_tab = std::make_unique<ui::NewJobTab>(m_session.get());
    m_tab->form()->setModelFolder(path(QStringLiteral("model")));
    m_tab->form()->setJobFolder(path(QStringLiteral("job")));
    auto config = m_tab->form()->values().train;
    config.maxSteps = 2;
    m_tab->form()->setTrainConfig(config);
    QTRY_VERIFY2_WITH_TIMEOUT(m_tab->form()->startButton()->isEnabled(), qPrintable(estimateText()), 20000);
}

void TestNewJobScorer::toxicPercentWithoutScorerIsRefused() {
    auto* metric = field<QComboBox>("earlyStopMetric");
    metric->setCurrentIndex(metric->findData(QStringLiteral("toxic_percent")));
    QVERIFY(!field<QSpinBox>("scorerSample")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(estimateText().contains(QLatin1String("early_stopping_metric")), 20000);
    QVERIFY(!m_tab->form()->startButton()->isEnabled());
}

void TestNewJobScorer::aFolderThatIsNoScorerIsRefused() {
    field<QLineEdit>("scorerFolder")->setText(path(QStringLiteral("not-a-scorer")));
    QVERIFY(field<QSpinBox>("scorerSample")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(estimateText().contains(QLatin1String("scorer.json")), 20000);
    QVERIFY(!m_tab->form()->startButton()->isEnabled());
}

void TestNewJobScorer::jobWithScorerWritesItsKeys() {
    field<QLineEdit>("scorerFolder")->setText(path(QStringLiteral("scorer")));
    field<QSpinBox>("scorerSample")->setValue(3);
    field<QSpinBox>("scorerMaxNewTokens")->setValue(12);
    QTRY_VERIFY2_WITH_TIMEOUT(m_tab->form()->startButton()->isEnabled(), qPrintable(estimateText()), 20000);
    QSignalSpy created(m_tab.get(), &ui::NewJobTab::jobCreated);
    QSignalSpy failed(m_tab.get(), &ui::NewJobTab::jobCreationFailed);
    m_tab->form()->startButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!created.isEmpty() || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    std::ifstream in(path(QStringLiteral("job/job.json")).toStdString());
    const auto json = nlohmann::json::parse(in);
    const auto& scorer = json.at(core::jobkey::kScorer);
    QCOMPARE(QString::fromStdString(scorer.at(core::jobkey::kPath).get<std::string>()),
             QString::fromStdString(fs::absolute(path(QStringLiteral("scorer")).toStdString()).lexically_normal().string()));
    QCOMPARE(scorer.at(core::jobkey::kSampleSize).get<int64_t>(), 3);
    QCOMPARE(scorer.at(core::jobkey::kMaxNewTokens).get<int64_t>(), 12);
    QCOMPARE(scorer.at(core::jobkey::kHash).get<std::string>().size(), size_t(64));
    const auto spec = core::readJobSpec(path(QStringLiteral("job")).toStdString()).spec;
    QVERIFY(spec.train.earlyStoppingMetric == core::EarlyStoppingMetric::ToxicPercent);
}

QTEST_MAIN(TestNewJobScorer)
#include "test-new-job-scorer.moc"
