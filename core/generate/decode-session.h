#pragma once
// One generation's model state behind the generator's loop (generator.cpp): the prompts' prefill, one
// step per new token for the rows still generating, and finished rows leaving the batch. Two kinds:
// the CPU decoder (cpu-decoder.h: the engine's own kernels, each row its own cache length, no padding)
// and the tensor path (the model's forward over a left-padded batch with a KvCache, any device and
// architecture).
#include <cstdint>
#include <memory>
#include <vector>

#include <torch/torch.h>

#include "core/model/causal-lm.h"

namespace srllm::core {

struct GenerationOptions;

class DecodeSession {
public:
    virtual ~DecodeSession() = default;
    // Next-token logits of the live rows, [live, V] float32 on the CPU, valid until the next call.
    virtual torch::Tensor logits() = 0;
    // Keeps the live rows at positions `keep` (ascending) and drops the others.
    virtual void keepRows(const std::vector<int64_t>& keep) = 0;
    // Feeds each live row its next token (one per row, in row order) and computes the next logits.
    virtual void advance(const std::vector<int64_t>& tokens) = 0;
};

// The tensor path; with options.useCache false it recomputes every position each step (tests, benchmarks).
std::unique_ptr<DecodeSession> openTensorSession(CausalLMImpl& model, const std::vector<std::vector<int64_t>>& prompts,
                                                 const GenerationOptions& options);

// The CPU decoder where it covers the model and the options ask for it, else the tensor path.
std::unique_ptr<DecodeSession> openDecodeSession(CausalLMImpl& model, const std::vector<std::vector<int64_t>>& prompts,
                                                 const GenerationOptions& options);

}  // namespace srllm::core
