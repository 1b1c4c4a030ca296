#pragma once
// Attention's core in bfloat16 on the CPU as one autograd function: softmax(q·kᵀ·scale + mask)·v with the
// products in oneDNN (bfloat16 operands; scores and their gradient accumulated and kept in float32) and
// the softmax, its scale and the mask in one pass per row (core/kernels) that writes bfloat16
// probabilities; its backward likewise. Replaces the scale pass over q, the bfloat16 scores, the
// float32 softmax copy and the cast back that eager attention under autocast writes, and writes its
// output straight into the [B,T,H·D] layout o_proj reads. Grouped-query heads broadcast their key/value
// head inside the products (no repeat_kv copy).
#include <torch/torch.h>

namespace srllm::core {

// Whether attention should take fusedAttention for these inputs: bfloat16 CPU tensors whose head
// dimension is contiguous, on a CPU with AVX-512 BF16 or AMX and a build with oneDNN (elsewhere its
// products fall back to slow float32 torch ones, so it is correct but not worth taking).
bool fusedAttentionCovers(const torch::Tensor& q, const torch::Tensor& keys, const torch::Tensor& values);

// q [B,H,T,D], keys/values [B,Hkv,S,D] (S ≥ T: the last T keys are the queries' own positions),
// additiveMask [B,1,T,S] (0 allowed, the dtype's lowest hidden; undefined = nothing hidden) -> [B,T,H·D]
// in bfloat16, with autograd for q, keys and values. Any bfloat16 CPU input with a contiguous head dimension.
torch::Tensor fusedAttention(const torch::Tensor& q, const torch::Tensor& keys, const torch::Tensor& values,
                             const torch::Tensor& additiveMask, double scale);

}  // namespace srllm::core
