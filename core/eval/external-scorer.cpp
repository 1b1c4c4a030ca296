#include "core/eval/external-scorer.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>

#include "core/common/diagnostics.h"

namespace srllm::core {

namespace {

// The texts go through a temporary file so that a command that writes before reading all its input
// cannot deadlock against us.
class TemporaryInput {
public:
    explicit TemporaryInput(const std::vector<std::string>& texts)
        : m_path(std::filesystem::temp_directory_path() /
                 ("srllm-score-" + std::to_string(::getpid()) + "-" + std::to_string(s_next++) + ".jsonl")) {
        std::ofstream out(m_path, std::ios::binary);
        for (const auto& text : texts) out << nlohmann::json{{"text", text}}.dump() << '\n';
        if (!out) throw InputError(m_path.string(), 0, "", "cannot write the scorer's input");
    }
    ~TemporaryInput() { std::filesystem::remove(m_path); }
    const std::filesystem::path& path() const { return m_path; }

private:
    static inline std::atomic<int64_t> s_next{0};  // several scorers may run at once in one process
    std::filesystem::path m_path;
};

}  // namespace

ExternalScores runExternalScorer(const std::string& command, const std::vector<std::string>& texts) {
    const TemporaryInput input(texts);
    const std::string where = "external scorer output";
    const std::string shell = "(" + command + ") < '" + input.path().string() + "'";
    FILE* pipe = ::popen(shell.c_str(), "r");
    if (!pipe) throw InputError("", 0, "--external", "cannot start: " + command);
    ExternalScores out{{}, command};
    std::string line;
    int64_t lineNumber = 0;
    char buffer[65536];
    auto parseLine = [&](const std::string& text) {
        ++lineNumber;
        nlohmann::json object;
        try {
            object = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception&) {
            throw InputError(where, lineNumber, "", "not JSON: " + text.substr(0, 80));
        }
        if (!object.is_object()) throw InputError(where, lineNumber, "", "expected a JSON object");
        RiskScores s;
        for (size_t r = 0; r < kRiskCount; ++r) {
            s.probability[r] = std::numeric_limits<double>::quiet_NaN();
            const auto it = object.find(kRiskNames[r]);
            if (it == object.end() || it->is_null()) {
                if (r == 0) throw InputError(where, lineNumber, "toxicity", "missing (every line needs a toxicity probability)");
                continue;
            }
            if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 1)
                throw InputError(where, lineNumber, kRiskNames[r], "expected a probability in [0, 1], got " + it->dump());
            s.probability[r] = it->get<double>();
        }
        out.scores.push_back(s);
    };
    try {
        while (std::fgets(buffer, sizeof buffer, pipe)) {
            line += buffer;
            if (line.empty() || line.back() != '\n') continue;
            line.pop_back();
            if (line.find_first_not_of(" \t\r") != std::string::npos) parseLine(line);
            line.clear();
        }
        if (line.find_first_not_of(" \t\r\n") != std::string::npos) parseLine(line);
    } catch (...) {
        ::pclose(pipe);
        throw;
    }
    const int status = ::pclose(pipe);
    if (status != 0)
        throw InputError("", 0, "--external", "command failed (exit status " +
                                                  std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + "): " + command);
    if (out.scores.size() != texts.size())
        throw InputError(where, lineNumber, "", "gave " + std::to_string(out.scores.size()) + " scores for " +
                                                    std::to_string(texts.size()) + " texts (one line per text, in order)");
    return out;
}

}  // namespace srllm::core
