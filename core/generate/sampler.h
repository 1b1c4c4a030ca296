#pragma once
// Logits processing for one decoding step, with Hugging Face semantics (so the same settings decode the
// same way as transformers' generate): repetition penalty, temperature, top-k, top-p, then sampling.
#include <cstdint>
#include <optional>

#include <torch/torch.h>

namespace srllm::core {

struct SamplingOptions {
    double temperature = 0.0;        // 0 = greedy (argmax), the paper's decoding
    int64_t topK = 0;                // 0 = off
    double topP = 1.0;               // 1 = off
    double repetitionPenalty = 1.0;  // 1 = off; HF: positive logits divided, negative multiplied

    // Throws InputError naming the option when a value is out of range.
    void validate() const;
    bool greedy() const { return temperature == 0.0; }
};

// Penalises every token that occurs in history [B,S] (int64; entries < 0 are ignored, e.g. padding).
// logits [B,V] -> [B,V].
torch::Tensor applyRepetitionPenalty(const torch::Tensor& logits, const torch::Tensor& history, double penalty);

// Keeps the k largest logits of each row (ties at the k-th value kept, as HF), others -> -inf.
torch::Tensor applyTopK(const torch::Tensor& logits, int64_t k);

// Keeps the smallest set of tokens whose probability mass reaches p (at least one), others -> -inf.
torch::Tensor applyTopP(const torch::Tensor& logits, double p);

// The processed logits of one step: repetition penalty, then temperature, top-k and top-p
// (the order of HF's logits processors / warpers).
torch::Tensor processLogits(const torch::Tensor& logits, const torch::Tensor& history, const SamplingOptions& options);

// Chooses the next token of each row [B] from logits [B,V]: argmax when greedy, else a multinomial draw
// from the processed distribution using `generator` (reproducible for a seed).
torch::Tensor chooseNextTokens(const torch::Tensor& logits, const torch::Tensor& history,
                               const SamplingOptions& options, std::optional<torch::Generator> generator);

}  // namespace srllm::core
