#include "core/job/slurm-submission.h"

#include <regex>
#include <sstream>

#include "core/common/durable-file.h"
#include "core/common/input-file.h"
#include "core/job/json-fields.h"

namespace srllm::core {

namespace {
constexpr const char* kFormat = "srllm-slurm-submission";
}

void writeSlurmSubmission(const std::filesystem::path& jobDir, const SlurmSubmission& s) {
    const nlohmann::json json{{"format", kFormat},          {"format_version", 1}, {"job_id", s.jobId},
                              {"submitted_at", s.submittedAt}, {"script", s.script},  {"processes", s.processes}};
    writeFileDurable(jobDir / kSlurmSubmissionFile, json.dump(2) + "\n");
}

std::optional<SlurmSubmission> readSlurmSubmission(const std::filesystem::path& jobDir) {
    const auto file = jobDir / kSlurmSubmissionFile;
    if (!std::filesystem::exists(file)) return std::nullopt;
    const nlohmann::json json = readJsonFile(file);
    const JsonFields f(json, file.string());
    if (f.optional<std::string>("format").value_or("") != kFormat) f.fail("format", std::string("is not \"") + kFormat + "\"");
    SlurmSubmission s;
    s.jobId = f.require<std::string>("job_id");
    if (!std::regex_match(s.jobId, std::regex(R"(\d+(_\d+)?)"))) f.fail("job_id", "'" + s.jobId + "' is not a Slurm job id");
    s.submittedAt = f.optional<std::string>("submitted_at").value_or("");
    s.script = f.optional<std::string>("script").value_or("");
    s.processes = static_cast<int>(f.optional<int64_t>("processes").value_or(1));
    return s;
}

std::optional<std::string> parseSbatchJobId(const std::string& output) {
    std::smatch m;
    static const std::regex submitted(R"(Submitted batch job (\d+))");
    static const std::regex parsable(R"(^\s*(\d+)(;[^\s]*)?\s*$)");
    if (std::regex_search(output, m, submitted) || std::regex_match(output, m, parsable)) return m[1].str();
    return std::nullopt;
}

std::vector<SlurmQueueEntry> parseSqueue(const std::string& output) {
    std::vector<SlurmQueueEntry> entries;
    std::istringstream lines(output);
    static const std::regex line(R"(^\s*(\d+(?:_\d+)?)\|([A-Z_]+)\|([^|]*)\|(.*?)\s*$)");
    for (std::string text; std::getline(lines, text);) {
        std::smatch m;
        if (std::regex_match(text, m, line)) entries.push_back({m[1].str(), m[2].str(), m[3].str(), m[4].str()});
    }
    return entries;
}

}  // namespace srllm::core
