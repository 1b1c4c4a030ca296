// `srllm scorer train PROJECT OUT [--data FILE...]` trains the risk scorer on a project's gold labels
// (PROJECT "-" for none) and labelled public sets, prints held-out ROC AUC, F1 and calibration error and
// saves the scorer folder; `srllm scorer test DIR --data FILE...` measures a saved scorer on sets it
// never saw.
#include <cmath>
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/progress-bar.h"
#include "app/cli/warnings.h"
#include "core/eval/labelled-sets.h"
#include "core/eval/scorer-training.h"
#include "db/gold.h"
#include "db/items.h"
#include "db/project.h"

namespace srllm::cli {

namespace {

struct ScorerOptions {
    std::string project;
    std::string out;
    std::string scorer;
    std::vector<std::string> data;
    int epochs = core::SgdOptions{}.epochs;
    double learningRate = core::SgdOptions{}.learningRate;
    int hashBits = core::FeatureOptions{}.hashBits;
    bool json = false;
};

void readData(const std::vector<std::string>& files, std::vector<core::LabelledText>& texts) {
    for (const auto& file : files) {
        auto set = core::readLabelledSet(file);
        std::fprintf(stderr, "read %s (%s): %zu labelled texts\n", file.c_str(), set.format.c_str(), set.texts.size());
        printWarnings(set.warnings);
        for (auto& t : set.texts) texts.push_back(std::move(t));
    }
}

// Gold labels as risks; a gold rewrite is benign by definition, so it is a negative on all four.
void readProjectGold(const std::string& path, std::vector<core::LabelledText>& texts) {
    auto project = db::Project::open(path);
    size_t before = texts.size();
    for (const auto& gold : db::allGold(project->db())) {
        const auto item = db::itemById(project->db(), gold.itemId);
        if (!item) continue;
        texts.push_back({item->text, core::risksFromTaxonomyLabels(gold.labels), "project", gold.itemId});
        if (gold.rewrite && !gold.rewrite->empty()) texts.push_back({*gold.rewrite, {0, 0, 0, 0}, "project", gold.itemId});
    }
    std::fprintf(stderr, "read %s: %zu texts from gold labels and rewrites\n", path.c_str(), texts.size() - before);
}

void printMetrics(const core::RiskMetrics& metrics, const char* title) {
    std::printf("%s\n  %-9s %8s %8s %8s %8s %8s %8s\n", title, "risk", "n", "pos", "ROC AUC", "F1@0.5", "ECE", "Brier");
    for (size_t r = 0; r < core::kRiskCount; ++r) {
        if (!metrics[r]) continue;
        const auto& m = *metrics[r];
        std::printf("  %-9s %8lld %8lld %8.4f %8.4f %8.4f %8.4f\n", core::kRiskNames[r], static_cast<long long>(m.n),
                    static_cast<long long>(m.positives), m.rocAuc, m.f1, m.ece, m.brier);
    }
}

void runTrain(const ScorerOptions& o) {
    std::vector<core::LabelledText> texts;
    if (o.project != "-") readProjectGold(o.project, texts);
    readData(o.data, texts);
    if (texts.empty()) throw core::InputError("", 0, "--data", "no labelled texts (hint: give --data FILE or a project with gold labels)");
    core::ScorerTrainingOptions options;
    options.sgd.epochs = o.epochs;
    options.sgd.learningRate = o.learningRate;
    options.features.hashBits = o.hashBits;
    core::ScorerTrainingReport report;
    std::unique_ptr<core::RiskScorer> scorer;
    {
        ProgressBar bar("train scorer");
        scorer = std::make_unique<core::RiskScorer>(core::trainRiskScorer(texts, options, report, bar.callback()));
    }
    scorer->save(o.out);
    if (o.json) {
        std::printf("%s\n", nlohmann::json{{"scorer", o.out}, {"provenance", scorer->provenance()}, {"report", report.toJson()}}.dump().c_str());
        return;
    }
    std::printf("trained on %lld texts, calibrated on %lld, tested on %lld held-out texts\n",
                static_cast<long long>(report.trainTexts), static_cast<long long>(report.calibrationTexts),
                static_cast<long long>(report.testTexts));
    printMetrics(report.uncalibrated, "held-out, before calibration:");
    printMetrics(report.test, "held-out, calibrated (Platt):");
    std::printf("saved %s (content hash %s)\n", o.out.c_str(), scorer->contentHash().c_str());
}

void runTest(const ScorerOptions& o) {
    const auto scorer = core::RiskScorer::load(o.scorer);
    std::vector<core::LabelledText> texts;
    readData(o.data, texts);
    const auto metrics = core::evaluateRiskScorer(scorer, texts);
    if (o.json) {
        std::printf("%s\n", nlohmann::json{{"provenance", scorer.provenance()}, {"metrics", core::toJson(metrics)}}.dump().c_str());
        return;
    }
    printMetrics(metrics, ("scorer " + scorer.contentHash().substr(0, 12) + " on " + std::to_string(texts.size()) + " texts:").c_str());
}

const RegisterCommand kRegister{"scorer", [](CLI::App& root) {
    auto* command = root.add_subcommand("scorer", "Train or test the toxicity and risk scorer");
    command->require_subcommand(1);
    auto options = std::make_shared<ScorerOptions>();
    auto* train = command->add_subcommand("train", "Train a scorer on gold labels and labelled sets; save it as a folder");
    train->add_option("PROJECT", options->project, "Project whose gold labels to use, or - for none")->required();
    train->add_option("OUT", options->out, "Folder to create for the scorer (must not exist)")->required();
    train->add_option("--data", options->data, "Labelled set: davidson, toxic_spans, paradetox, SR_LLM CSV or JSONL");
    train->add_option("--epochs", options->epochs, "Passes over the training texts")->check(CLI::Range(1, 50));
    train->add_option("--learning-rate", options->learningRate, "AdaGrad base step")->check(CLI::Range(1e-4, 10.0));
    train->add_option("--hash-bits", options->hashBits, "log2 of the number of feature buckets")->check(CLI::Range(10, 26));
    train->add_flag("--json", options->json, "Print the training report as JSON");
    train->callback([options] { runTrain(*options); });
    auto* test = command->add_subcommand("test", "Measure a saved scorer on labelled sets (ROC AUC, F1, ECE)");
    test->add_option("DIR", options->scorer, "Scorer folder")->required();
    test->add_option("--data", options->data, "Labelled set(s) to test on")->required();
    test->add_flag("--json", options->json, "Print JSON");
    test->callback([options] { runTest(*options); });
}};

}  // namespace

}  // namespace srllm::cli
