// `srllm fluency PROJECT --runs A,B,... (--model DIR | --run JOBDIR)`: perplexity of every output of the
// runs under a language model, usually the base model (core/generate/sequence-likelihood.h), stored per
// output as metric "base-perplexity" keyed by that model's hash (in the scorer-hash column: the model that
// scored it), so `srllm eval` shows it beside the independent trigram perplexity.
#include <cmath>
#include <cstdio>
#include <sstream>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/warnings.h"
#include "core/generate/generation-model.h"
#include "core/generate/sequence-likelihood.h"
#include "core/job/base-model-hash.h"
#include "core/model/engine-runtime.h"
#include "core/train/train-device.h"
#include "db/generation-runs.h"
#include "db/metric-values.h"
#include "db/project.h"

namespace srllm::cli {

namespace {

struct FluencyOptions {
    std::string project, runs, device = "auto";
    core::ModelChoice model;
};

void runFluency(const FluencyOptions& o) {
    auto project = db::Project::open(o.project);
    auto& db = project->db();
    std::vector<db::GenerationRunRow> runs;
    std::stringstream names(o.runs);
    for (std::string name; std::getline(names, name, ',');) {
        auto run = db::generationRunByName(db, name);
        if (!run) throw core::InputError("", 0, "--runs", "no generation run '" + name + "' in the project");
        if (run->outputCount < run->itemCount)
            throw core::InputError("", 0, "--runs", "run '" + name + "' has " + std::to_string(run->outputCount) + " of " +
                                                        std::to_string(run->itemCount) + " outputs");
        runs.push_back(*run);
    }
    if (runs.empty()) throw core::InputError("", 0, "--runs", "names no run");
    core::configureEngineRuntime();
    auto model = core::openGenerationModel(o.model, core::defaultModelHashCache());
    printWarnings(model.warnings);
    model.model->to(core::resolveTrainDevice(o.device));
    const db::MetricKey key{db::kBasePerplexityMetric, 1, model.modelHash.substr(model.modelHash.find(':') + 1)};
    std::vector<db::RunValues> values;
    for (const auto& run : runs) {
        std::vector<std::string> outputs;
        for (const auto& row : db::runOutputs(db, run.id)) outputs.push_back(*row.output);
        std::vector<db::PositionValue> column;
        double sum = 0;
        int64_t n = 0;
        const auto likelihoods = core::sequenceLikelihoods(*model.model, *model.tokenizer, outputs);
        for (size_t i = 0; i < likelihoods.size(); ++i) {
            const double ppl = likelihoods[i].perplexity();
            column.push_back({static_cast<int64_t>(i), std::isnan(ppl) ? std::nullopt : std::optional<double>(ppl), nullptr});
            if (!std::isnan(ppl)) sum += ppl, ++n;
        }
        values.push_back({run.id, {{key, column}}, {}});
        std::printf("%-20s mean perplexity %.3f (n = %lld)\n", run.spec.name.c_str(), n ? sum / n : NAN, static_cast<long long>(n));
    }
    db::storeValues(db, values);
    std::printf("stored as '%s' under model %s\n", key.metric.c_str(), model.modelHash.c_str());
}

const RegisterCommand kRegister("fluency", [](CLI::App& root) {
    auto* cmd = root.add_subcommand("fluency", "Perplexity of generation runs' outputs under a model (the base model), stored");
    auto o = std::make_shared<FluencyOptions>();
    cmd->add_option("PROJECT", o->project, "the .srllm project")->required()->check(CLI::ExistingFile);
    cmd->add_option("--runs", o->runs, "generation runs, comma-separated")->required();
    cmd->add_option("--run", o->model.run, "a job folder: its base model and adapter")->check(CLI::ExistingDirectory);
    cmd->add_option("--model", o->model.model, "Hugging Face model folder (without --run)")->check(CLI::ExistingDirectory);
    cmd->add_option("--adapter", o->model.adapter, "PEFT LoRA adapter folder (without --run)")->check(CLI::ExistingDirectory);
    cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    cmd->callback([o] { runFluency(*o); });
});

}  // namespace
}  // namespace srllm::cli
