// `srllm adapter merge --run JOBDIR [--best] [--merge-into nf4-dequantized|original] [--out DIR]`: folds a
// run's adapter into its base model (PEFT merge_and_unload) and writes a plain Hugging Face model folder
// with the base's tokenizer (default JOBDIR/merged). A QLoRA adapter merges by default into the
// dequantized NF4 base it was trained against; `--merge-into original` uses the base's original weights.
// `--model DIR --adapter DIR --out DIR` does the same for adapters from elsewhere.
#include <cstdio>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/warnings.h"
#include "core/generate/run-loader.h"
#include "core/common/durable-file.h"
#include "core/io/peft-format.h"
#include "core/job/job-layout.h"
#include "core/lora/apply-lora.h"
#include "core/model/engine-runtime.h"
#include "core/model/model-loader.h"
#include "core/tokenizer/tokenizer-loader.h"

namespace srllm::cli {

namespace {

constexpr const char* kIntoNf4 = "nf4-dequantized";
constexpr const char* kIntoOriginal = "original";

struct MergeOptions {
    std::string run, model, adapter, out, mergeInto;
    bool best = false;
};

// The base folder, the adapter folder and whether the base is quantized first, from --run or the folders.
struct MergeInputs {
    std::filesystem::path model, adapter, out;
    bool nf4 = false;
};

MergeInputs resolve(const MergeOptions& o) {
    if (!o.mergeInto.empty() && o.mergeInto != kIntoNf4 && o.mergeInto != kIntoOriginal)
        throw core::InputError("", 0, "--merge-into", "'" + o.mergeInto + "' is not nf4-dequantized or original");
    MergeInputs in;
    if (!o.run.empty()) {
        if (!o.model.empty() || !o.adapter.empty())
            throw core::InputError("", 0, "--run", "takes the base model and adapter from the run (hint: leave out "
                                                   "--model and --adapter)");
        const auto spec = core::readJobSpec(o.run).spec;
        if (spec.train.method == core::TrainMethod::Full)
            throw core::InputError("", 0, "--run", "is a full fine-tune: its model/ folder is already a whole model");
        in.model = spec.baseModel.path;
        in.adapter = core::runWeightsFolder(o.run, spec, o.best ? core::RunWeights::Best : core::RunWeights::Result);
        in.out = o.out.empty() ? std::filesystem::path(o.run) / core::kMergedFolder : std::filesystem::path(o.out);
        in.nf4 = o.mergeInto.empty() ? spec.train.method == core::TrainMethod::Qlora : o.mergeInto == kIntoNf4;
        return in;
    }
    if (o.model.empty() || o.adapter.empty() || o.out.empty())
        throw core::InputError("", 0, "--run", "or all of --model, --adapter and --out are required");
    if (o.best) throw core::InputError("", 0, "--best", "applies to --run only");
    in = {o.model, o.adapter, o.out, o.mergeInto == kIntoNf4};
    return in;
}

void runMerge(const MergeOptions& o) {
    core::configureEngineRuntime();
    const auto in = resolve(o);
    if (std::filesystem::absolute(in.out) == std::filesystem::absolute(in.model))
        throw core::InputError(in.out.string(), 0, "--out", "must differ from the base model (hint: the base stays untouched)");
    auto loaded = core::loadModel(in.model);
    const auto adapter = core::loadAdapter(*loaded.model, in.adapter, in.nf4);
    printWarnings(adapter.warnings);
    core::mergeAndUnload(*loaded.model);
    core::writeFolderDurable(in.out, [&](const std::filesystem::path& temp) {
        core::saveModel(*loaded.model, temp);
        if (!core::tokenizerFiles(in.model).empty()) core::copyTokenizerFiles(in.model, temp);
    });
    std::printf("merged %lld adapter tensors (r=%lld, alpha=%g) into the %s weights of %s; wrote %s\n",
                static_cast<long long>(adapter.tensors), static_cast<long long>(adapter.config.rank), adapter.config.alpha,
                in.nf4 ? "dequantized NF4" : "original", in.model.c_str(), in.out.c_str());
}

const RegisterCommand kRegister("adapter", [](CLI::App& root) {
    auto* cmd = root.add_subcommand("adapter", "work with PEFT LoRA adapters");
    cmd->require_subcommand(1);
    auto o = std::make_shared<MergeOptions>();
    auto* merge = cmd->add_subcommand("merge", "fold an adapter into its base model and save an HF model folder");
    merge->add_option("--run", o->run, "a job folder: its base model and adapter (default out: JOBDIR/merged)")
        ->check(CLI::ExistingDirectory);
    merge->add_flag("--best", o->best, "with --run: the adapter of the lowest eval loss (best/)");
    merge->add_option("--merge-into", o->mergeInto,
                      "nf4-dequantized (default for QLoRA runs: the base as trained) or original (the base's own weights)");
    merge->add_option("--model", o->model, "base model folder (without --run)")->check(CLI::ExistingDirectory);
    merge->add_option("--adapter", o->adapter, "adapter folder (without --run)")->check(CLI::ExistingDirectory);
    merge->add_option("--out", o->out, "output folder for the merged model");
    merge->callback([o] { runMerge(*o); });
});

}  // namespace

}  // namespace srllm::cli
