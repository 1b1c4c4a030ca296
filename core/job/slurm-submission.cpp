#include "core/job/slurm-submission.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string_view>

#include "core/common/durable-file.h"
#include "core/common/input-file.h"
#include "core/job/json-fields.h"

namespace srllm::core {

namespace {

constexpr const char* kFormat = "srllm-slurm-submission";

// Hand-written matchers, not <regex>: GCC 12 warns inside it under -fsanitize=address (#12).
bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return text;
}

// The digits at the start of `text` ("" when none).
std::string_view leadingDigits(std::string_view text) {
    return text.substr(0, static_cast<size_t>(std::find_if_not(text.begin(), text.end(), isDigit) - text.begin()));
}

// "42" or an array task "42_7".
bool isSlurmJobId(std::string_view text) {
    const auto job = leadingDigits(text);
    if (job.empty() || job.size() == text.size()) return !job.empty();
    const auto task = text.substr(job.size());
    return task[0] == '_' && leadingDigits(task.substr(1)).size() == task.size() - 1 && task.size() > 1;
}

}  // namespace

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
    if (!isSlurmJobId(s.jobId)) f.fail("job_id", "'" + s.jobId + "' is not a Slurm job id");
    s.submittedAt = f.optional<std::string>("submitted_at").value_or("");
    s.script = f.optional<std::string>("script").value_or("");
    s.processes = static_cast<int>(f.optional<int64_t>("processes").value_or(1));
    return s;
}

std::optional<std::string> parseSbatchJobId(const std::string& output) {
    // "Submitted batch job 42", anywhere; or with --parsable the whole answer "42" or "42;cluster".
    static constexpr std::string_view kSubmitted = "Submitted batch job ";
    for (auto at = output.find(kSubmitted); at != std::string::npos; at = output.find(kSubmitted, at + 1))
        if (const auto id = leadingDigits(std::string_view(output).substr(at + kSubmitted.size())); !id.empty())
            return std::string(id);
    const auto answer = trimmed(output);
    const auto id = leadingDigits(answer);
    const auto rest = answer.substr(id.size());
    if (id.empty() || !(rest.empty() || (rest[0] == ';' && std::none_of(rest.begin(), rest.end(), isSpace))))
        return std::nullopt;
    return std::string(id);
}

std::vector<SlurmQueueEntry> parseSqueue(const std::string& output) {
    // Lines "JOBID|STATE|ELAPSED|REASON" (squeue -o '%i|%T|%M|%R'); the reason may hold '|'. Others are skipped.
    std::vector<SlurmQueueEntry> entries;
    std::istringstream lines(output);
    for (std::string text; std::getline(lines, text);) {
        const std::string_view line = trimmed(text);
        const auto first = line.find('|'), second = line.find('|', first + 1);
        if (first == std::string_view::npos || second == std::string_view::npos) continue;
        const auto third = line.find('|', second + 1);
        if (third == std::string_view::npos) continue;
        const auto id = line.substr(0, first), state = line.substr(first + 1, second - first - 1);
        const bool stateOk = !state.empty() && std::all_of(state.begin(), state.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || c == '_';
        });
        if (!isSlurmJobId(id) || !stateOk) continue;
        entries.push_back({std::string(id), std::string(state), std::string(line.substr(second + 1, third - second - 1)),
                           std::string(line.substr(third + 1))});
    }
    return entries;
}

}  // namespace srllm::core
