#pragma once
// run.json: how a run ended, written when it ends (done, cancelled or failed) and replaced by a later
// resume. What the run was (config, seed, data and base-model hashes) stays in job.json; this file holds
// what happened: duration, steps, losses, device, peak memory and the code that ran it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace srllm::core {

namespace runkey {
inline constexpr const char* kFormat = "format";  // "srllm-run"
inline constexpr const char* kFormatVersion = "format_version";
inline constexpr const char* kStatus = "status";
inline constexpr const char* kReason = "reason";
inline constexpr const char* kStartedAt = "started_at";
inline constexpr const char* kFinishedAt = "finished_at";
inline constexpr const char* kSeconds = "seconds";
inline constexpr const char* kSteps = "steps";
inline constexpr const char* kTotalSteps = "total_steps";
inline constexpr const char* kResumedFromStep = "resumed_from_step";
inline constexpr const char* kStoppedEarly = "stopped_early";
inline constexpr const char* kLossTrainLast = "loss_train_last";
inline constexpr const char* kBestStep = "best_step";
inline constexpr const char* kLossEvalBest = "loss_eval_best";
inline constexpr const char* kDevice = "device";
inline constexpr const char* kPrecision = "precision";
inline constexpr const char* kMemoryPeakBytes = "memory_peak_bytes";
inline constexpr const char* kCodeVersion = "code_version";
inline constexpr const char* kResult = "result";      // "adapter" | "model" | "" (relative to the job folder)
inline constexpr const char* kCheckpoint = "checkpoint";  // newest complete checkpoint, relative
}  // namespace runkey

inline constexpr const char* kRunFormat = "srllm-run";
inline constexpr int kRunFormatVersion = 1;

enum class RunStatus { Done, Cancelled, Failed };
std::string runStatusName(RunStatus status);  // "done" | "cancelled" | "failed"

struct RunRecord {
    RunStatus status = RunStatus::Done;
    std::string reason;           // why it failed; empty otherwise
    std::string startedAt;        // this session (a resume starts a new one)
    std::string finishedAt;
    double seconds = 0;           // wall time of this session
    int64_t steps = 0;            // optimizer steps done in total
    int64_t totalSteps = 0;
    int64_t resumedFromStep = 0;
    bool stoppedEarly = false;
    std::optional<double> lossTrainLast;
    std::optional<int64_t> bestStep;
    std::optional<double> lossEvalBest;
    std::string device;           // resolved, "cpu" or "cuda:0"
    std::string precision;
    int64_t memoryPeakBytes = 0;
    std::string codeVersion;
    std::string result;           // kAdapterFolder / kModelFolder when written
    std::string checkpoint;       // e.g. "checkpoints/step-00000050"
};

nlohmann::json runRecordToJson(const RunRecord& record);
// Throws InputError naming `file` and the key; unknown keys are ignored (newer writers add some).
RunRecord parseRunRecord(const nlohmann::json& json, const std::string& file);
void writeRunRecord(const std::filesystem::path& jobDir, const RunRecord& record);  // durable
std::optional<RunRecord> readRunRecord(const std::filesystem::path& jobDir);        // nullopt when absent

}  // namespace srllm::core
