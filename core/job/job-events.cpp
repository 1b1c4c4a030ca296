#include "core/job/job-events.h"

#include <fstream>

#include "core/job/job-layout.h"
#include "core/job/job-spec.h"
#include "core/job/json-fields.h"

namespace srllm::core {

namespace {

using nlohmann::json;
namespace k = eventkey;

// NOTE: toJson and fromJson of each event below must name the same keys.
json toJson(const StartEvent& e) {
    return {{k::kJob, e.job},       {k::kResumedFromStep, e.resumedFromStep}, {k::kTotalSteps, e.totalSteps},
            {k::kDevice, e.device}, {k::kPrecision, e.precision},             {k::kTrainableParams, e.trainableParams},
            {k::kTotalParams, e.totalParams}};
}
json toJson(const StepEvent& e) {
    return {{k::kStep, e.step},         {k::kTotalSteps, e.totalSteps},
            {k::kEpoch, e.epoch},       {k::kLossTrain, e.lossTrain},
            {k::kLearningRate, e.learningRate}, {k::kGradNorm, e.gradNorm},
            {k::kTokens, e.tokens},     {k::kTokensPerSecond, e.tokensPerSecond},
            {k::kSeconds, e.seconds},   {k::kEtaSeconds, e.etaSeconds},
            {k::kMemoryBytes, e.memoryBytes}};
}
json toJson(const EvalEvent& e) {
    json out = {{k::kStep, e.step}, {k::kLossEval, e.lossEval}};
    if (e.toxicPercent) out[k::kToxicPercent] = *e.toxicPercent;
    return out;
}
json toJson(const CheckpointEvent& e) { return {{k::kStep, e.step}, {k::kPath, e.path}}; }
json toJson(const WarningEvent& e) {
    return {{k::kKind, e.kind}, {k::kMessage, e.message}, {k::kCount, e.count}, {k::kFirstLines, e.firstLines}};
}
json toJson(const DoneEvent& e) {
    return {{k::kSteps, e.steps},
            {k::kStoppedEarly, e.stoppedEarly},
            {k::kBestStep, optionalToJson(e.bestStep)},
            {k::kLossEvalBest, optionalToJson(e.lossEvalBest)},
            {k::kSeconds, e.seconds}};
}
json toJson(const CancelledEvent& e) { return {{k::kStep, e.step}, {k::kCheckpoint, e.checkpoint}}; }
json toJson(const FailedEvent& e) { return {{k::kReason, e.reason}, {k::kStep, e.step}}; }

JobEventBody fromJson(const std::string& name, const JsonFields& f) {
    if (name == event::kStart)
        return StartEvent{f.require<std::string>(k::kJob),      f.require<int64_t>(k::kResumedFromStep),
                          f.require<int64_t>(k::kTotalSteps),   f.require<std::string>(k::kDevice),
                          f.require<std::string>(k::kPrecision), f.require<int64_t>(k::kTrainableParams),
                          f.require<int64_t>(k::kTotalParams)};
    if (name == event::kStep)
        return StepEvent{f.require<int64_t>(k::kStep),          f.require<int64_t>(k::kTotalSteps),
                         f.require<int64_t>(k::kEpoch),         f.number(k::kLossTrain),
                         f.number(k::kLearningRate),   f.number(k::kGradNorm),
                         f.require<int64_t>(k::kTokens),        f.number(k::kTokensPerSecond),
                         f.number(k::kSeconds),        f.number(k::kEtaSeconds),
                         f.require<int64_t>(k::kMemoryBytes)};
    if (name == event::kEval)
        return EvalEvent{f.require<int64_t>(k::kStep), f.number(k::kLossEval), f.optional<double>(k::kToxicPercent)};
    if (name == event::kCheckpoint) return CheckpointEvent{f.require<int64_t>(k::kStep), f.require<std::string>(k::kPath)};
    if (name == event::kWarning)
        return WarningEvent{f.require<std::string>(k::kKind), f.require<std::string>(k::kMessage),
                            f.require<int64_t>(k::kCount), f.require<std::vector<int64_t>>(k::kFirstLines)};
    if (name == event::kDone)
        return DoneEvent{f.require<int64_t>(k::kSteps), f.require<bool>(k::kStoppedEarly), f.optional<int64_t>(k::kBestStep),
                         f.optional<double>(k::kLossEvalBest), f.number(k::kSeconds)};
    if (name == event::kCancelled)
        return CancelledEvent{f.require<int64_t>(k::kStep), f.require<std::string>(k::kCheckpoint)};
    return FailedEvent{f.require<std::string>(k::kReason), f.require<int64_t>(k::kStep)};
}

bool knownEvent(const std::string& name) {
    for (const char* known : {event::kStart, event::kStep, event::kEval, event::kCheckpoint, event::kWarning,
                              event::kDone, event::kCancelled, event::kFailed})
        if (name == known) return true;
    return false;
}

}  // namespace

const char* eventName(const JobEventBody& body) {
    static constexpr const char* kNames[] = {event::kStart, event::kStep,  event::kEval,      event::kCheckpoint,
                                             event::kWarning, event::kDone, event::kCancelled, event::kFailed};
    return kNames[body.index()];
}

json eventToJson(const JobEvent& e) {
    json out = std::visit([](const auto& body) { return toJson(body); }, e.body);
    out[k::kEvent] = eventName(e.body);
    out[k::kTime] = e.time;
    return out;
}

std::string eventLine(JobEvent e) {
    if (e.time.empty()) e.time = utcTimestamp();
    return eventToJson(e).dump();
}

std::optional<JobEvent> parseEventLine(std::string_view line) {
    const auto value = json::parse(line, nullptr, false);
    if (value.is_discarded()) return std::nullopt;
    return parseEvent(value);
}

std::optional<JobEvent> parseEvent(const json& value) {
    if (!value.is_object()) return std::nullopt;
    const JsonFields f(value, "event line");
    const auto name = f.optional<std::string>(k::kEvent);
    if (!name || !knownEvent(*name)) return std::nullopt;
    return JobEvent{f.optional<std::string>(k::kTime).value_or(""), fromJson(*name, f)};
}

std::vector<JobEvent> readJobLog(const std::filesystem::path& jobDir) {
    std::vector<JobEvent> events;
    std::ifstream in(jobDir / kJobLogFile);
    std::string line;
    while (std::getline(in, line)) {
        if (auto e = parseEventLine(line)) events.push_back(std::move(*e));
    }
    return events;
}

}  // namespace srllm::core
