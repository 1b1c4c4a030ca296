#pragma once
// job.json: what a training run is (docs/JOBS.md). Every key lives in JobKeys below, written and read by
// the same code; unknown keys are warned about and ignored, a newer format_version is refused.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"
#include "core/job/job-layout.h"
#include "core/train/train-config.h"

namespace srllm::core {

inline constexpr const char* kJobFormat = "srllm-job";
inline constexpr int kJobFormatVersion = 1;

namespace jobkey {
inline constexpr const char* kFormat = "format";
inline constexpr const char* kFormatVersion = "format_version";
inline constexpr const char* kCreatedAt = "created_at";
inline constexpr const char* kCodeVersion = "code_version";
inline constexpr const char* kBaseModel = "base_model";
inline constexpr const char* kPath = "path";
inline constexpr const char* kHash = "hash";
inline constexpr const char* kArchitecture = "architecture";
inline constexpr const char* kTrain = "train";      // every TrainConfig key (core/train/train-config.h)
inline constexpr const char* kDevice = "device";
inline constexpr const char* kData = "data";
inline constexpr const char* kProject = "project";
inline constexpr const char* kSnapshotId = "snapshot_id";
inline constexpr const char* kSnapshotName = "snapshot_name";
inline constexpr const char* kSnapshotHash = "snapshot_hash";
inline constexpr const char* kTrainSplit = "train_split";
inline constexpr const char* kValSplit = "val_split";
inline constexpr const char* kTemplate = "template";
inline constexpr const char* kName = "name";
inline constexpr const char* kPrompt = "prompt";
inline constexpr const char* kResponse = "response";
inline constexpr const char* kSpecialTokens = "special_tokens";
inline constexpr const char* kResponseRule = "response_rule";
inline constexpr const char* kVal = "val";
inline constexpr const char* kFile = "file";
inline constexpr const char* kRecords = "records";
inline constexpr const char* kScorer = "scorer";
inline constexpr const char* kSampleSize = "sample_size";
inline constexpr const char* kMaxNewTokens = "max_new_tokens";
inline constexpr const char* kKind = "kind";
}  // namespace jobkey

// The one BOS/EOS policy: the prompt is encoded with the tokenizer's special tokens, the response
// without, and the trainer appends the tokenizer's EOS id; templates hold no <s>/</s> text.
inline constexpr const char* kSpecialTokensPolicy = "tokenizer-bos-eos";

struct JobBaseModel {
    std::string path;          // absolute folder
    std::string hash;          // "sha256:..." (core/job/base-model-hash.h)
    std::string architecture;  // config.json's HF class, e.g. "LlamaForCausalLM"
};

// What data.train / data.val hold: instruction records (JSONL, loss on the response) or a plain-text
// corpus for pretraining from scratch (one document per line, packed into blocks: core/job/corpus-blocks.h).
inline constexpr const char* kDataKindInstructions = "instructions";
inline constexpr const char* kDataKindCorpus = "corpus";

struct JobTemplate {
    std::string name;      // "repo", "paper", "alpaca", "chat" or "custom"
    std::string prompt;    // with {text}
    std::string response;  // with {rewrite}
};

struct JobDataFile {
    std::string file;      // relative to the job folder: kJobTrainData / kJobValData
    int64_t records = 0;
    std::string hash;      // "sha256:..." of the file's bytes
};

struct JobData {
    std::string kind = kDataKindInstructions;  // or kDataKindCorpus (then train.method must be full)
    std::string project;                 // absolute path of the .srllm project, empty when none
    std::optional<int64_t> snapshotId;
    std::string snapshotName;
    std::string snapshotHash;            // the snapshot's hash of items, gold labels and rewrites
    std::string trainSplit = "train";
    std::string valSplit = "val";
    JobTemplate templ;
    std::string specialTokens = kSpecialTokensPolicy;
    std::string responseRule;            // names the rule that chose each response (db/instruction-data.h)
    JobDataFile train{kJobTrainData, 0, ""};  // records: instruction records, or documents of a corpus
    JobDataFile val{kJobValData, 0, ""};
};

// The risk scorer each evaluation step scores greedy generations with (docs/JOBS.md "Safety during
// training"): `sampleSize` validation prompts, drawn once with train.seed, `maxNewTokens` each.
struct JobScorer {
    std::string path;             // absolute scorer folder (srllm scorer train)
    std::string hash;             // its content hash (64 hex digits), checked before every run
    int64_t sampleSize = 8;       // a few prompts: a toxic % per evaluation without slowing training much
    int64_t maxNewTokens = 32;    // enough of a one-sentence rewrite to score; generation dominates the cost
};

struct JobSpec {
    std::string createdAt;      // ISO-8601 UTC
    std::string codeVersion;    // srllm version that wrote the job
    JobBaseModel baseModel;
    TrainConfig train;          // method, precision and every hyper-parameter
    std::string device = "auto";  // auto | cpu | cuda | cuda:N (core/job/job-device.h)
    JobData data;
    std::optional<JobScorer> scorer;  // null in job.json = none
};

struct JobSpecParse {
    JobSpec spec;
    Diagnostics warnings;  // unknown keys (ignored)
};

nlohmann::json jobSpecToJson(const JobSpec& spec);
// Parses job.json's content; `file` names it in errors. Throws InputError naming the key for a missing
// or ill-typed field, a foreign format or a newer format_version; validates as validateJobSpec.
JobSpecParse parseJobSpec(const nlohmann::json& json, const std::string& file);
// Checks every value (hyper-parameter ranges, device name, precision for the device, template, data
// counts); throws InputError naming the field with a hint. Does not touch the file system.
void validateJobSpec(const JobSpec& spec, const std::string& file);

// The scorer's settings and early stopping on toxic_percent (which needs a scorer): part of validateJobSpec,
// and what db::previewJob checks before a job is written (`srllm job new` and the Train page alike).
void validateJobScorer(const std::optional<JobScorer>& scorer, const TrainConfig& train, const std::string& file);

JobSpecParse readJobSpec(const std::filesystem::path& jobDir);                // reads JOBDIR/job.json
void writeJobSpec(const std::filesystem::path& jobDir, const JobSpec& spec);  // durable; validates first

// The version string written to code_version and run.json ("0.1.0").
std::string srllmCodeVersion();
// Now as ISO-8601 UTC with milliseconds, as the project's timestamps ("2026-11-29T18:00:00.000Z").
std::string utcTimestamp();

}  // namespace srllm::core
