#pragma once
// SwiGLU's gate, silu(gate)·up (Llama, Mistral, Qwen2 MLPs), with autograd.
#include <torch/torch.h>

namespace srllm::core {

// gate and up [..., F] -> [..., F]. Contiguous CPU inputs of one dtype (float32 or bfloat16) take one
// pass forward and one backward in float32 (silu's output and its backward's products are never written
// out); anything else runs torch::silu(gate) * up.
torch::Tensor swiglu(const torch::Tensor& gate, const torch::Tensor& up);

}  // namespace srllm::core
