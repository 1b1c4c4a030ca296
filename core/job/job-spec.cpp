#include "core/job/job-spec.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "core/data/instruction-template.h"
#include "core/common/durable-file.h"
#include "core/job/job-device.h"
#include "core/job/job-layout.h"
#include "core/job/json-fields.h"
#include "core/common/input-file.h"

#ifndef SRLLM_VERSION
#define SRLLM_VERSION "0.0.0"
#endif

namespace srllm::core {

namespace {

using nlohmann::json;

json dataFileToJson(const JobDataFile& f) {
    return {{jobkey::kFile, f.file}, {jobkey::kRecords, f.records}, {jobkey::kHash, f.hash}};
}

JobDataFile dataFileFrom(const JsonFields& fields, Diagnostics& warnings) {
    fields.warnUnknown({jobkey::kFile, jobkey::kRecords, jobkey::kHash}, warnings);
    return {fields.require<std::string>(jobkey::kFile), fields.require<int64_t>(jobkey::kRecords),
            fields.optional<std::string>(jobkey::kHash).value_or("")};
}

JobData dataFrom(const JsonFields& f, Diagnostics& warnings) {
    f.warnUnknown({jobkey::kKind, jobkey::kProject, jobkey::kSnapshotId, jobkey::kSnapshotName, jobkey::kSnapshotHash,
                   jobkey::kTrainSplit, jobkey::kValSplit, jobkey::kTemplate, jobkey::kSpecialTokens,
                   jobkey::kResponseRule, jobkey::kTrain, jobkey::kVal},
                  warnings);
    JobData d;
    d.kind = f.optional<std::string>(jobkey::kKind).value_or(d.kind);  // absent in jobs written before corpora
    d.project = f.optional<std::string>(jobkey::kProject).value_or("");
    d.snapshotId = f.optional<int64_t>(jobkey::kSnapshotId);
    d.snapshotName = f.optional<std::string>(jobkey::kSnapshotName).value_or("");
    d.snapshotHash = f.optional<std::string>(jobkey::kSnapshotHash).value_or("");
    d.trainSplit = f.optional<std::string>(jobkey::kTrainSplit).value_or(d.trainSplit);
    d.valSplit = f.optional<std::string>(jobkey::kValSplit).value_or(d.valSplit);
    const auto t = f.object(jobkey::kTemplate);
    t.warnUnknown({jobkey::kName, jobkey::kPrompt, jobkey::kResponse}, warnings);
    d.templ = {t.require<std::string>(jobkey::kName), t.require<std::string>(jobkey::kPrompt),
               t.require<std::string>(jobkey::kResponse)};
    d.specialTokens = f.require<std::string>(jobkey::kSpecialTokens);
    d.responseRule = f.optional<std::string>(jobkey::kResponseRule).value_or("");
    d.train = dataFileFrom(f.object(jobkey::kTrain), warnings);
    d.val = dataFileFrom(f.object(jobkey::kVal), warnings);
    return d;
}

}  // namespace

std::string srllmCodeVersion() { return SRLLM_VERSION; }

std::string utcTimestamp() {
    const auto now = std::chrono::system_clock::now();
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%S", &utc);
    char out[40];
    std::snprintf(out, sizeof(out), "%s.%03lldZ", text, static_cast<long long>(millis));
    return out;
}

json jobSpecToJson(const JobSpec& s) {
    const auto& d = s.data;
    json data = {{jobkey::kKind, d.kind},
                 {jobkey::kProject, d.project},
                 {jobkey::kSnapshotId, d.snapshotId ? json(*d.snapshotId) : json(nullptr)},
                 {jobkey::kSnapshotName, d.snapshotName},
                 {jobkey::kSnapshotHash, d.snapshotHash},
                 {jobkey::kTrainSplit, d.trainSplit},
                 {jobkey::kValSplit, d.valSplit},
                 {jobkey::kTemplate,
                  {{jobkey::kName, d.templ.name}, {jobkey::kPrompt, d.templ.prompt}, {jobkey::kResponse, d.templ.response}}},
                 {jobkey::kSpecialTokens, d.specialTokens},
                 {jobkey::kResponseRule, d.responseRule},
                 {jobkey::kTrain, dataFileToJson(d.train)},
                 {jobkey::kVal, dataFileToJson(d.val)}};
    return {{jobkey::kFormat, kJobFormat},
            {jobkey::kFormatVersion, kJobFormatVersion},
            {jobkey::kCreatedAt, s.createdAt},
            {jobkey::kCodeVersion, s.codeVersion},
            {jobkey::kBaseModel,
             {{jobkey::kPath, s.baseModel.path}, {jobkey::kHash, s.baseModel.hash}, {jobkey::kArchitecture, s.baseModel.architecture}}},
            {jobkey::kTrain, s.train.toJson()},
            {jobkey::kDevice, s.device},
            {jobkey::kData, std::move(data)},
            {jobkey::kScorer, s.scorer ? json{{jobkey::kPath, s.scorer->path},
                                              {jobkey::kHash, s.scorer->hash},
                                              {jobkey::kSampleSize, s.scorer->sampleSize},
                                              {jobkey::kMaxNewTokens, s.scorer->maxNewTokens}}
                                       : json(nullptr)}};
}

JobSpecParse parseJobSpec(const json& document, const std::string& file) {
    const JsonFields f(document, file);
    if (f.optional<std::string>(jobkey::kFormat).value_or("") != kJobFormat)
        f.fail(jobkey::kFormat, std::string("is not \"") + kJobFormat + "\" (hint: is this a job folder's job.json?)");
    const auto version = f.require<int>(jobkey::kFormatVersion);
    if (version > kJobFormatVersion)
        f.fail(jobkey::kFormatVersion, "is " + std::to_string(version) + ", this build reads up to " +
                                           std::to_string(kJobFormatVersion) + " (hint: update srllm)");
    JobSpecParse out;
    f.warnUnknown({jobkey::kFormat, jobkey::kFormatVersion, jobkey::kCreatedAt, jobkey::kCodeVersion, jobkey::kBaseModel,
                   jobkey::kTrain, jobkey::kDevice, jobkey::kData, jobkey::kScorer},
                  out.warnings);
    JobSpec& s = out.spec;
    s.createdAt = f.optional<std::string>(jobkey::kCreatedAt).value_or("");
    s.codeVersion = f.optional<std::string>(jobkey::kCodeVersion).value_or("");
    const auto base = f.object(jobkey::kBaseModel);
    base.warnUnknown({jobkey::kPath, jobkey::kHash, jobkey::kArchitecture}, out.warnings);
    s.baseModel = {base.require<std::string>(jobkey::kPath), base.optional<std::string>(jobkey::kHash).value_or(""),
                   base.optional<std::string>(jobkey::kArchitecture).value_or("")};
    auto train = parseTrainConfig(f.object(jobkey::kTrain).json(), file);
    for (auto& w : train.warnings) w.field = std::string(jobkey::kTrain) + "." + w.field;
    out.warnings.insert(out.warnings.end(), train.warnings.begin(), train.warnings.end());
    s.train = train.config;
    s.device = f.optional<std::string>(jobkey::kDevice).value_or(s.device);
    s.data = dataFrom(f.object(jobkey::kData), out.warnings);
    if (const auto it = document.find(jobkey::kScorer); it != document.end() && !it->is_null()) {
        const auto scorer = f.object(jobkey::kScorer);
        scorer.warnUnknown({jobkey::kPath, jobkey::kHash, jobkey::kSampleSize, jobkey::kMaxNewTokens}, out.warnings);
        JobScorer j;
        j.path = scorer.require<std::string>(jobkey::kPath);
        j.hash = scorer.optional<std::string>(jobkey::kHash).value_or("");
        j.sampleSize = scorer.optional<int64_t>(jobkey::kSampleSize).value_or(j.sampleSize);
        j.maxNewTokens = scorer.optional<int64_t>(jobkey::kMaxNewTokens).value_or(j.maxNewTokens);
        s.scorer = j;
    }
    validateJobSpec(s, file);
    return out;
}

void validateJobSpec(const JobSpec& s, const std::string& file) {
    validateTrainConfig(s.train, file);
    const DeviceName device = parseDeviceName(s.device, file, jobkey::kDevice);
    if (s.train.precision == Precision::Fp16 && device.kind == DeviceName::Kind::Cpu)
        throw InputError(file, 0, "train.precision", "fp16 runs on CUDA only (hint: bf16 or fp32 on the CPU)");
    if (s.baseModel.path.empty()) throw InputError(file, 0, "base_model.path", "is empty");
    if (s.data.specialTokens != kSpecialTokensPolicy)
        throw InputError(file, 0, "data.special_tokens",
                         "is '" + s.data.specialTokens + "'; the only policy is '" + kSpecialTokensPolicy + "'");
    try {
        InstructionTemplate::fromParts(s.data.templ.name, s.data.templ.prompt, s.data.templ.response);
    } catch (const InputError& e) {
        throw InputError(file, 0, "data." + e.diagnostic().field, e.diagnostic().message);
    }
    if (s.data.train.records < 1)
        throw InputError(file, 0, "data.train.records",
                         "is " + std::to_string(s.data.train.records) +
                             " (hint: the snapshot holds no item with a gold or reference rewrite in the train split)");
    if (s.data.val.records < 0) throw InputError(file, 0, "data.val.records", "must be >= 0");
    if (s.data.kind != kDataKindInstructions && s.data.kind != kDataKindCorpus)
        throw InputError(file, 0, "data.kind", "is '" + s.data.kind + "', not " + kDataKindInstructions + " or " +
                                                   kDataKindCorpus);
    if (s.data.kind == kDataKindCorpus && s.train.method != TrainMethod::Full)
        throw InputError(file, 0, "train.method", "must be full for a corpus (pretraining) job (hint: --method full)");
    if (s.data.kind == kDataKindCorpus && s.scorer)
        throw InputError(file, 0, "scorer", "is not supported by a corpus (pretraining) job: its validation texts have no "
                                            "prompts to generate from");
    validateJobScorer(s.scorer, s.train, file);
}

void validateJobScorer(const std::optional<JobScorer>& scorer, const TrainConfig& train, const std::string& file) {
    if (scorer) {
        if (scorer->path.empty()) throw InputError(file, 0, "scorer.path", "is empty");
        if (scorer->sampleSize < 1) throw InputError(file, 0, "scorer.sample_size", "must be >= 1");
        if (scorer->maxNewTokens < 1) throw InputError(file, 0, "scorer.max_new_tokens", "must be >= 1");
    }
    if (train.earlyStoppingMetric == EarlyStoppingMetric::ToxicPercent && !scorer)
        throw InputError(file, 0, "train.early_stopping_metric",
                         "is toxic_percent, but the job names no scorer (hint: `srllm job new --scorer DIR`)");
}

JobSpecParse readJobSpec(const std::filesystem::path& jobDir) {
    const auto file = jobDir / kJobFile;
    if (!std::filesystem::exists(file))
        throw InputError(jobDir.string(), 0, "", std::string("no ") + kJobFile +
                                                     " here (hint: create the job with `srllm job new PROJECT JOBDIR`)");
    return parseJobSpec(readJsonFile(file), file.string());
}

void writeJobSpec(const std::filesystem::path& jobDir, const JobSpec& spec) {
    validateJobSpec(spec, (jobDir / kJobFile).string());
    std::filesystem::create_directories(jobDir);
    writeFileDurable(jobDir / kJobFile, jobSpecToJson(spec).dump(2) + "\n");
}

}  // namespace srllm::core
