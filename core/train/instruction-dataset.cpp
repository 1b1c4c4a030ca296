#include "core/train/instruction-dataset.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "core/data/jsonl-lines.h"

namespace srllm::core {

std::vector<InstructionRecord> readInstructionRecords(const std::filesystem::path& file, Diagnostics& warnings) {
    JsonlLines lines(file.string());
    std::vector<InstructionRecord> out;
    while (auto object = lines.next()) {
        out.push_back({object->line, lines.requireString(*object, "prompt"), lines.requireString(*object, "response")});
        lines.warnUnknownKeys(*object, {"prompt", "response", "id", "uid", "text", "rewrite", "split"}, warnings);
    }
    if (out.empty()) {
        throw InputError(file.string(), 0, "", "holds no records (hint: export with `srllm export --format instructions`)");
    }
    return out;
}

TokenizedExample tokenizeExample(const Tokenizer& tokenizer, const std::string& prompt, const std::string& response,
                                 int64_t maxLength) {
    TokenizedExample ex;
    ex.ids = tokenizer.encode(prompt, true);
    ex.labels.assign(ex.ids.size(), kIgnoreLabel);
    auto answer = tokenizer.encode(response, false);
    if (const auto eos = tokenizer.eosId(); eos && (answer.empty() || answer.back() != *eos)) answer.push_back(*eos);
    ex.ids.insert(ex.ids.end(), answer.begin(), answer.end());
    ex.labels.insert(ex.labels.end(), answer.begin(), answer.end());
    ex.truncated = static_cast<int64_t>(ex.ids.size()) > maxLength;
    if (ex.truncated) {
        ex.ids.resize(maxLength);
        ex.labels.resize(maxLength);
    }
    return ex;
}

InstructionDataset buildInstructionDataset(const Tokenizer& tokenizer, const std::vector<InstructionRecord>& records,
                                           int64_t maxLength, const std::string& file) {
    InstructionDataset out;
    for (const auto& record : records) {
        auto ex = tokenizeExample(tokenizer, record.prompt, record.response, maxLength);
        // Only labels after the first position count (the model predicts token t from tokens < t).
        const bool learnable = ex.labels.size() > 1 && std::any_of(ex.labels.begin() + 1, ex.labels.end(),
                                                                   [](int64_t l) { return l != kIgnoreLabel; });
        if (!learnable) {
            out.warnings.push_back({file, record.line, "prompt",
                                    "skipped: the prompt fills max_length " + std::to_string(maxLength) +
                                        " tokens, leaving none of the response (hint: raise --max-length)"});
            continue;
        }
        out.truncated += ex.truncated ? 1 : 0;
        out.examples.push_back(std::move(ex));
    }
    return out;
}

TrainBatch collateBatch(const std::vector<TokenizedExample>& examples, const std::vector<int64_t>& indices,
                        int64_t padId) {
    int64_t length = 0;
    for (auto i : indices) length = std::max<int64_t>(length, examples[i].ids.size());
    const auto batch = static_cast<int64_t>(indices.size());
    TrainBatch out;
    out.inputIds = torch::full({batch, length}, padId, torch::kLong);
    out.labels = torch::full({batch, length}, kIgnoreLabel, torch::kLong);
    auto ids = out.inputIds.accessor<int64_t, 2>();
    auto labels = out.labels.accessor<int64_t, 2>();
    for (int64_t b = 0; b < batch; ++b) {
        const auto& ex = examples[indices[b]];
        for (size_t t = 0; t < ex.ids.size(); ++t) {
            ids[b][t] = ex.ids[t];
            labels[b][t] = ex.labels[t];
            if (t > 0 && ex.labels[t] != kIgnoreLabel) ++out.labelTokens;
        }
    }
    return out;
}

std::vector<int64_t> shuffledOrder(int64_t n, uint64_t seed, int64_t epoch) {
    std::vector<int64_t> order(n);
    for (int64_t i = 0; i < n; ++i) order[i] = i;
    std::mt19937_64 rng(seed * 1000003ULL + static_cast<uint64_t>(epoch));
    for (int64_t i = n - 1; i > 0; --i) {
        // rng() % (i + 1): a negligible bias for data-set sizes, and identical everywhere.
        std::swap(order[i], order[rng() % static_cast<uint64_t>(i + 1)]);
    }
    return order;
}

std::pair<std::vector<TokenizedExample>, std::vector<TokenizedExample>> splitForEval(
    const std::vector<TokenizedExample>& examples, double fraction, uint64_t seed) {
    const auto n = static_cast<int64_t>(examples.size());
    int64_t evalCount = std::llround(fraction * static_cast<double>(n));
    if (fraction > 0 && n >= 2) evalCount = std::clamp<int64_t>(evalCount, 1, n - 1);
    const auto order = shuffledOrder(n, seed, -1);
    std::vector<bool> isEval(n, false);
    for (int64_t i = 0; i < evalCount; ++i) isEval[order[i]] = true;
    std::pair<std::vector<TokenizedExample>, std::vector<TokenizedExample>> out;
    for (int64_t i = 0; i < n; ++i) (isEval[i] ? out.second : out.first).push_back(examples[i]);
    return out;
}

}  // namespace srllm::core
