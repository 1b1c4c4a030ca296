// `srllm generate --run JOBDIR [--best] TEXT`: a rewrite from a trained run, prompted with the run's own
// template, tokenizer and base model (read from job.json). `srllm generate --model DIR [--adapter DIR]
// [--template NAME] TEXT` does the same for model folders from elsewhere. Greedy by default (the paper's
// decoding); printed to stdout. With --input FILE every non-empty line of FILE is a TEXT: they are
// generated --batch-size at a time and printed as JSON lines in file order.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/engine/decoding-options.h"
#include "app/cli/warnings.h"
#include "core/common/diagnostics.h"
#include "core/data/instruction-template.h"
#include "core/generate/generation-model.h"
#include "core/model/engine-runtime.h"
#include "core/train/train-device.h"

namespace srllm::cli {
namespace {

struct GenerateOptions {
    core::ModelChoice model;  // --run [--best] | --model [--adapter] [--template]
    std::string text, input, device = "auto";
    int64_t batchSize = 8;       // rows decoded together: each step streams the weights once for all of them
    std::string decoder = "auto";
    core::GenerationOptions decoding;  // --max-new-tokens, sampling, --seed, --stop
};

// The TEXTs to generate for: TEXT itself (or standard input for "-"), or each non-empty line of --input.
std::vector<std::string> readTexts(const GenerateOptions& o) {
    if (o.input.empty()) {
        std::string text = o.text;
        if (text == "-") text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        if (text.empty()) throw core::InputError("", 0, "TEXT", "is empty");
        return {text};
    }
    std::ifstream in(o.input);
    if (!in) throw core::InputError(o.input, 0, "--input", "cannot be read");
    std::vector<std::string> texts;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) texts.push_back(line);
    if (texts.empty()) throw core::InputError(o.input, 0, "--input", "has no non-empty line");
    return texts;
}

core::DecoderChoice decoderChoice(const std::string& name) {
    if (name == "auto") return core::DecoderChoice::Auto;
    if (name == "tensor") return core::DecoderChoice::Tensor;
    if (name == "int8") return core::DecoderChoice::CpuInt8;
    throw core::InputError("", 0, "--decoder", "'" + name + "' is not one of auto, tensor, int8");
}

void runGenerate(GenerateOptions o) {
    core::configureEngineRuntime();
    if (!o.input.empty() && !o.text.empty()) throw core::InputError("", 0, "TEXT", "give TEXT or --input, not both");
    if (o.input.empty() && o.text.empty()) throw core::InputError("", 0, "TEXT", "is required (or --input FILE)");
    if (o.batchSize <= 0) throw core::InputError("", 0, "--batch-size", "must be positive");
    validateDecoding(o.decoding);
    core::GenerationOptions options = o.decoding;
    options.decoder = decoderChoice(o.decoder);
    const auto texts = readTexts(o);
    const auto device = core::resolveTrainDevice(o.device);
    auto source = core::openGenerationModel(o.model, std::nullopt);
    printWarnings(source.warnings);
    source.model->to(device);
    const int64_t limit = source.model->config().maxPositions;
    std::vector<std::vector<int64_t>> prompts;
    for (size_t i = 0; i < texts.size(); ++i) {
        const std::string prompt = source.templ ? source.templ->renderPrompt(texts[i]) : texts[i];
        // NOTE: encoded as core/job/job-examples.cpp encodes prompts, so an adapter sees what it learned.
        prompts.push_back(source.tokenizer->encode(prompt, true));
        if (static_cast<int64_t>(prompts.back().size()) + o.decoding.maxNewTokens > limit)
            throw core::InputError(o.input, o.input.empty() ? 0 : static_cast<int>(i + 1), "--max-new-tokens",
                                   "prompt (" + std::to_string(prompts.back().size()) + " tokens) plus " +
                                       std::to_string(o.decoding.maxNewTokens) + " new tokens exceeds the model's " +
                                       std::to_string(limit) + " positions");
    }
    options.eosTokenIds = source.model->config().eosTokenIds;
    if (options.eosTokenIds.empty() && source.tokenizer->eosId()) options.eosTokenIds = {*source.tokenizer->eosId()};
    options.padTokenId = source.tokenizer->padId().value_or(0);
    core::Generator generator(*source.model, [&](const std::vector<int64_t>& t) { return source.tokenizer->decode(t); });
    for (size_t first = 0; first < prompts.size(); first += static_cast<size_t>(o.batchSize)) {
        const size_t end = std::min(prompts.size(), first + static_cast<size_t>(o.batchSize));
        const auto result = generator.generate({prompts.begin() + first, prompts.begin() + end}, options);
        for (size_t i = first; i < end; ++i) {
            if (o.input.empty()) {
                std::printf("%s\n", result.texts[i - first].c_str());
                continue;
            }
            const nlohmann::json row = {{"input", texts[i]}, {"output", result.texts[i - first]},
                                        {"finish_reason", core::finishReasonName(result.finishReasons[i - first])}};
            std::printf("%s\n", row.dump().c_str());
        }
        std::fflush(stdout);
    }
}

const RegisterCommand kRegister("generate", [](CLI::App& root) {
    auto* cmd = root.add_subcommand("generate", "generate a rewrite from a trained run, or a continuation from a model folder");
    auto o = std::make_shared<GenerateOptions>();
    cmd->add_option("TEXT", o->text, "input text, or - to read standard input");
    cmd->add_option("--input", o->input, "generate for every non-empty line of this file (JSON lines out)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--batch-size", o->batchSize, "prompts decoded together")->capture_default_str();
    cmd->add_option("--decoder", o->decoder,
                    "auto (the CPU decoder where it covers the model), tensor (the model's forward), int8 (weight-only int8)")
        ->capture_default_str();
    cmd->add_option("--run", o->model.run, "a job folder: its base model, adapter, tokenizer and template")->check(CLI::ExistingDirectory);
    cmd->add_flag("--best", o->model.best, "with --run: the weights of the lowest eval loss (best/) instead of the result");
    cmd->add_option("--model", o->model.model, "Hugging Face model folder (without --run)")->check(CLI::ExistingDirectory);
    cmd->add_option("--adapter", o->model.adapter, "PEFT LoRA adapter folder (without --run)")->check(CLI::ExistingDirectory);
    cmd->add_option("--template", o->model.templateName, "without --run: wrap TEXT in a template: repo, paper, alpaca, chat, custom");
    cmd->add_option("--custom-template", o->model.customTemplate, "for --template custom: text with {text} (as `job new` takes it)");
    cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    addDecodingOptions(cmd, o->decoding);
    cmd->callback([o] { runGenerate(*o); });
});

}  // namespace
}  // namespace srllm::cli
