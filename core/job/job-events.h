#pragma once
// The event lines of `srllm train JOBDIR` (docs/JOBS.md): one JSON object per line on stdout and in
// log.jsonl. The CLI writes them and the GUI reads them through these structs, so every event name and
// key lives here once.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace srllm::core {

namespace event {
inline constexpr const char* kStart = "start";
inline constexpr const char* kStep = "step";
inline constexpr const char* kEval = "eval";
inline constexpr const char* kCheckpoint = "checkpoint";
inline constexpr const char* kWarning = "warning";
inline constexpr const char* kDone = "done";
inline constexpr const char* kCancelled = "cancelled";
inline constexpr const char* kFailed = "failed";
}  // namespace event

namespace eventkey {
inline constexpr const char* kEvent = "event";
inline constexpr const char* kTime = "time";
inline constexpr const char* kJob = "job";
inline constexpr const char* kResumedFromStep = "resumed_from_step";
inline constexpr const char* kTotalSteps = "total_steps";
inline constexpr const char* kDevice = "device";
inline constexpr const char* kPrecision = "precision";
inline constexpr const char* kTrainableParams = "trainable_params";
inline constexpr const char* kTotalParams = "total_params";
inline constexpr const char* kStep = "step";
inline constexpr const char* kEpoch = "epoch";
inline constexpr const char* kLossTrain = "loss_train";
inline constexpr const char* kLearningRate = "learning_rate";
inline constexpr const char* kGradNorm = "grad_norm";
inline constexpr const char* kTokens = "tokens";
inline constexpr const char* kTokensPerSecond = "tokens_per_second";
inline constexpr const char* kSeconds = "seconds";
inline constexpr const char* kEtaSeconds = "eta_seconds";
inline constexpr const char* kMemoryBytes = "memory_bytes";
inline constexpr const char* kLossEval = "loss_eval";
inline constexpr const char* kToxicPercent = "toxic_percent";
inline constexpr const char* kPath = "path";
inline constexpr const char* kKind = "kind";
inline constexpr const char* kMessage = "message";
inline constexpr const char* kCount = "count";
inline constexpr const char* kFirstLines = "first_lines";
inline constexpr const char* kSteps = "steps";
inline constexpr const char* kStoppedEarly = "stopped_early";
inline constexpr const char* kBestStep = "best_step";
inline constexpr const char* kLossEvalBest = "loss_eval_best";
inline constexpr const char* kCheckpoint = "checkpoint";
inline constexpr const char* kReason = "reason";
}  // namespace eventkey

struct StartEvent {
    std::string job;            // the job folder, absolute
    int64_t resumedFromStep = 0;
    int64_t totalSteps = 0;
    std::string device;         // resolved: "cpu", "cuda:0"
    std::string precision;      // "fp32" | "bf16" | "fp16"
    int64_t trainableParams = 0;
    int64_t totalParams = 0;
};
struct StepEvent {
    int64_t step = 0;
    int64_t totalSteps = 0;
    int64_t epoch = 0;
    double lossTrain = 0;
    double learningRate = 0;
    double gradNorm = 0;        // before clipping
    int64_t tokens = 0;         // input tokens of this step, padding included
    double tokensPerSecond = 0;
    double seconds = 0;         // wall time of this step
    double etaSeconds = 0;      // remaining steps at the mean pace so far
    int64_t memoryBytes = 0;    // peak device memory (CUDA) or peak resident set (CPU) so far
};
struct EvalEvent {
    int64_t step = 0;
    double lossEval = 0;
    std::optional<double> toxicPercent;  // when the job names a scorer
};
struct CheckpointEvent {
    int64_t step = 0;
    std::string path;
};
struct WarningEvent {
    std::string kind;                  // e.g. "truncated", "skipped_record", "unknown_key"
    std::string message;               // the first occurrence, formatted "FILE:LINE: field 'F': ..."
    int64_t count = 0;
    std::vector<int64_t> firstLines;   // up to five line numbers of the first occurrences
};
struct DoneEvent {
    int64_t steps = 0;
    bool stoppedEarly = false;
    std::optional<int64_t> bestStep;
    std::optional<double> lossEvalBest;
    double seconds = 0;
};
struct CancelledEvent {
    int64_t step = 0;
    std::string checkpoint;  // the folder --resume continues from
};
struct FailedEvent {
    std::string reason;
    int64_t step = 0;
};

using JobEventBody = std::variant<StartEvent, StepEvent, EvalEvent, CheckpointEvent, WarningEvent, DoneEvent,
                                  CancelledEvent, FailedEvent>;

struct JobEvent {
    std::string time;  // ISO-8601 UTC
    JobEventBody body;
};

const char* eventName(const JobEventBody& body);  // "start", "step", ...
nlohmann::json eventToJson(const JobEvent& event);
// One line without the newline; `time` is filled with now when empty.
std::string eventLine(JobEvent event);
// Parses one line. nullopt for an unknown event name (newer writers may add events) or a line that is
// not a complete JSON object (the last line of a killed writer); a known event with a missing key throws
// InputError naming the key.
std::optional<JobEvent> parseEventLine(std::string_view line);
// parseEventLine for a line already parsed (the GUI's worker reader hands over objects).
std::optional<JobEvent> parseEvent(const nlohmann::json& object);

// Every event of JOBDIR/log.jsonl in order (empty when there is none yet); skips what parseEventLine skips.
std::vector<JobEvent> readJobLog(const std::filesystem::path& jobDir);

}  // namespace srllm::core
