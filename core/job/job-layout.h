#pragma once
// The layout of a job folder (docs/JOBS.md): every file and folder name of a training run lives here,
// read by the trainer, `generate --run`, `adapter merge --run`, the queue and the GUI alike.
#include <cstdint>
#include <filesystem>
#include <string>

namespace srllm::core {

inline constexpr const char* kJobFile = "job.json";          // what to run; written once, never by training
inline constexpr const char* kJobDataFolder = "data";
inline constexpr const char* kJobTrainData = "data/train.jsonl";  // frozen instruction records
inline constexpr const char* kJobValData = "data/val.jsonl";      // may hold no records: then no eval loss
inline constexpr const char* kJobTrainCorpus = "data/train.txt";  // corpus jobs: one document per line
inline constexpr const char* kJobValCorpus = "data/val.txt";      // may be empty: then no eval loss
inline constexpr const char* kJobLogFile = "log.jsonl";      // every event line, appended across resumes
inline constexpr const char* kJobRunFile = "run.json";       // the run record, written when a run ends
inline constexpr const char* kJobLockFile = "train.lock";    // held (flock) by the one trainer of the folder
inline constexpr const char* kCheckpointsFolder = "checkpoints";
inline constexpr const char* kCheckpointPrefix = "step-";    // checkpoints/step-00000025/
inline constexpr const char* kCheckpointStateFile = "state.bin";
inline constexpr const char* kCheckpointDoneFile = "DONE";   // written last: a folder without it is ignored
inline constexpr const char* kAdapterFolder = "adapter";     // LoRA/QLoRA result (PEFT layout)
inline constexpr const char* kModelFolder = "model";         // full fine-tune result (HF layout)
// The weights of the lowest eval loss so far (same layout as the result) and best-eval.json {"step",
// "loss_eval"}: early stopping ends past the best step, as HF's load_best_model_at_end knows.
inline constexpr const char* kBestFolder = "best";
inline constexpr const char* kBestInfoFile = "best-eval.json";
inline constexpr const char* kMergedFolder = "merged";       // optional: `srllm adapter merge --run`
// Jobs with a scorer: each evaluation's greedy generations and their toxicity, step-NNNNNNNN.jsonl.
inline constexpr const char* kEvalGenerationsFolder = "eval-generations";

// "step-00000025": the checkpoint folder name of a step (eight digits, more when needed).
std::string checkpointFolderName(int64_t step);

}  // namespace srllm::core
