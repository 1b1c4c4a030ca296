// `srllm adapter merge --model DIR --adapter DIR --out DIR`: folds a PEFT LoRA adapter into its base model
// (PEFT merge_and_unload) and writes a plain Hugging Face model folder with the base's tokenizer.
#include <cstdio>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/warnings.h"
#include "core/io/peft-format.h"
#include "core/lora/apply-lora.h"
#include "core/model/engine-runtime.h"
#include "core/model/model-loader.h"
#include "core/tokenizer/tokenizer-loader.h"

namespace srllm::cli {

namespace {

struct MergeOptions {
    std::string model, adapter, out;
};

void runMerge(const MergeOptions& o) {
    core::configureEngineRuntime();
    if (std::filesystem::absolute(o.out) == std::filesystem::absolute(o.model)) {
        throw core::InputError(o.out, 0, "--out", "must differ from --model (hint: the base model stays untouched)");
    }
    auto loaded = core::loadModel(o.model);
    const auto adapter = core::loadAdapter(*loaded.model, o.adapter);
    printWarnings(adapter.warnings);
    core::mergeAndUnload(*loaded.model);
    core::saveModel(*loaded.model, o.out);
    if (!core::tokenizerFiles(o.model).empty()) core::copyTokenizerFiles(o.model, o.out);
    std::printf("merged %lld adapter tensors (r=%lld, alpha=%g) into %s\n", static_cast<long long>(adapter.tensors),
                static_cast<long long>(adapter.config.rank), adapter.config.alpha, o.out.c_str());
}

const RegisterCommand kRegister("adapter", [](CLI::App& root) {
    auto* cmd = root.add_subcommand("adapter", "work with PEFT LoRA adapters");
    cmd->require_subcommand(1);
    auto options = std::make_shared<MergeOptions>();
    auto* merge = cmd->add_subcommand("merge", "fold an adapter into its base model and save an HF model folder");
    merge->add_option("--model", options->model, "base model folder")->required()->check(CLI::ExistingDirectory);
    merge->add_option("--adapter", options->adapter, "adapter folder (adapter_config.json + adapter_model.safetensors)")
        ->required()->check(CLI::ExistingDirectory);
    merge->add_option("--out", options->out, "output folder for the merged model")->required();
    merge->callback([options] { runMerge(*options); });
});

}  // namespace

}  // namespace srllm::cli
