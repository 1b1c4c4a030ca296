// `srllm tokenizer train|convert`: make a tokenizer.json for a model folder, either by training a byte-level
// BPE on a project's own text or by converting a SentencePiece tokenizer.model.
#include <cstdio>
#include <fstream>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/warnings.h"
#include "app/cli/progress-bar.h"
#include "core/common/diagnostics.h"
#include "core/tokenizer/bpe-trainer.h"
#include "core/tokenizer/sentencepiece-to-bpe.h"
#include "core/tokenizer/tokenizer-files.h"
#include "core/tokenizer/tokenizer-json-writer.h"
#include "db/items.h"
#include "db/project.h"

namespace srllm::cli {

namespace {

namespace fs = std::filesystem;

struct TrainOptions {
    std::vector<std::string> corpus;
    std::string project;
    std::string out;
    int64_t vocabSize = 8000;
    int64_t minFrequency = 2;
    std::vector<std::string> specials = {"<|endoftext|>"};
    bool force = false;
};

struct ConvertOptions {
    std::string model;
    std::string out;
    bool force = false;
};

void refuseOverwrite(const fs::path& out, bool force) {
    if (!force && fs::exists(out / core::kTokenizerJson))
        throw core::InputError((out / core::kTokenizerJson).string(), 0, "", "already exists (hint: --force replaces it)");
}

// Adds every item text of a project, page by page, so a large project never sits in memory twice.
int64_t addProjectTexts(const std::string& path, core::BpeTrainer& trainer) {
    auto project = db::Project::open(path);
    db::ItemQuery query;
    query.limit = 1000;
    int64_t items = 0;
    for (;; query.offset += query.limit) {
        const auto page = db::queryItems(project->db(), query);
        for (const auto& item : page) trainer.addText(item.text);
        items += static_cast<int64_t>(page.size());
        if (static_cast<int64_t>(page.size()) < query.limit) return items;
    }
}

void runTrain(const TrainOptions& options) {
    if (options.corpus.empty() && options.project.empty())
        throw core::InputError("", 0, "corpus", "give --corpus FILE and/or --project PROJECT as the text to learn from");
    refuseOverwrite(options.out, options.force);
    core::BpeTrainerOptions trainerOptions;
    trainerOptions.vocabSize = options.vocabSize;
    trainerOptions.minFrequency = options.minFrequency;
    trainerOptions.specialTokens = options.specials;
    core::BpeTrainer trainer(trainerOptions);
    int64_t lines = 0;
    for (const auto& file : options.corpus) {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw core::InputError(file, 0, "", "cannot open the corpus file");
        lines += trainer.addLines(in);
    }
    if (!options.project.empty()) lines += addProjectTexts(options.project, trainer);
    std::optional<core::BpeTokenizerSpec> spec;
    {
        ProgressBar bar("train tokenizer");
        spec = trainer.train(bar.callback());
    }
    core::saveTrainedTokenizer(*spec, options.out);
    std::printf("trained %zu tokens (%zu merges) from %lld texts -> %s\n", spec->model.tokens.size(),
                spec->model.merges.size(), static_cast<long long>(lines),
                (fs::path(options.out) / core::kTokenizerJson).string().c_str());
    if (static_cast<int64_t>(spec->model.tokens.size()) < options.vocabSize)
        std::printf("note: stopped below --vocab-size %lld: no pair occurs --min-frequency %lld times\n",
                    static_cast<long long>(options.vocabSize), static_cast<long long>(options.minFrequency));
}

void runConvert(const ConvertOptions& options) {
    refuseOverwrite(options.out, options.force);
    const auto conversion = core::convertSentencePieceToBpe(options.model);
    printWarnings(conversion.warnings);
    fs::create_directories(options.out);
    core::writeTokenizerJson(conversion.spec, fs::path(options.out) / core::kTokenizerJson);
    std::printf("converted %zu pieces (%zu merges) -> %s\n", conversion.spec.model.tokens.size(),
                conversion.spec.model.merges.size(), (fs::path(options.out) / core::kTokenizerJson).string().c_str());
}

const RegisterCommand kRegister{"tokenizer", [](CLI::App& root) {
    auto* command = root.add_subcommand("tokenizer", "Make a tokenizer.json: train one on your text, or convert tokenizer.model");
    command->require_subcommand(1);

    auto* train = command->add_subcommand(
        "train", "Train a byte-level BPE tokenizer (GPT-2 style) and write tokenizer.json + tokenizer_config.json");
    auto trainOptions = std::make_shared<TrainOptions>();
    train->add_option("--corpus", trainOptions->corpus, "UTF-8 text file(s) to learn from, read line by line")
        ->check(CLI::ExistingFile);
    train->add_option("--project", trainOptions->project, "A project file: learn from all its item texts");
    train->add_option("--vocab-size", trainOptions->vocabSize, "Vocabulary size: special tokens + 256 bytes + merges")
        ->required();
    train->add_option("--min-frequency", trainOptions->minFrequency, "Merge only pairs seen this often")
        ->capture_default_str();
    train->add_option("--special", trainOptions->specials, "Special tokens, ids 0.. in order; the first is BOS/EOS")
        ->capture_default_str();
    train->add_option("--out", trainOptions->out, "Folder to write the tokenizer into (created if needed)")->required();
    train->add_flag("--force", trainOptions->force, "Replace an existing tokenizer.json");
    train->callback([trainOptions] { runTrain(*trainOptions); });

    auto* convert = command->add_subcommand(
        "convert", "Convert a SentencePiece BPE tokenizer.model (Llama 2, Mistral) to tokenizer.json");
    auto convertOptions = std::make_shared<ConvertOptions>();
    convert->add_option("--model", convertOptions->model, "The tokenizer.model file")->required()->check(CLI::ExistingFile);
    convert->add_option("--out", convertOptions->out, "Folder to write tokenizer.json into")->required();
    convert->add_flag("--force", convertOptions->force, "Replace an existing tokenizer.json");
    convert->callback([convertOptions] { runConvert(*convertOptions); });
}};

}  // namespace

}  // namespace srllm::cli
