#pragma once
// Batched matrix product for attention's scores and weighted values.
#include <torch/torch.h>

namespace srllm::core {

// a [N,m,k] · b [N,k,n] -> [N,m,n], with autograd; the values of torch::bmm. On CPU in float32 it runs
// oneDNN's batched matmul on the tensors' own strides (transposed views included, no copies): torch 1.13
// without MKL runs bmm as one multi-threaded OpenBLAS call per matrix, and attention's small matrices
// ([256,64]·[64,256] per head) reach 42-51 GFLOP/s that way against 70-89 with oneDNN on the benchmark
// machine (bench/bench-attention-matmul, docs/BENCHMARKS.md). Everywhere else (GPU, bf16, a build without
// oneDNN) it is torch::bmm.
torch::Tensor batchedMatmul(const torch::Tensor& a, const torch::Tensor& b);

// out = a·b by oneDNN on the tensors' own sizes and strides, without autograd: [..., m, k]·[..., k, n] into
// [..., m, n], batch dimensions broadcast where one side has size 1, each tensor float32 or bfloat16 (a
// bfloat16 product with a float32 `out` accumulates and stays in float32); `accumulate` adds the product
// to `out`. CPU tensors only. False when the build has no oneDNN or oneDNN has no kernel for these types
// on this CPU; `out` is then untouched.
bool oneDnnMatmulInto(const torch::Tensor& a, const torch::Tensor& b, torch::Tensor& out, bool accumulate = false);

}  // namespace srllm::core
