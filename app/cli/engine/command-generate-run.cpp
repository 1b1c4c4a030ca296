// `srllm generate-run PROJECT --name NAME (--original | --run JOBDIR | --model DIR [--adapter DIR])
// (--split S | --snapshot ID | --input FILE|FOLDER [--sample N])`: one output per test item, stored in the project with the
// model's hash, the decoding settings and the test set's hash (db/generation-runs.h). Each batch is stored
// as it finishes, so the same command after an interruption (or --limit) continues where it stopped.
// A progress bar on a terminal; with --json, event lines (start, progress, done, cancelled) on stdout.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/engine/decoding-options.h"
#include "app/cli/progress-bar.h"
#include "app/cli/warnings.h"
#include "core/data/test-set-file.h"
#include "core/generate/generation-model.h"
#include "core/job/base-model-hash.h"
#include "core/job/job-spec.h"
#include "core/model/engine-runtime.h"
#include "core/train/train-device.h"
#include "db/generation-runs.h"
#include "db/project.h"
#include "db/run-test-sets.h"
#include "db/snapshots.h"

namespace srllm::cli {

namespace {

std::atomic<bool> gStop{false};

void onSignal(int) { gStop = true; }

struct GenerateRunOptions {
    std::string project, name, split, snapshot, input, device = "auto";
    bool original = false, json = false;
    core::ModelChoice model;
    int64_t batchSize = 8, limit = 0, sample = 0;
    uint64_t sampleSeed = 1;
    core::GenerationOptions decoding;  // --max-new-tokens, sampling, --seed, --stop
};

void emit(const GenerateRunOptions& o, nlohmann::json line) {
    if (!o.json) return;
    line["time"] = core::utcTimestamp();
    std::printf("%s\n", line.dump().c_str());
    std::fflush(stdout);
}

std::pair<std::string, std::vector<db::RunItem>> testSet(db::Database& db, const GenerateRunOptions& o) {
    const int sources = !o.input.empty() + !o.snapshot.empty() + (!o.split.empty() && o.snapshot.empty());
    if (sources != 1) throw core::InputError("", 0, "--split", "give one test set: --split S, --snapshot ID [--split S] or --input FILE");
    if (!o.input.empty()) {
        auto file = core::readTestSetFile(o.input);
        printWarnings(file.warnings);
        core::sampleTestSet(file, o.sample, o.sampleSeed);
        std::vector<db::RunItem> items;
        for (auto& e : file.entries)
            items.push_back({static_cast<int64_t>(items.size()), std::nullopt, e.text, e.references, e.group});
        std::string name = "file:" + std::filesystem::absolute(o.input).string();
        if (o.sample > 0) name += "?sample=" + std::to_string(o.sample) + "&seed=" + std::to_string(o.sampleSeed);
        return {name, items};
    }
    const std::string split = o.split.empty() ? "test" : o.split;
    if (!o.snapshot.empty()) {
        const auto snapshot = db::snapshotByIdOrName(db, o.snapshot);
        if (!snapshot) throw core::InputError("", 0, "--snapshot", "no snapshot '" + o.snapshot + "' in the project");
        return {"snapshot:" + std::to_string(snapshot->id) + ":" + split, db::snapshotSplitItems(db, snapshot->id, split)};
    }
    return {"split:" + split, db::projectSplitItems(db, split)};
}

nlohmann::json decodingJson(const GenerateRunOptions& o) {
    nlohmann::json d = {{"max_new_tokens", o.decoding.maxNewTokens}, {"temperature", o.decoding.sampling.temperature},
                        {"top_k", o.decoding.sampling.topK}, {"top_p", o.decoding.sampling.topP},
                        {"repetition_penalty", o.decoding.sampling.repetitionPenalty}, {"stop", o.decoding.stopStrings}};
    d["seed"] = o.decoding.seed ? nlohmann::json(*o.decoding.seed) : nlohmann::json();
    return d;
}

// An existing run of that name continues only with the same model, decoding and test set.
void requireSameRun(const db::GenerationRunRow& run, const db::GenerationRunSpec& spec, const std::string& hash) {
    const auto differs = [&](const char* what) {
        throw core::InputError("", 0, "--name", "run '" + run.spec.name + "' exists with another " + what +
                                                    " (hint: choose another --name to keep both)");
    };
    if (run.spec.kind != spec.kind || run.spec.modelHash != spec.modelHash) differs("model");
    if (run.spec.decoding != spec.decoding) differs("decoding");
    if (run.testSetHash != hash) differs("test set");
}

void runGenerateRun(GenerateRunOptions o) {
    if (o.name.empty()) throw core::InputError("", 0, "--name", "is required");
    if (o.batchSize <= 0) throw core::InputError("", 0, "--batch-size", "must be positive");
    if (o.limit < 0) throw core::InputError("", 0, "--limit", "must not be negative");
    if (o.sample < 0) throw core::InputError("", 0, "--sample", "must not be negative");
    if (o.sample > 0 && o.input.empty()) throw core::InputError("", 0, "--sample", "samples a test set from --input FILE");
    validateDecoding(o.decoding);
    auto project = db::Project::open(o.project);
    auto& db = project->db();
    auto [testSetName, items] = testSet(db, o);
    if (items.empty()) throw core::InputError("", 0, "--split", "the test set '" + testSetName + "' holds no items");
    db::GenerationRunSpec spec;
    spec.name = o.name;
    spec.testSet = testSetName;
    std::optional<core::GenerationModel> model;
    if (o.original) {
        if (!o.model.run.empty() || !o.model.model.empty())
            throw core::InputError("", 0, "--original", "stores the source texts as outputs (hint: leave out --run and --model)");
        spec.kind = "original";
    } else {
        core::configureEngineRuntime();
        model = core::openGenerationModel(o.model, core::defaultModelHashCache());
        printWarnings(model->warnings);
        model->model->to(core::resolveTrainDevice(o.device));
        spec.jobDir = o.model.run.empty() ? std::nullopt : std::optional(std::filesystem::absolute(o.model.run).string());
        spec.baseModel = model->baseModel;
        spec.adapter = model->adapter;
        spec.modelHash = model->modelHash;
        if (model->templ) spec.templateName = model->templ->name();
        spec.decoding = decodingJson(o);
    }
    auto run = db::generationRunByName(db, o.name);
    if (run) requireSameRun(*run, spec, db::testSetHash(items));
    else run = db::createGenerationRun(db, spec, items);
    auto pending = db::pendingRunItems(db, run->id);
    if (o.limit > 0 && static_cast<int64_t>(pending.size()) > o.limit) pending.resize(static_cast<size_t>(o.limit));
    int64_t done = run->outputCount;
    emit(o, {{"event", "start"}, {"run", run->spec.name}, {"run_id", run->id}, {"items", run->itemCount}, {"done", done},
             {"model_hash", run->spec.modelHash ? nlohmann::json(*run->spec.modelHash) : nlohmann::json()}});
    if (done > 0 && !pending.empty())
        std::fprintf(stderr, "srllm: run '%s' continues: %lld of %lld items done\n", o.name.c_str(),
                     static_cast<long long>(done), static_cast<long long>(run->itemCount));
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    core::GenerationOptions options = o.decoding;
    ProgressBar bar("generating " + o.name);
    const auto start = std::chrono::steady_clock::now();
    int64_t generatedNow = 0;
    for (size_t first = 0; first < pending.size() && !gStop; first += static_cast<size_t>(o.batchSize)) {
        const size_t last = std::min(pending.size(), first + static_cast<size_t>(o.batchSize));
        std::vector<std::string> sources;
        for (size_t i = first; i < last; ++i) sources.push_back(pending[i].source);
        std::vector<db::RunOutput> outputs;
        if (model) {
            const auto texts = core::generateTexts(*model, sources, options, o.batchSize);
            for (size_t k = 0; k < texts.size(); ++k)
                outputs.push_back({pending[first + k].position, texts[k].prompt, texts[k].output,
                                   {{"tokens", texts[k].tokens}, {"finish_reason", texts[k].finishReason}}});
        } else {
            for (size_t k = 0; k < sources.size(); ++k) outputs.push_back({pending[first + k].position, "", sources[k], {}});
        }
        db::storeRunOutputs(db, run->id, outputs);
        done += static_cast<int64_t>(outputs.size());
        generatedNow += static_cast<int64_t>(outputs.size());
        bar.update(done, run->itemCount);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        emit(o, {{"event", "progress"}, {"done", done}, {"items", run->itemCount},
                 {"texts_per_second", seconds > 0 ? generatedNow / seconds : 0.0}});
    }
    const bool complete = done == run->itemCount;
    emit(o, {{"event", gStop && !complete ? "cancelled" : "done"}, {"run", run->spec.name}, {"done", done},
             {"items", run->itemCount}, {"complete", complete}});
    std::fprintf(stderr, "srllm: run '%s': %lld of %lld items have outputs%s\n", o.name.c_str(),
                 static_cast<long long>(done), static_cast<long long>(run->itemCount),
                 complete ? "" : " (the same command continues)");
}

const RegisterCommand kRegister("generate-run", [](CLI::App& root) {
    auto* cmd = root.add_subcommand("generate-run", "generate an output for every item of a test set and store them in the project");
    auto o = std::make_shared<GenerateRunOptions>();
    cmd->add_option("PROJECT", o->project, "the .srllm project")->required()->check(CLI::ExistingFile);
    cmd->add_option("--name", o->name, "the run's name (the same name continues an interrupted run)")->required();
    cmd->add_flag("--original", o->original, "store the source texts themselves (the 'before' row of an evaluation)");
    cmd->add_option("--run", o->model.run, "a job folder: its base model, adapter, tokenizer and template")->check(CLI::ExistingDirectory);
    cmd->add_flag("--best", o->model.best, "with --run: the weights of the lowest eval loss");
    cmd->add_option("--model", o->model.model, "Hugging Face model folder (without --run)")->check(CLI::ExistingDirectory);
    cmd->add_option("--adapter", o->model.adapter, "PEFT LoRA adapter folder (without --run)")->check(CLI::ExistingDirectory);
    cmd->add_option("--template", o->model.templateName, "without --run: wrap each text in a template: repo, paper, alpaca, chat, custom");
    cmd->add_option("--custom-template", o->model.customTemplate, "for --template custom: text with {text} (as `job new` takes it)");
    cmd->add_option("--split", o->split, "the project's split (or the snapshot's with --snapshot): train, val, test");
    cmd->add_option("--snapshot", o->snapshot, "a snapshot id or name: its frozen items, gold rewrites and references");
    cmd->add_option("--input", o->input, "a JSON Lines file ({\"text\", \"references\", \"group\"}), a BOLD prompt file (.json), "
                                         "the SR_LLM counterfactual CSV (.csv) or a HolisticBias folder")
        ->check(CLI::ExistingPath);
    cmd->add_option("--sample", o->sample, "with --input: a seeded sample of this many texts (0 = all)");
    cmd->add_option("--sample-seed", o->sampleSeed, "the seed of --sample")->capture_default_str();
    cmd->add_option("--batch-size", o->batchSize, "prompts generated together")->capture_default_str();
    cmd->add_option("--limit", o->limit, "generate at most this many items now (0 = all); the same command continues");
    cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    addDecodingOptions(cmd, o->decoding);
    cmd->add_flag("--json", o->json, "event lines on stdout (start, progress, done, cancelled)");
    cmd->callback([o] { runGenerateRun(*o); });
});

}  // namespace
}  // namespace srllm::cli
