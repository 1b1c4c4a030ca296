#pragma once
// Rotary position embedding (RoPE) in HF's rotate_half layout: the head dimension is split into two
// halves (not interleaved pairs), so weights converted by HF's Llama script load unchanged.
#include <optional>
#include <utility>

#include <torch/torch.h>

#include "core/model/model-config.h"

namespace srllm::core {

class RotaryEmbedding {
public:
    // With `scaling`, the inverse frequencies follow Llama 3.1's rule (see RopeScaling).
    RotaryEmbedding(int64_t headDim, double theta, const std::optional<RopeScaling>& scaling = std::nullopt);

    // cos and sin for position ids [B,T] (int64): each [B,1,T,D], in `dtype`, ready to broadcast over heads.
    std::pair<torch::Tensor, torch::Tensor> cosSin(const torch::Tensor& positions, torch::Dtype dtype) const;

    // x·cos + rotate_half(x)·sin for x [B,H,T,D], with autograd for x. Float32 or bfloat16 CPU input whose
    // head dimension is contiguous (the transposed projection output attention passes) is rotated in one
    // pass forward and one backward, in float32, into a contiguous result of x's dtype (so bfloat16 under
    // autocast stays bfloat16); the rest by the formula's tensor operations.
    static torch::Tensor apply(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin);

private:
    torch::Tensor m_inverseFrequency;  // [D/2] float32: theta^(-2i/D), scaled for llama3
};

}  // namespace srllm::core
