#include "core/job/run-record.h"

#include "core/common/diagnostics.h"
#include "core/common/durable-file.h"
#include "core/job/job-layout.h"
#include "core/job/json-fields.h"
#include "core/tokenizer/tokenizer-files.h"

namespace srllm::core {

std::string runStatusName(RunStatus status) {
    switch (status) {
        case RunStatus::Done: return "done";
        case RunStatus::Cancelled: return "cancelled";
        case RunStatus::Failed: return "failed";
    }
    return "failed";
}

nlohmann::json runRecordToJson(const RunRecord& r) {
    namespace k = runkey;
    return {{k::kFormat, kRunFormat},
            {k::kFormatVersion, kRunFormatVersion},
            {k::kStatus, runStatusName(r.status)},
            {k::kReason, r.reason},
            {k::kStartedAt, r.startedAt},
            {k::kFinishedAt, r.finishedAt},
            {k::kSeconds, r.seconds},
            {k::kSteps, r.steps},
            {k::kTotalSteps, r.totalSteps},
            {k::kResumedFromStep, r.resumedFromStep},
            {k::kStoppedEarly, r.stoppedEarly},
            {k::kLossTrainLast, optionalToJson(r.lossTrainLast)},
            {k::kBestStep, optionalToJson(r.bestStep)},
            {k::kLossEvalBest, optionalToJson(r.lossEvalBest)},
            {k::kDevice, r.device},
            {k::kPrecision, r.precision},
            {k::kMemoryPeakBytes, r.memoryPeakBytes},
            {k::kCodeVersion, r.codeVersion},
            {k::kResult, r.result},
            {k::kCheckpoint, r.checkpoint}};
}

RunRecord parseRunRecord(const nlohmann::json& json, const std::string& file) {
    namespace k = runkey;
    const JsonFields f(json, file);
    if (f.optional<std::string>(k::kFormat).value_or("") != kRunFormat)
        f.fail(k::kFormat, std::string("is not \"") + kRunFormat + "\"");
    RunRecord r;
    const auto status = f.require<std::string>(k::kStatus);
    bool known = false;
    for (auto s : {RunStatus::Done, RunStatus::Cancelled, RunStatus::Failed}) {
        if (runStatusName(s) == status) {
            r.status = s;
            known = true;
        }
    }
    if (!known) f.fail(k::kStatus, "unknown status '" + status + "' (done, cancelled or failed)");
    r.reason = f.optional<std::string>(k::kReason).value_or("");
    r.startedAt = f.optional<std::string>(k::kStartedAt).value_or("");
    r.finishedAt = f.optional<std::string>(k::kFinishedAt).value_or("");
    r.seconds = f.optional<double>(k::kSeconds).value_or(0);
    r.steps = f.require<int64_t>(k::kSteps);
    r.totalSteps = f.optional<int64_t>(k::kTotalSteps).value_or(0);
    r.resumedFromStep = f.optional<int64_t>(k::kResumedFromStep).value_or(0);
    r.stoppedEarly = f.optional<bool>(k::kStoppedEarly).value_or(false);
    r.lossTrainLast = f.optional<double>(k::kLossTrainLast);
    r.bestStep = f.optional<int64_t>(k::kBestStep);
    r.lossEvalBest = f.optional<double>(k::kLossEvalBest);
    r.device = f.optional<std::string>(k::kDevice).value_or("");
    r.precision = f.optional<std::string>(k::kPrecision).value_or("");
    r.memoryPeakBytes = f.optional<int64_t>(k::kMemoryPeakBytes).value_or(0);
    r.codeVersion = f.optional<std::string>(k::kCodeVersion).value_or("");
    r.result = f.optional<std::string>(k::kResult).value_or("");
    r.checkpoint = f.optional<std::string>(k::kCheckpoint).value_or("");
    return r;
}

void writeRunRecord(const std::filesystem::path& jobDir, const RunRecord& record) {
    writeFileDurable(jobDir / kJobRunFile, runRecordToJson(record).dump(2) + "\n");
}

std::optional<RunRecord> readRunRecord(const std::filesystem::path& jobDir) {
    const auto file = jobDir / kJobRunFile;
    if (!std::filesystem::exists(file)) return std::nullopt;
    return parseRunRecord(readJsonFile(file), file.string());
}

}  // namespace srllm::core
