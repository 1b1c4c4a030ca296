// `srllm train --model DIR --data FILE.jsonl --out DIR [options]`: fine-tunes a Hugging Face model folder
// on {prompt, response} records (`srllm export --format instructions`) with LoRA (default), QLoRA or full
// fine-tuning; writes the PEFT adapter (or an HF model), checkpoints, and train-log.jsonl (one line per step).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/warnings.h"
#include "app/cli/progress-bar.h"
#include "core/model/engine-runtime.h"
#include "core/model/model-loader.h"
#include "core/tokenizer/tokenizer-loader.h"
#include "core/common/input-file.h"
#include "core/train/trainer.h"

namespace srllm::cli {

namespace {

struct TrainOptions {
    std::string model, data, evalData, out, configFile, method;
    bool qlora = false, resume = false, bf16 = false;
    std::optional<int64_t> rank, epochs, batchSize, gradAccumulation, maxLength, maxSteps;
    std::optional<uint64_t> seed;
    std::optional<double> alpha, dropout, lr;
    std::vector<std::string> targets;
};

// The config file (if any) first, then each command-line option on top of it.
core::TrainConfig resolveConfig(const TrainOptions& o) {
    core::TrainConfig c;
    if (!o.configFile.empty()) {
        auto parsed = core::parseTrainConfig(core::readJsonFile(o.configFile), o.configFile);
        printWarnings(parsed.warnings);
        c = parsed.config;
    }
    if (!o.method.empty()) c.method = core::parseTrainMethod(o.method, "--method");
    if (o.qlora) c.method = core::TrainMethod::Qlora;
    if (o.rank) c.lora.rank = *o.rank;
    if (o.alpha) c.lora.alpha = *o.alpha;
    if (o.dropout) c.lora.dropout = *o.dropout;
    if (!o.targets.empty()) c.lora.targetModules = o.targets;
    if (o.epochs) c.epochs = *o.epochs;
    if (o.lr) c.learningRate = *o.lr;
    if (o.batchSize) c.batchSize = *o.batchSize;
    if (o.gradAccumulation) c.gradAccumulation = *o.gradAccumulation;
    if (o.maxLength) c.maxLength = *o.maxLength;
    if (o.maxSteps) c.maxSteps = *o.maxSteps;
    if (o.seed) c.seed = *o.seed;
    if (o.bf16) c.bf16 = true;
    c.lora.baseModelNameOrPath = std::filesystem::absolute(o.model).lexically_normal().string();
    core::validateTrainConfig(c, "command line");
    return c;
}

core::InstructionDataset readDataset(const core::Tokenizer& tokenizer, const std::string& file, int64_t maxLength) {
    core::Diagnostics warnings;
    const auto records = core::readInstructionRecords(file, warnings);
    auto data = core::buildInstructionDataset(tokenizer, records, maxLength, file);
    data.warnings.insert(data.warnings.begin(), warnings.begin(), warnings.end());
    printWarnings(data.warnings);
    if (data.truncated > 0) {
        std::fprintf(stderr, "warning: %s: %lld examples truncated to %lld tokens\n", file.c_str(),
                     static_cast<long long>(data.truncated), static_cast<long long>(maxLength));
    }
    return data;
}

void runTrain(const TrainOptions& o) {
    core::configureEngineRuntime();
    const auto config = resolveConfig(o);
    const std::filesystem::path out = o.out;
    if (!o.resume && std::filesystem::exists(out / core::kCheckpointsFolder)) {
        throw core::InputError(o.out, 0, "--out", "already holds checkpoints (hint: add --resume to continue that run, or "
                                                  "choose another folder)");
    }
    const auto tokenizer = core::loadTokenizer(o.model);
    auto train = readDataset(*tokenizer, o.data, config.maxLength).examples;
    std::vector<core::TokenizedExample> eval;
    if (!o.evalData.empty()) {
        eval = readDataset(*tokenizer, o.evalData, config.maxLength).examples;
    } else {
        std::tie(train, eval) = core::splitForEval(train, config.evalFraction, config.seed);
    }
    auto loaded = core::loadModel(o.model);
    printWarnings(loaded.warnings);
    const int64_t padId = tokenizer->padId().value_or(tokenizer->eosId().value_or(0));

    std::filesystem::create_directories(out);
    core::Trainer trainer(loaded.model, config, std::move(train), std::move(eval), out, padId);
    trainer.setup(o.resume);
    printWarnings(trainer.warnings());
    if (config.method != core::TrainMethod::Full) {
        const auto& r = trainer.loraReport();
        std::printf("%s: %zu projections adapted, trainable params %lld of %lld (%.3f%%)\n",
                    core::trainMethodName(config.method).c_str(), r.wrapped.size(),
                    static_cast<long long>(r.trainableParams), static_cast<long long>(r.totalParams),
                    100.0 * static_cast<double>(r.trainableParams) / static_cast<double>(std::max<int64_t>(1, r.totalParams)));
    }
    std::ofstream log(out / "train-log.jsonl", std::ios::app);
    core::TrainResult result;
    {
        ProgressBar bar("train");
        result = trainer.train(bar.callback(), [&](const core::StepReport& s) {
            nlohmann::json line = {{"step", s.step},         {"epoch", s.epoch},     {"loss_train", s.lossTrain},
                                   {"learning_rate", s.learningRate}, {"grad_norm", s.gradNorm}, {"tokens", s.tokens},
                                   {"seconds", s.seconds}};
            if (s.lossEval) line["loss_eval"] = *s.lossEval;
            log << line.dump() << "\n" << std::flush;
        });
    }
    trainer.cleanup();
    if (config.method == core::TrainMethod::Full) core::copyTokenizerFiles(o.model, out);
    std::printf("trained %lld steps%s%s; wrote %s to %s\n", static_cast<long long>(result.steps),
                result.resumedFromStep > 0 ? (" (resumed at step " + std::to_string(result.resumedFromStep) + ")").c_str() : "",
                result.stoppedEarly ? ", stopped early" : "",
                config.method == core::TrainMethod::Full ? "the model" : "the PEFT adapter", o.out.c_str());
    if (result.lossEvalBest) {
        if (config.method == core::TrainMethod::Full) core::copyTokenizerFiles(o.model, out / core::kBestFolder);
        std::printf("best eval loss %.4f; its weights are in %s\n", *result.lossEvalBest,
                    (out / core::kBestFolder).string().c_str());
    }
}

const RegisterCommand kRegister("train", [](CLI::App& root) {
    auto options = std::make_shared<TrainOptions>();
    auto* cmd = root.add_subcommand("train", "fine-tune a model on prompt/response records (LoRA, QLoRA or full)");
    cmd->add_option("--model", options->model, "Hugging Face model folder (config.json, *.safetensors, tokenizer)")
        ->required()->check(CLI::ExistingDirectory);
    cmd->add_option("--data", options->data, "JSONL of {prompt, response} (srllm export --format instructions)")
        ->required()->check(CLI::ExistingFile);
    cmd->add_option("--eval-data", options->evalData, "JSONL for the eval loss (default: a held-out 10% of --data)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--out", options->out, "output folder: adapter or model, checkpoints/, train-log.jsonl")->required();
    cmd->add_option("--config", options->configFile, "training config JSON (HF TrainingArguments names)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--method", options->method, "full, lora or qlora (default lora)");
    cmd->add_flag("--qlora", options->qlora, "QLoRA: NF4 base with LoRA adapters (same as --method qlora)");
    cmd->add_option("--lora-r", options->rank, "LoRA rank r (default 64)");
    cmd->add_option("--lora-alpha", options->alpha, "LoRA alpha (default 16)");
    cmd->add_option("--lora-dropout", options->dropout, "LoRA dropout (default 0.2)");
    cmd->add_option("--target-modules", options->targets, "module names, or all-linear (default: PEFT's per model)")
        ->delimiter(',');
    cmd->add_option("--epochs", options->epochs, "passes over the data (default 1)");
    cmd->add_option("--lr", options->lr, "peak learning rate (default 2e-4)");
    cmd->add_option("--batch-size", options->batchSize, "examples per micro-batch (default 4)");
    cmd->add_option("--grad-accum", options->gradAccumulation, "micro-batches per optimizer step (default 4)");
    cmd->add_option("--max-length", options->maxLength, "tokens per example, longer ones are cut (default 512)");
    cmd->add_option("--max-steps", options->maxSteps, "stop after this many optimizer steps");
    cmd->add_option("--seed", options->seed, "seed for init, shuffling and dropout (default 42)");
    cmd->add_flag("--bf16", options->bf16, "bf16 autocast (faster on CPUs with AVX-512 BF16)");
    cmd->add_flag("--resume", options->resume, "continue from the newest complete checkpoint in --out");
    cmd->callback([options] { runTrain(*options); });
});

}  // namespace

}  // namespace srllm::cli
