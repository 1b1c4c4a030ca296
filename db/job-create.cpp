#include "db/job-create.h"

#include "core/common/durable-file.h"
#include "core/eval/risk-scorer.h"
#include "core/job/base-model-check.h"
#include "core/job/base-model-hash.h"
#include "core/job/corpus-blocks.h"
#include "core/job/job-device.h"
#include "core/job/job-examples.h"
#include "core/job/job-folder.h"
#include "core/job/job-layout.h"
#include "core/tokenizer/tokenizer-loader.h"
#include "db/database.h"
#include "db/snapshots.h"

namespace srllm::db {

namespace fs = std::filesystem;

namespace {

bool cudaDevice(const JobRequest& request) {
    const auto device = core::parseDeviceName(request.device, "", "device");
    if (device.kind == core::DeviceName::Kind::Cuda && !request.cudaAvailable)
        throw core::InputError("", 0, "device", "is '" + request.device + "' but this machine has no CUDA GPU "
                                                "libtorch can use (hint: device auto or cpu)");
    const bool cuda = device.kind == core::DeviceName::Kind::Cuda ||
                      (device.kind == core::DeviceName::Kind::Auto && request.cudaAvailable);
    if (request.train.precision == core::Precision::Fp16 && !cuda)
        throw core::InputError("", 0, "precision", "fp16 runs on CUDA only and this job would run on the CPU (hint: bf16 "
                                                   "or fp32)");
    return cuda;
}

// The scorer must load now (format, version, content hash), not at the first evaluation hours later.
std::string scorerHash(const core::JobScorer& scorer) {
    if (!fs::is_directory(scorer.path))
        throw core::InputError(scorer.path, 0, "--scorer", "is not a folder (hint: train one with `srllm scorer train`)");
    return core::RiskScorer::load(scorer.path).contentHash();
}

}  // namespace

JobPreview previewJob(Database& db, const JobRequest& request) {
    // --- checks that need nothing but the request
    core::validateTrainConfig(request.train, "");
    const bool cuda = cudaDevice(request);
    core::validateJobScorer(request.scorer, request.train, "");
    if (request.scorer) scorerHash(*request.scorer);
    const auto templ = core::InstructionTemplate::named(request.templateName, request.customTemplate);

    // --- the base model and the snapshot
    const fs::path model = fs::absolute(request.baseModel).lexically_normal();
    const auto check = core::requireBaseModel(model);
    if (check.config->family() == core::ModelFamily::Gpt2 && request.train.maxLength > check.config->maxPositions)
        throw core::InputError("", 0, "max_length", std::to_string(request.train.maxLength) + " exceeds the " +
                                                        std::to_string(check.config->maxPositions) +
                                                        " positions a GPT-2 model has (hint: at most n_positions)");
    JobPreview out;
    const auto tokenizer = core::loadTokenizer(model);
    if (!request.corpus.empty()) {
        if (request.train.method != core::TrainMethod::Full)
            throw core::InputError("", 0, "method", "must be full for a corpus (pretraining) job (hint: --method full)");
        if (request.corpusValEvery < 0) throw core::InputError("", 0, "--corpus-val-every", "must be >= 0");
        core::splitCorpus(core::readCorpusDocuments(request.corpus), request.corpusValEvery, out.corpusTrain, out.corpusVal);
        const auto blocks = core::packCorpus(*tokenizer, out.corpusTrain, request.train.maxLength, request.corpus.string());
        out.corpusBlocks = static_cast<int64_t>(blocks.size());
        out.estimate = core::estimateJob(*check.config, request.train,
                                         {out.corpusBlocks, static_cast<double>(request.train.maxLength), cuda,
                                          request.cpuThreads, static_cast<int64_t>(out.corpusVal.size())});
        return out;
    }
    out.data = snapshotInstructions(db, request.snapshotId, templ);
    const auto tokenized = core::tokenizeRecords(*tokenizer, out.data.train, request.train.maxLength, core::kJobTrainData);
    out.truncated = tokenized.truncated;
    out.skipped = tokenized.skipped;
    if (tokenized.examples.empty())
        throw core::InputError("", 0, "max_length", "leaves no training example: every prompt fills " +
                                                        std::to_string(request.train.maxLength) + " tokens (hint: raise it)");
    out.estimate = core::estimateJob(*check.config, request.train,
                                     {static_cast<int64_t>(tokenized.examples.size()), tokenized.meanTokens(), cuda,
                                      request.cpuThreads, static_cast<int64_t>(out.data.val.size())});
    return out;
}

JobCreated createJob(Database& db, const std::string& projectPath, const JobRequest& request) {
    const fs::path jobDir = fs::absolute(request.jobDir).lexically_normal();
    core::requireNewJobFolder(jobDir);
    JobCreated out;
    static_cast<JobPreview&>(out) = previewJob(db, request);
    const auto templ = core::InstructionTemplate::named(request.templateName, request.customTemplate);
    const fs::path model = fs::absolute(request.baseModel).lexically_normal();
    const auto check = core::requireBaseModel(model);
    const bool corpus = !request.corpus.empty();
    const auto snapshot = corpus ? std::nullopt : snapshotById(db, request.snapshotId);

    // --- the spec
    core::JobSpec& spec = out.spec;
    spec.createdAt = core::utcTimestamp();
    spec.codeVersion = core::srllmCodeVersion();
    spec.baseModel = {model.string(), core::baseModelHash(model, request.hashCache, request.hashProgress),
                      check.config->architecture};
    spec.train = request.train;
    spec.train.lora.baseModelNameOrPath = model.string();
    spec.device = request.device;
    if (request.scorer) {
        spec.scorer = *request.scorer;
        spec.scorer->path = fs::absolute(request.scorer->path).lexically_normal().string();
        spec.scorer->hash = scorerHash(*spec.scorer);
    }
    auto& data = spec.data;
    data.project = fs::absolute(projectPath).lexically_normal().string();
    data.templ = {templ.name(), templ.prompt(), templ.response()};  // for `generate --run` on the result
    if (corpus) {
        data.kind = core::kDataKindCorpus;
        data.train = {core::kJobTrainCorpus, static_cast<int64_t>(out.corpusTrain.size()), ""};
        data.val = {core::kJobValCorpus, static_cast<int64_t>(out.corpusVal.size()), ""};
    } else {
        data.snapshotId = snapshot->id;
        data.snapshotName = snapshot->name;
        data.snapshotHash = snapshot->goldHash.value_or("");
        data.responseRule = kResponseRule;
        data.train.records = static_cast<int64_t>(out.data.train.size());
        data.val.records = static_cast<int64_t>(out.data.val.size());
    }
    core::validateJobSpec(spec, core::kJobFile);

    // --- write the folder whole, then queue it
    core::writeFolderDurable(jobDir, [&](const fs::path& temp) {
        fs::create_directories(temp / core::kJobDataFolder);
        if (corpus) {
            data.train.hash = core::writeCorpusDocuments(temp / data.train.file, out.corpusTrain);
            data.val.hash = core::writeCorpusDocuments(temp / data.val.file, out.corpusVal);
        } else {
            data.train.hash = core::writeInstructionRecords(temp / core::kJobTrainData, out.data.train);
            data.val.hash = core::writeInstructionRecords(temp / core::kJobValData, out.data.val);
        }
        core::writeJobSpec(temp, spec);
    });
    if (request.queue)
        out.row = enqueueJob(db, jobDir.string(), request.device, snapshot ? std::optional(snapshot->id) : std::nullopt);
    return out;
}

}  // namespace srllm::db
