#pragma once
// bf16 products with a frozen float32 weight on CPUs with AVX-512 BF16 (core/kernels/bf16-gemm.h), the
// shape of LoRA's base projections under bf16 autocast: forward x·Wᵀ and input gradient dY·W. Not in the
// training path: on the benchmark CPU it is no faster than torch's products (docs/BENCHMARKS.md).
#include <optional>

#include <torch/torch.h>

namespace srllm::core {

// x bf16 [..., k] (or float32, rounded to bf16 as autocast does) times weightᵀ, weight float32 [n, k],
// returning bf16 [..., n]; `weightTransposed` false multiplies by weight itself ([k, n] read as W [k, n]).
// Runs on the kernel, threads shared through at::parallel_for; nullopt where bf16Gemm() is absent or the
// tensors are not CPU float32 weight and bf16/float32 input.
std::optional<torch::Tensor> bf16TimesFloatWeight(const torch::Tensor& x, const torch::Tensor& weight, bool weightTransposed);

}  // namespace srllm::core
