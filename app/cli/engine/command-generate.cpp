// `srllm generate --run JOBDIR [--best] TEXT`: a rewrite from a trained run, prompted with the run's own
// template, tokenizer and base model (read from job.json). `srllm generate --model DIR [--adapter DIR]
// [--template NAME] TEXT` does the same for model folders from elsewhere. Greedy by default (the paper's
// decoding); printed to stdout.
#include <cstdio>
#include <iostream>
#include <iterator>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/warnings.h"
#include "core/common/diagnostics.h"
#include "core/data/instruction-template.h"
#include "core/generate/generator.h"
#include "core/generate/run-loader.h"
#include "core/io/peft-format.h"
#include "core/model/engine-runtime.h"
#include "core/model/model-loader.h"
#include "core/tokenizer/tokenizer-loader.h"
#include "core/train/train-device.h"

namespace srllm::cli {
namespace {

struct GenerateOptions {
    std::string run, model, adapter, templateName, text, device = "auto";
    bool best = false;
    int64_t maxNewTokens = 128;  // enough for the paper's one-sentence rewrites
    core::SamplingOptions sampling;
    std::optional<uint64_t> seed;
    std::vector<std::string> stop;
};

// What generation needs, from a run or from folders.
struct Source {
    core::CausalLM model;
    std::unique_ptr<core::Tokenizer> tokenizer;
    std::optional<core::InstructionTemplate> templ;
};

Source openSource(const GenerateOptions& o) {
    if (!o.run.empty()) {
        if (!o.model.empty() || !o.adapter.empty() || !o.templateName.empty())
            throw core::InputError("", 0, "--run", "takes the model, adapter and template from the run's job.json "
                                                   "(hint: leave out --model, --adapter and --template)");
        auto run = core::loadRun(o.run, o.best ? core::RunWeights::Best : core::RunWeights::Result);
        printWarnings(run.warnings);
        return {run.model, std::move(run.tokenizer), run.templ};
    }
    if (o.model.empty()) throw core::InputError("", 0, "--model", "is required without --run");
    if (o.best) throw core::InputError("", 0, "--best", "applies to --run only");
    Source source;
    source.tokenizer = core::loadTokenizer(o.model);
    auto loaded = core::loadModel(o.model);
    printWarnings(loaded.warnings);
    if (!o.adapter.empty()) printWarnings(core::loadAdapter(*loaded.model, o.adapter).warnings);
    loaded.model->eval();
    source.model = loaded.model;
    if (!o.templateName.empty()) source.templ = core::InstructionTemplate::builtin(o.templateName);
    return source;
}

void runGenerate(GenerateOptions o) {
    core::configureEngineRuntime();
    if (o.text == "-") o.text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (o.text.empty()) throw core::InputError("", 0, "TEXT", "is empty");
    if (o.maxNewTokens <= 0) throw core::InputError("", 0, "--max-new-tokens", "must be positive");
    o.sampling.validate();
    const auto device = core::resolveTrainDevice(o.device);
    auto source = openSource(o);
    source.model->to(device);
    const std::string prompt = source.templ ? source.templ->renderPrompt(o.text) : o.text;
    // NOTE: encoded as core/job/job-examples.cpp encodes prompts, so an adapter sees what it learned.
    const std::vector<int64_t> ids = source.tokenizer->encode(prompt, true);
    const int64_t limit = source.model->config().maxPositions;
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
    options.eosTokenIds = source.model->config().eosTokenIds;
    if (options.eosTokenIds.empty() && source.tokenizer->eosId()) options.eosTokenIds = {*source.tokenizer->eosId()};
    options.padTokenId = source.tokenizer->padId().value_or(0);
    core::Generator generator(*source.model, [&](const std::vector<int64_t>& t) { return source.tokenizer->decode(t); });
    const auto result = generator.generate({ids}, options);
    std::printf("%s\n", result.texts.at(0).c_str());
}

const RegisterCommand kRegister("generate", [](CLI::App& root) {
    auto* cmd = root.add_subcommand("generate", "generate a rewrite from a trained run, or a continuation from a model folder");
    auto o = std::make_shared<GenerateOptions>();
    cmd->add_option("TEXT", o->text, "input text, or - to read standard input")->required();
    cmd->add_option("--run", o->run, "a job folder: its base model, adapter, tokenizer and template")->check(CLI::ExistingDirectory);
    cmd->add_flag("--best", o->best, "with --run: the weights of the lowest eval loss (best/) instead of the result");
    cmd->add_option("--model", o->model, "Hugging Face model folder (without --run)")->check(CLI::ExistingDirectory);
    cmd->add_option("--adapter", o->adapter, "PEFT LoRA adapter folder (without --run)")->check(CLI::ExistingDirectory);
    cmd->add_option("--template", o->templateName, "without --run: wrap TEXT in a template: repo, paper, alpaca, chat");
    cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
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
