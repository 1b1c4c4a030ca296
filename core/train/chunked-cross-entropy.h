#pragma once
// The training loss over the vocabulary without the [B,T,V] logits: the final hidden states are multiplied
// by the head weight a chunk of rows at a time, and each chunk's float32 logits become its loss and its
// gradient (softmax − onehot) in one pass (core/kernels) before the next chunk reuses the buffer. The
// gradients for the hidden states and the head weight are made then, in the forward, and the backward
// only scales them by the incoming gradient (as Liger-Kernel's fused linear cross-entropy does). With a
// 128k vocabulary that keeps a few chunks of logits instead of B·T·V floats and their log-softmax copies.
#include <torch/torch.h>

#include "core/model/causal-lm.h"

namespace srllm::core {

// Σ over positions of −log softmax(logits)[target] for hidden [B,T,C] and targets [B,T] (int64;
// ignoreIndex counts nothing), float32 scalar, with autograd. Runs chunked for a plain head weight on the
// CPU (model.plainHeadWeight(), float32 or bfloat16 hidden states); otherwise the model's own
// projectVocabulary and torch's cross-entropy over the whole float32 logits.
torch::Tensor crossEntropySum(CausalLMImpl& model, const torch::Tensor& hidden, const torch::Tensor& targets,
                              int64_t ignoreIndex);

// The chunked form alone: hidden [N,C] (float32, or bfloat16 whose products run in bfloat16 with float32
// logits), weight [V,C], targets [N]; rowsPerChunk 0 picks about 16 MB of float32 logits per chunk.
torch::Tensor chunkedCrossEntropySum(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& targets,
                                     int64_t ignoreIndex, int64_t rowsPerChunk = 0);

}  // namespace srllm::core
