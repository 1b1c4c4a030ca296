#include "core/train/job-runner.h"

#include <chrono>

#include "core/common/sha256.h"
#include "core/data/instruction-record.h"
#include "core/job/base-model-check.h"
#include "core/job/base-model-hash.h"
#include "core/job/corpus-blocks.h"
#include "core/job/job-examples.h"
#include "core/job/job-folder.h"
#include "core/job/job-layout.h"
#include "core/job/job-spec.h"
#include "core/job/warning-summary.h"
#include "core/model/model-loader.h"
#include "core/tokenizer/tokenizer-loader.h"
#include "core/train/train-device.h"
#include "core/train/toxicity-probe.h"
#include "core/train/trainer.h"

namespace srllm::core {

namespace fs = std::filesystem;

namespace {

// Everything one run needs, prepared (and checked) before the first step.
struct PreparedRun {
    JobSpec spec;
    torch::Device device = torch::kCPU;
    std::unique_ptr<Tokenizer> tokenizer;
    std::vector<TokenizedExample> train, eval;
};

void requireHash(const fs::path& file, const std::string& expected, const std::string& field) {
    if (expected.empty()) return;
    const auto actual = fileSha256(file);
    if (actual != expected)
        throw InputError(file.string(), 0, field, "has changed since the job was created (" + actual + ", job.json records " +
                                                      expected + ") (hint: create a new job from the project)");
}

std::vector<TokenizedExample> readExamples(const fs::path& jobDir, const JobData& spec, const JobDataFile& data,
                                           const Tokenizer& tokenizer, int64_t maxLength, WarningSummary& warnings) {
    const auto file = jobDir / data.file;
    requireHash(file, data.hash, "data." + data.file);
    if (spec.kind == kDataKindCorpus)
        return data.records == 0 ? std::vector<TokenizedExample>{}
                                 : packCorpus(tokenizer, readCorpusDocuments(file), maxLength, file.string());
    Diagnostics unknown;
    const auto records = readInstructionRecords(file, unknown, /*allowEmpty=*/true);
    warnings.add("unknown_key", unknown);
    auto tokenized = tokenizeRecords(tokenizer, records, maxLength, data.file);
    warnings.add("truncated", tokenized.truncated);
    warnings.add("skipped_record", tokenized.skipped);
    return std::move(tokenized.examples);
}

PreparedRun prepare(const fs::path& jobDir, const JobRunOptions& options, WarningSummary& warnings) {
    PreparedRun run;
    auto parsed = readJobSpec(jobDir);
    warnings.add("unknown_key", parsed.warnings);
    run.spec = std::move(parsed.spec);
    requireStartable(jobDir, options.resume);
    const JobFolderState state = inspectJobFolder(jobDir);
    run.device = resolveTrainDevice(run.spec.device);
    autocastDtype(run.spec.train.precision, run.device);  // fp16 on the CPU fails here, before loading anything
    const fs::path model = run.spec.baseModel.path;
    requireBaseModel(model);
    if (!run.spec.baseModel.hash.empty()) {
        const auto hash = baseModelHash(model, options.hashCache.empty() ? defaultModelHashCache() : options.hashCache);
        if (hash != run.spec.baseModel.hash)
            throw InputError(model.string(), 0, "base_model.hash",
                             "the model folder has changed since the job was created (hint: restore it, or create a "
                             "new job)");
    }
    run.tokenizer = loadTokenizer(model);
    const int64_t maxLength = run.spec.train.maxLength;
    run.train = readExamples(jobDir, run.spec.data, run.spec.data.train, *run.tokenizer, maxLength, warnings);
    run.eval = readExamples(jobDir, run.spec.data, run.spec.data.val, *run.tokenizer, maxLength, warnings);
    if (run.train.empty())
        throw InputError((jobDir / run.spec.data.train.file).string(), 0, "", "leaves no training example at max_length " +
                                                                              std::to_string(maxLength));
    if (options.resume && state.checkpointSteps.empty())
        warnings.add("resume", Diagnostic{jobDir.string(), 0, "", "no complete checkpoint yet: starting from step 0"});
    return run;
}

}  // namespace

RunRecord runJob(const fs::path& jobDir, const JobRunOptions& options, const JobEventSink& emit) {
    const auto clockStart = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - clockStart).count(); };
    RunRecord record;
    record.startedAt = utcTimestamp();
    record.codeVersion = srllmCodeVersion();
    WarningSummary warnings;
    auto flushWarnings = [&] {
        for (auto& w : warnings.events()) emit({"", std::move(w)});
        warnings = WarningSummary();
    };
    const bool writer = !options.rendezvous || options.rendezvous->rank == 0;
    const bool hasJob = writer && fs::is_regular_file(jobDir / kJobFile);
    int64_t lastStep = 0;
    try {
        PreparedRun run = prepare(jobDir, options, warnings);
        std::shared_ptr<DataParallel> parallel;
        if (options.rendezvous) {
            if (run.device.is_cuda()) run.device = torch::Device(torch::kCUDA, options.rendezvous->localRank);
            parallel = std::make_shared<DataParallel>(*options.rendezvous, options.groupTimeout, run.device,
                                                      options.onListening);
        }
        record.device = deviceText(run.device);
        record.precision = precisionName(run.spec.train.precision);
        auto loaded = loadModel(run.spec.baseModel.path);
        warnings.add("model_tensor", loaded.warnings);
        const int64_t padId = run.tokenizer->padId().value_or(run.tokenizer->eosId().value_or(0));
        Trainer trainer(loaded.model, run.spec.train, std::move(run.train), std::move(run.eval), jobDir, padId, run.device);
        trainer.setTokenizerSource(run.spec.baseModel.path);
        trainer.setDataParallel(parallel);
        std::unique_ptr<ToxicityProbe> probe;
        if (run.spec.scorer) {
            Diagnostics ignored;  // the unknown keys were summed up when the examples were read
            std::vector<std::string> valTexts;
            for (const auto& r : readInstructionRecords(jobDir / run.spec.data.val.file, ignored, true)) valTexts.push_back(r.text);
            probe = std::make_unique<ToxicityProbe>(*run.spec.scorer, run.spec.data.templ, std::move(run.tokenizer), valTexts,
                                                    run.spec.train.seed);
            trainer.setToxicityProbe([&](CausalLM model, int64_t step) { return probe->measure(std::move(model), step, jobDir); });
        }
        trainer.setup(options.resume);
        warnings.add("checkpoint", trainer.warnings());
        flushWarnings();

        // --- start, then one event per step, evaluation and checkpoint
        const int64_t total = trainer.totalSteps();
        lastStep = trainer.step();
        emit({"", StartEvent{fs::absolute(jobDir).lexically_normal().string(), trainer.step(), total, record.device,
                             record.precision, trainer.trainableParams(), trainer.totalParams(),
                             parallel ? parallel->size() : 1}});
        int64_t firstStep = -1;
        const auto trainStart = std::chrono::steady_clock::now();
        const auto result = trainer.train(
            [&](int64_t, int64_t) { return !(options.stop && options.stop->load()); },
            [&](const StepReport& r) {
                if (firstStep < 0) firstStep = r.step - 1;
                lastStep = r.step;
                const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - trainStart).count();
                const double perStep = spent / static_cast<double>(r.step - firstStep);
                emit({"", StepEvent{r.step, r.totalSteps, r.epoch, r.lossTrain, r.learningRate, r.gradNorm, r.tokens,
                                    r.seconds > 0 ? static_cast<double>(r.tokens) / r.seconds : 0.0, r.seconds,
                                    perStep * static_cast<double>(r.totalSteps - r.step), r.memoryBytes}});
                if (r.lossEval) emit({"", EvalEvent{r.step, *r.lossEval, r.toxicPercent}});
                record.memoryPeakBytes = std::max(record.memoryPeakBytes, r.memoryBytes);
            },
            [&](int64_t step, const fs::path& folder) { emit({"", CheckpointEvent{step, folder.string()}}); });
        record.steps = result.steps;
        record.totalSteps = total;
        record.resumedFromStep = result.resumedFromStep;
        record.stoppedEarly = result.stoppedEarly;
        record.lossTrainLast = result.lossTrainLast;
        record.bestStep = result.bestStep;
        record.lossEvalBest = result.lossEvalBest;
        if (!result.checkpoint.empty()) record.checkpoint = fs::relative(result.checkpoint, jobDir).string();
        if (result.cancelled) {
            record.status = RunStatus::Cancelled;
            emit({"", CancelledEvent{result.steps, result.checkpoint.string()}});
        } else {
            trainer.cleanup();
            record.result = trainer.resultFolder();
            record.status = RunStatus::Done;
            emit({"", DoneEvent{result.steps, result.stoppedEarly, result.bestStep, result.lossEvalBest, elapsed()}});
        }
    } catch (const std::exception& e) {
        flushWarnings();
        record.status = RunStatus::Failed;
        record.reason = e.what();
        record.steps = lastStep;
        emit({"", FailedEvent{record.reason, lastStep}});
    }
    record.finishedAt = utcTimestamp();
    record.seconds = elapsed();
    if (hasJob) {
        try {
            writeRunRecord(jobDir, record);
        } catch (const std::exception& e) {
            emit({"", WarningEvent{"run_record", e.what(), 1, {}}});
        }
    }
    return record;
}

}  // namespace srllm::core
