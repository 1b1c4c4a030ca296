// `srllm job new PROJECT JOBDIR --model DIR --snapshot S [options]`: writes a training job folder from a
// snapshot of the project's gold labels (docs/JOBS.md) and queues it; prints what was frozen and the
// estimate of memory and time. `srllm job list PROJECT` shows the queue, `srllm job discard JOBDIR`
// deletes a job's outputs (job.json and data/ stay), `srllm job devices` tells what libtorch can run on,
// `srllm job export-slurm JOBDIR` writes the sbatch script that runs the job on a Slurm cluster.
#include <cstdio>
#include <filesystem>
#include <optional>
#include <thread>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/progress-bar.h"
#include "app/cli/warnings.h"
#include "core/job/job-folder.h"
#include "core/job/slurm-script.h"
#include "core/job/warning-summary.h"
#include "core/common/input-file.h"
#include "core/train/train-device.h"
#include "db/job-create.h"
#include "db/project.h"
#include "db/snapshots.h"

namespace srllm::cli {

namespace {

struct JobOptions {
    std::string project, jobDir, model, snapshot, templateName = "paper", customTemplate, configFile, method,
        device = "auto", precision, schedule, scorer, earlyStopMetric, corpus;
    int64_t corpusValEvery = 20;
    std::optional<int64_t> scorerSample, scorerMaxNewTokens;
    bool noQueue = false;
    std::optional<int64_t> rank, epochs, batchSize, gradAccumulation, maxLength, maxSteps, saveSteps, evalSteps,
        patience, keep;
    std::optional<uint64_t> seed;
    std::optional<double> alpha, dropout, lr, warmup, weightDecay, maxGradNorm;
    std::vector<std::string> targets;
    core::SlurmScriptOptions slurm;
    std::string slurmOut;
};

// The config file (if any) first, then each command-line option on top of it; defaults are the paper's.
core::TrainConfig trainConfig(const JobOptions& o) {
    core::TrainConfig c;
    if (!o.configFile.empty()) {
        auto parsed = core::parseTrainConfig(core::readJsonFile(o.configFile), o.configFile);
        printWarnings(parsed.warnings);
        c = parsed.config;
    }
    if (!o.method.empty()) c.method = core::parseTrainMethod(o.method, "--method");
    if (!o.precision.empty()) c.precision = core::parsePrecision(o.precision, "--precision");
    if (!o.schedule.empty()) {
        if (o.schedule != "cosine" && o.schedule != "constant")
            throw core::InputError("", 0, "--schedule", "'" + o.schedule + "' is not constant or cosine");
        c.schedule = o.schedule == "cosine" ? core::LrSchedule::Cosine : core::LrSchedule::Constant;
    }
    if (o.rank) c.lora.rank = *o.rank;
    if (o.alpha) c.lora.alpha = *o.alpha;
    if (o.dropout) c.lora.dropout = *o.dropout;
    if (!o.targets.empty()) c.lora.targetModules = o.targets;
    if (o.epochs) c.epochs = *o.epochs;
    if (o.lr) c.learningRate = *o.lr;
    if (o.warmup) c.warmupRatio = *o.warmup;
    if (o.weightDecay) c.weightDecay = *o.weightDecay;
    if (o.maxGradNorm) c.maxGradNorm = *o.maxGradNorm;
    if (o.batchSize) c.batchSize = *o.batchSize;
    if (o.gradAccumulation) c.gradAccumulation = *o.gradAccumulation;
    if (o.maxLength) c.maxLength = *o.maxLength;
    if (o.maxSteps) c.maxSteps = *o.maxSteps;
    if (o.saveSteps) c.checkpointEvery = *o.saveSteps;
    if (o.evalSteps) c.evalEvery = *o.evalSteps;
    if (o.patience) c.earlyStoppingPatience = *o.patience;
    if (!o.earlyStopMetric.empty()) c.earlyStoppingMetric = core::parseEarlyStoppingMetric(o.earlyStopMetric, "--early-stop-metric");
    if (o.keep) c.keepCheckpoints = *o.keep;
    if (o.seed) c.seed = *o.seed;
    return c;
}

std::string bytesText(int64_t bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < std::size(units)) {
        value /= 1024.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof(text), "%.1f %s", value, units[unit]);
    return text;
}

void runNew(const JobOptions& o) {
    auto project = db::Project::open(o.project);
    if (o.snapshot.empty() == o.corpus.empty())
        throw core::InputError("", 0, "--snapshot", "give either --snapshot (instructions) or --corpus (pretraining)");
    const auto snapshot = o.corpus.empty() ? db::snapshotByIdOrName(project->db(), o.snapshot) : std::nullopt;
    if (!snapshot && o.corpus.empty())
        throw core::InputError("", 0, "--snapshot", "no snapshot '" + o.snapshot + "' (hint: `srllm snapshot create`)");
    db::JobRequest request;
    request.jobDir = o.jobDir;
    request.baseModel = o.model;
    request.snapshotId = snapshot ? snapshot->id : 0;
    request.corpus = o.corpus;
    request.corpusValEvery = o.corpusValEvery;
    request.templateName = o.templateName;
    request.customTemplate = o.customTemplate;
    request.train = trainConfig(o);
    request.device = o.device;
    if (!o.scorer.empty()) {
        core::JobScorer scorer;
        scorer.path = o.scorer;
        if (o.scorerSample) scorer.sampleSize = *o.scorerSample;
        if (o.scorerMaxNewTokens) scorer.maxNewTokens = *o.scorerMaxNewTokens;
        request.scorer = scorer;
    } else if (o.scorerSample || o.scorerMaxNewTokens) {
        throw core::InputError("", 0, "--scorer-sample", "needs --scorer DIR");
    }
    request.queue = !o.noQueue;
    request.cudaAvailable = core::cudaAvailable();
    request.cpuThreads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    db::JobCreated created;
    {
        ProgressBar bar("hash model");
        request.hashProgress = bar.callback();
        created = db::createJob(project->db(), o.project, request);
    }
    core::WarningSummary summary;
    summary.add("truncated", created.truncated);
    summary.add("skipped_record", created.skipped);
    for (const auto& w : summary.events()) {
        std::string lines;
        for (const auto line : w.firstLines) lines += (lines.empty() ? "" : ", ") + std::to_string(line);
        std::fprintf(stderr, "srllm: warning: %s (%lld in all; first lines %s)\n", w.message.c_str(),
                     static_cast<long long>(w.count), lines.c_str());
    }
    const auto& e = created.estimate;
    if (!snapshot) {
        std::printf("wrote job %s: %s pretraining of %s on %s\n", o.jobDir.c_str(),
                    core::trainMethodName(created.spec.train.method).c_str(), created.spec.baseModel.architecture.c_str(),
                    o.corpus.c_str());
        std::printf("data: %zu train documents in %lld blocks of %lld tokens, %zu val documents\n",
                    created.corpusTrain.size(), static_cast<long long>(created.corpusBlocks),
                    static_cast<long long>(created.spec.train.maxLength), created.corpusVal.size());
    } else {
        std::printf("wrote job %s: %s on %s, snapshot %lld '%s', template %s\n", o.jobDir.c_str(),
                    core::trainMethodName(created.spec.train.method).c_str(), created.spec.baseModel.architecture.c_str(),
                    static_cast<long long>(snapshot->id), snapshot->name.c_str(), created.spec.data.templ.name.c_str());
        std::printf("data: %zu train records, %zu val (%lld gold rewrites, %lld reference rewrites); %lld test items kept "
                "out, %lld items without a rewrite\n",
                    created.data.train.size(), created.data.val.size(), static_cast<long long>(created.data.fromGold),
                    static_cast<long long>(created.data.fromReference),
                    static_cast<long long>(created.data.testItems), static_cast<long long>(created.data.withoutResponse));
    }
    std::printf("estimate: %lld steps, %lld of %lld parameters trained; memory %s (weights %s, optimizer %s, "
                "activations %s, runtime %s); time %.0f s, assuming %s\n",
                static_cast<long long>(e.steps), static_cast<long long>(e.trainableParams),
                static_cast<long long>(e.totalParams), bytesText(e.memoryBytes).c_str(), bytesText(e.weightBytes).c_str(),
                bytesText(e.optimizerBytes).c_str(), bytesText(e.activationBytes).c_str(), bytesText(e.runtimeBytes).c_str(),
                e.seconds, e.assumption.c_str());
    if (created.row) std::printf("queued as job %lld in %s\n", static_cast<long long>(created.row->id), o.project.c_str());
    std::printf("run it: srllm train %s\n", o.jobDir.c_str());
}

void runList(const JobOptions& o) {
    auto project = db::Project::open(o.project);
    db::recoverStaleJobs(project->db());
    for (const auto& j : db::listJobs(project->db())) {
        std::printf("%lld\t%s\t%s\t%s\t%s%s\n", static_cast<long long>(j.id), db::jobStatusName(j.status).c_str(),
                    j.device.c_str(), j.dir.c_str(),
                    j.progress ? (std::to_string(static_cast<int>(*j.progress * 100)) + "%").c_str() : "",
                    j.error.empty() ? "" : ("\t" + j.error).c_str());
    }
}

void runDiscard(const JobOptions& o) {
    core::discardJobOutputs(o.jobDir);
    std::printf("discarded the outputs of %s (job.json and data/ kept)\n", o.jobDir.c_str());
}

void runExportSlurm(const JobOptions& o) {
    const auto jobDir = std::filesystem::absolute(o.jobDir).lexically_normal();
    if (!std::filesystem::is_directory(jobDir))
        throw core::InputError(jobDir.string(), 0, "", "no such job folder (hint: create it with `srllm job new`)");
    const auto out = core::writeSlurmScript(jobDir, std::filesystem::read_symlink("/proc/self/exe").string(), o.slurm,
                                            o.slurmOut);
    std::printf("wrote %s for %d process(es); submit it with: sbatch %s\n", out.c_str(), core::slurmWorldSize(o.slurm),
                out.c_str());
}

void runDevices() {
    nlohmann::json devices = nlohmann::json::array({"cpu"});
    const bool cuda = core::cudaAvailable();
    const int64_t count = cuda ? static_cast<int64_t>(torch::cuda::device_count()) : 0;
    for (int64_t i = 0; i < count; ++i) devices.push_back("cuda:" + std::to_string(i));
    std::printf("%s\n", nlohmann::json{{"cuda", cuda}, {"devices", devices}, {"cpu_threads", torch::get_num_threads()}}.dump().c_str());
}

void addTrainOptions(CLI::App* cmd, JobOptions& o) {
    cmd->add_option("--config", o.configFile, "training config JSON (HF TrainingArguments names), options override it")
        ->check(CLI::ExistingFile);
    cmd->add_option("--method", o.method, "lora, qlora or full (default lora)");
    cmd->add_option("--device", o.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    cmd->add_option("--precision", o.precision, "fp32, bf16 or fp16 (CUDA only) (default fp32)");
    cmd->add_option("--lora-r", o.rank, "LoRA rank r (paper: 64)");
    cmd->add_option("--lora-alpha", o.alpha, "LoRA alpha (paper: 16)");
    cmd->add_option("--lora-dropout", o.dropout, "LoRA dropout (paper: 0.2)");
    cmd->add_option("--target-modules", o.targets, "module names, or all-linear (default: PEFT's per model)")->delimiter(',');
    cmd->add_option("--epochs", o.epochs, "passes over the data (paper: 1)");
    cmd->add_option("--lr", o.lr, "peak learning rate (paper: 2e-4)");
    cmd->add_option("--schedule", o.schedule, "constant (paper) or cosine");
    cmd->add_option("--warmup-ratio", o.warmup, "linear warmup share of the steps (paper: 0.03)");
    cmd->add_option("--weight-decay", o.weightDecay, "AdamW weight decay (paper: 0.001)");
    cmd->add_option("--max-grad-norm", o.maxGradNorm, "gradient clipping (paper: 0.3)");
    cmd->add_option("--batch-size", o.batchSize, "examples per micro-batch (default 4)");
    cmd->add_option("--grad-accum", o.gradAccumulation, "micro-batches per optimizer step (default 4)");
    cmd->add_option("--max-length", o.maxLength, "tokens per example, longer ones are cut (default 512)");
    cmd->add_option("--max-steps", o.maxSteps, "stop after this many optimizer steps");
    cmd->add_option("--save-steps", o.saveSteps, "checkpoint every N steps (paper: 25)");
    cmd->add_option("--eval-steps", o.evalSteps, "evaluate every N steps (default 25)");
    cmd->add_option("--early-stopping-patience", o.patience, "evaluations without improvement before stopping (paper: 3)");
    cmd->add_option("--early-stop-metric", o.earlyStopMetric, "what early stopping watches: loss_eval (default) or toxic_percent");
    cmd->add_option("--scorer", o.scorer, "risk scorer folder (srllm scorer train): each evaluation logs toxic_percent");
    cmd->add_option("--scorer-sample", o.scorerSample, "validation prompts generated for toxic_percent (default 8)");
    cmd->add_option("--scorer-max-new-tokens", o.scorerMaxNewTokens, "tokens generated per prompt (default 32)");
    cmd->add_option("--save-total-limit", o.keep, "checkpoints kept (default 2)");
    cmd->add_option("--seed", o.seed, "seed for init, shuffling and dropout (default 42)");
}

const RegisterCommand kRegister("job", [](CLI::App& root) {
    auto* cmd = root.add_subcommand("job", "training jobs: a self-describing folder per run (docs/JOBS.md)");
    cmd->require_subcommand(1);
    auto o = std::make_shared<JobOptions>();
    auto* create = cmd->add_subcommand("new", "write a job folder from a snapshot of gold labels, queue it, print the estimate");
    create->add_option("PROJECT", o->project, "Path of the project file")->required()->check(CLI::ExistingFile);
    create->add_option("JOBDIR", o->jobDir, "the job folder to write (new or empty)")->required();
    create->add_option("--model", o->model, "base model folder (config.json, safetensors, tokenizer)")->required();
    create->add_option("--snapshot", o->snapshot, "snapshot id or name (`srllm snapshot create`): instruction data");
    create->add_option("--corpus", o->corpus, "instead of --snapshot: pretrain (--method full) on a UTF-8 text file, "
                                              "one document per line, packed into blocks of --max-length tokens");
    create->add_option("--corpus-val-every", o->corpusValEvery, "hold out every Nth document for the eval loss (0: none)")
        ->capture_default_str();
    create->add_option("--template", o->templateName, "paper, repo, alpaca, chat or custom")->capture_default_str();
    create->add_option("--custom-template", o->customTemplate, "for --template custom: text with {text} and {rewrite}");
    create->add_flag("--no-queue", o->noQueue, "write the folder only, without a row in the project's queue");
    addTrainOptions(create, *o);
    create->callback([o] { runNew(*o); });
    auto* list = cmd->add_subcommand("list", "the project's job queue: id, status, device, folder, progress, error");
    list->add_option("PROJECT", o->project, "Path of the project file")->required()->check(CLI::ExistingFile);
    list->callback([o] { runList(*o); });
    auto* discard = cmd->add_subcommand("discard", "delete a job's checkpoints, results and logs (job.json and data/ stay)");
    discard->add_option("JOBDIR", o->jobDir, "the job folder")->required()->check(CLI::ExistingDirectory);
    discard->callback([o] { runDiscard(*o); });
    auto* slurm = cmd->add_subcommand("export-slurm", "write an sbatch script that runs the job on a Slurm cluster "
                                                      "(srun, one task per process)");
    slurm->add_option("JOBDIR", o->jobDir, "the job folder (on a file system every node sees)")->required();
    slurm->add_option("--nodes", o->slurm.nodes, "nodes (default 1)")->check(CLI::PositiveNumber);
    slurm->add_option("--gpus-per-node", o->slurm.gpusPerNode, "GPUs per node, one process each (default 0: CPUs)");
    slurm->add_option("--tasks-per-node", o->slurm.tasksPerNode, "processes per node (default: one per GPU, else 1)");
    slurm->add_option("--cpus-per-task", o->slurm.cpusPerTask, "CPU cores per process (default: the cluster's)");
    slurm->add_option("--time", o->slurm.time, "time limit, e.g. 4:00:00 (default: the partition's)");
    slurm->add_option("--partition", o->slurm.partition, "partition (default: the cluster's)");
    slurm->add_option("--account", o->slurm.account, "account to charge (default: yours)");
    slurm->add_option("--out", o->slurmOut, "where to write the script (default JOBDIR/slurm.sbatch)");
    slurm->callback([o] { runExportSlurm(*o); });
    auto* devices = cmd->add_subcommand("devices", "what this build of libtorch can train on, as JSON");
    devices->callback([] { runDevices(); });
});

}  // namespace

}  // namespace srllm::cli
