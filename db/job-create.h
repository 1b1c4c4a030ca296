#pragma once
// Creating a job folder from a project snapshot: the one unit `srllm job new` and the GUI's Train page
// share. Everything is checked before anything is written (settings, base model, snapshot, records);
// the folder then appears whole (job.json, data/train.jsonl, data/val.jsonl) and, when asked, its job is
// queued in the project. Lives in db/ because it reads the store; torch-free, so the GUI links it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/common/progress.h"
#include "core/job/base-model-hash.h"
#include "core/job/job-estimate.h"
#include "core/job/job-spec.h"
#include "db/instruction-data.h"
#include "db/jobs.h"

namespace srllm::db {

class Database;

struct JobRequest {
    std::filesystem::path jobDir;           // new, or an empty folder
    std::filesystem::path baseModel;        // Hugging Face model folder
    int64_t snapshotId = 0;
    std::string templateName = "paper";     // a built-in name, or "custom" with customTemplate
    std::string customTemplate;
    core::TrainConfig train;                // the paper's defaults unless changed
    std::string device = "auto";
    bool queue = true;                      // add a queued row to the project's jobs table
    bool cudaAvailable = false;             // for the estimate (the GUI cannot ask libtorch)
    int cpuThreads = 1;                     // for the estimate
    std::filesystem::path hashCache = core::defaultModelHashCache();
    core::ProgressCallback hashProgress;    // hashing a 13 GB model the first time takes minutes
    // A risk scorer folder for toxic % at each evaluation (path; its hash is filled in at creation).
    std::optional<core::JobScorer> scorer;
    // A pretraining job instead of a snapshot's instructions: a UTF-8 text file, one document per line
    // (core/job/corpus-blocks.h); every `corpusValEvery`-th document is held out for the eval loss.
    std::filesystem::path corpus;
    int64_t corpusValEvery = 20;
};

// What a job would hold (for a corpus job: its documents and blocks), found without hashing the model or writing anything.
struct JobPreview {
    SnapshotInstructions data;              // the records the snapshot gives under the template
    core::JobEstimate estimate;
    core::Diagnostics truncated;            // train records cut to max_length (sum them: core/job/warning-summary.h)
    core::Diagnostics skipped;              // train records whose prompt alone fills max_length
    std::vector<std::string> corpusTrain, corpusVal;  // a corpus job's documents (data is empty then)
    int64_t corpusBlocks = 0;               // the training blocks of max_length tokens they pack into
};

struct JobCreated : JobPreview {
    core::JobSpec spec;
    std::optional<JobRow> row;              // when queued
};

// Every check of createJob except the job folder's, then the records and the estimate: what the GUI shows
// before Start. Throws core::InputError naming the field or file, as createJob does.
JobPreview previewJob(Database& db, const JobRequest& request);

// Validates everything (previewJob), then writes the folder. `projectPath` is recorded in job.json (absolute).
// Throws core::InputError naming the field or file for every problem found before writing.
JobCreated createJob(Database& db, const std::string& projectPath, const JobRequest& request);

}  // namespace srllm::db
