#pragma once
// Batches of tokenized instruction examples (core/job/job-examples.h): shuffled per epoch and padded.
#include <cstdint>
#include <vector>

#include <torch/torch.h>

#include "core/job/job-examples.h"

namespace srllm::core {

// A padded batch; pads sit on the right, where causal attention never lets a real token see them.
struct TrainBatch {
    torch::Tensor inputIds;  // [B,T] int64, padded with padId
    torch::Tensor labels;    // [B,T] int64, kIgnoreLabel on padding
    int64_t labelTokens = 0; // positions that carry a loss (labels after the one-token shift)
};

// The batch on the CPU; the trainer moves it to its device.
TrainBatch collateBatch(const std::vector<TokenizedExample>& examples, const std::vector<int64_t>& indices,
                        int64_t padId);

// A permutation of 0..n-1 that depends only on (seed, epoch): Fisher-Yates over mt19937_64, written out
// so it is the same on every standard library.
std::vector<int64_t> shuffledOrder(int64_t n, uint64_t seed, int64_t epoch);

}  // namespace srllm::core
