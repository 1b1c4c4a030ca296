#include "core/job/job-examples.h"

#include <algorithm>

namespace srllm::core {

TokenizedExample tokenizeExample(const Tokenizer& tokenizer, const std::string& prompt, const std::string& response,
                                 int64_t maxLength) {
    TokenizedExample ex;
    ex.ids = tokenizer.encode(prompt, true);
    ex.labels.assign(ex.ids.size(), kIgnoreLabel);
    auto answer = tokenizer.encode(response, false);
    if (const auto eos = tokenizer.eosId()) answer.push_back(*eos);
    ex.ids.insert(ex.ids.end(), answer.begin(), answer.end());
    ex.labels.insert(ex.labels.end(), answer.begin(), answer.end());
    ex.truncated = static_cast<int64_t>(ex.ids.size()) > maxLength;
    if (ex.truncated) {
        ex.ids.resize(maxLength);
        ex.labels.resize(maxLength);
    }
    return ex;
}

double TokenizedExamples::meanTokens() const {
    if (examples.empty()) return 0;
    double sum = 0;
    for (const auto& ex : examples) sum += static_cast<double>(ex.ids.size());
    return sum / static_cast<double>(examples.size());
}

TokenizedExamples tokenizeRecords(const Tokenizer& tokenizer, const std::vector<InstructionRecord>& records,
                                  int64_t maxLength, const std::string& file) {
    TokenizedExamples out;
    for (const auto& record : records) {
        auto ex = tokenizeExample(tokenizer, record.prompt, record.response, maxLength);
        // Only labels after the first position count (the model predicts token t from tokens < t).
        const bool learnable = ex.labels.size() > 1 && std::any_of(ex.labels.begin() + 1, ex.labels.end(),
                                                                   [](int64_t l) { return l != kIgnoreLabel; });
        if (!learnable) {
            out.skipped.push_back({file, record.line, "prompt",
                                   "record skipped: the prompt fills max_length " + std::to_string(maxLength) +
                                       " tokens, leaving none of the response (hint: raise max_length)"});
            continue;
        }
        if (ex.truncated) {
            out.truncated.push_back({file, record.line, "response",
                                     "cut to max_length " + std::to_string(maxLength) +
                                         " tokens, so the model may not learn to stop (hint: raise max_length)"});
        }
        out.examples.push_back(std::move(ex));
    }
    return out;
}

}  // namespace srllm::core
