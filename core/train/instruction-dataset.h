#pragma once
// Instruction-tuning data: {prompt, response} records (as `srllm export --format instructions` writes
// them) tokenized with the loss masked to the response, shuffled per epoch and batched with padding.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/common/diagnostics.h"
#include "core/tokenizer/tokenizer.h"

namespace srllm::core {

inline constexpr int64_t kIgnoreLabel = -100;  // PyTorch/HF ignore_index: no loss on this position

struct InstructionRecord {
    int64_t line = 0;  // 1-based line in the JSONL file
    std::string prompt;
    std::string response;
};

struct TokenizedExample {
    std::vector<int64_t> ids;     // prompt tokens, response tokens, EOS
    std::vector<int64_t> labels;  // kIgnoreLabel on the prompt, the ids on the response and EOS
    bool truncated = false;       // cut to max length (the EOS may be gone)
};

struct InstructionDataset {
    std::vector<TokenizedExample> examples;
    int64_t truncated = 0;  // examples cut to max length (they may lose their EOS)
    Diagnostics warnings;   // skipped records (prompt alone fills max length), unknown keys
};

// Reads a JSONL file of {"prompt": str, "response": str} objects; throws InputError naming the file,
// line and key for a missing or non-string field; other keys are warned about.
std::vector<InstructionRecord> readInstructionRecords(const std::filesystem::path& file, Diagnostics& warnings);

// Prompt with the tokenizer's special tokens (BOS), response without, then EOS unless the response
// already ends with it; truncated to maxLength from the end.
TokenizedExample tokenizeExample(const Tokenizer& tokenizer, const std::string& prompt, const std::string& response,
                                 int64_t maxLength);

InstructionDataset buildInstructionDataset(const Tokenizer& tokenizer, const std::vector<InstructionRecord>& records,
                                           int64_t maxLength, const std::string& file);

// A padded batch; pads sit on the right, where causal attention never lets a real token see them.
struct TrainBatch {
    torch::Tensor inputIds;  // [B,T] int64, padded with padId
    torch::Tensor labels;    // [B,T] int64, kIgnoreLabel on padding
    int64_t labelTokens = 0; // positions that carry a loss (labels after the one-token shift)
};

TrainBatch collateBatch(const std::vector<TokenizedExample>& examples, const std::vector<int64_t>& indices,
                        int64_t padId);

// A permutation of 0..n-1 that depends only on (seed, epoch): Fisher-Yates over mt19937_64, written out
// so it is the same on every standard library.
std::vector<int64_t> shuffledOrder(int64_t n, uint64_t seed, int64_t epoch);

// Splits examples into {train, eval}: eval takes round(fraction·n) examples chosen by seed (at least one
// when fraction > 0 and n >= 2), train keeps the rest in their original order.
std::pair<std::vector<TokenizedExample>, std::vector<TokenizedExample>> splitForEval(
    const std::vector<TokenizedExample>& examples, double fraction, uint64_t seed);

}  // namespace srllm::core
