// `srllm generate --model DIR [--adapter DIR] [--template NAME] TEXT`: one rewrite from a model folder,
// greedy by default (the paper's decoding), printed to stdout.
#include <cstdio>
#include <iostream>
#include <iterator>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/warnings.h"
#include "core/common/diagnostics.h"
#include "core/data/instruction-template.h"
#include "core/generate/generator.h"
#include "core/io/peft-format.h"
#include "core/model/engine-runtime.h"
#include "core/model/model-loader.h"
#include "core/tokenizer/tokenizer-loader.h"

namespace srllm::cli {
namespace {

struct GenerateOptions {
    std::string model, adapter, templateName, text;
    int64_t maxNewTokens = 128;  // enough for the paper's one-sentence rewrites
    core::SamplingOptions sampling;
    std::optional<uint64_t> seed;
    std::vector<std::string> stop;
};

void runGenerate(GenerateOptions o) {
    core::configureEngineRuntime();
    if (o.text == "-") o.text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (o.text.empty()) throw core::InputError("", 0, "TEXT", "is empty");
    if (o.maxNewTokens <= 0) throw core::InputError("", 0, "--max-new-tokens", "must be positive");
    o.sampling.validate();
    const auto tokenizer = core::loadTokenizer(o.model);
    auto loaded = core::loadModel(o.model);
    printWarnings(loaded.warnings);
    if (!o.adapter.empty()) {
        const auto adapter = core::loadAdapter(*loaded.model, o.adapter);
        printWarnings(adapter.warnings);
    }
    loaded.model->eval();
    const std::string prompt =
        o.templateName.empty() ? o.text : core::InstructionTemplate::builtin(o.templateName).renderPrompt(o.text);
    // NOTE: encoded as core/train/instruction-dataset.cpp encodes prompts, so an adapter sees what it learned.
    const std::vector<int64_t> ids = tokenizer->encode(prompt, true);
    const int64_t limit = loaded.model->config().maxPositions;
    if (static_cast<int64_t>(ids.size()) + o.maxNewTokens > limit)
        throw core::InputError("", 0, "--max-new-tokens",
                               "prompt (" + std::to_string(ids.size()) + " tokens) plus " +
                                   std::to_string(o.maxNewTokens) + " new tokens exceeds the model's " +
                                   std::to_string(limit) + " positions");
    core::GenerationOptions options;
    options.maxNewTokens = o.maxNewTokens;
    options.sampling = o.sampling;
    options.seed = o.seed;
    options.stopStrings = o.stop;
    options.eosTokenIds = loaded.model->config().eosTokenIds;
    if (options.eosTokenIds.empty() && tokenizer->eosId()) options.eosTokenIds = {*tokenizer->eosId()};
    options.padTokenId = tokenizer->padId().value_or(0);
    core::Generator generator(*loaded.model, [&](const std::vector<int64_t>& t) { return tokenizer->decode(t); });
    const auto result = generator.generate({ids}, options);
    std::printf("%s\n", result.texts.at(0).c_str());
}

const RegisterCommand kRegister("generate", [](CLI::App& root) {
    auto* cmd = root.add_subcommand("generate", "generate a continuation (a benign rewrite with --template)");
    auto o = std::make_shared<GenerateOptions>();
    cmd->add_option("TEXT", o->text, "input text, or - to read standard input")->required();
    cmd->add_option("--model", o->model, "Hugging Face model folder")->required()->check(CLI::ExistingDirectory);
    cmd->add_option("--adapter", o->adapter, "PEFT LoRA adapter folder")->check(CLI::ExistingDirectory);
    cmd->add_option("--template", o->templateName, "wrap TEXT in an instruction template: repo, paper, alpaca, chat");
    cmd->add_option("--max-new-tokens", o->maxNewTokens, "tokens to generate at most")->capture_default_str();
    cmd->add_option("--temperature", o->sampling.temperature, "0 = greedy")->capture_default_str();
    cmd->add_option("--top-k", o->sampling.topK, "0 = off")->capture_default_str();
    cmd->add_option("--top-p", o->sampling.topP, "1 = off")->capture_default_str();
    cmd->add_option("--repetition-penalty", o->sampling.repetitionPenalty, "1 = off")->capture_default_str();
    cmd->add_option("--seed", o->seed, "sampling seed (reproducible output)");
    cmd->add_option("--stop", o->stop, "stop when the output contains this string (repeatable)");
    cmd->callback([o] { runGenerate(*o); });
});

}  // namespace
}  // namespace srllm::cli
