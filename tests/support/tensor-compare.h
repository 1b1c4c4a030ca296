#pragma once
// The largest absolute difference of two tensors, compared in float64 (a float32 result against its
// float64 reference, typically).
#include <torch/torch.h>

namespace srllm::test {

inline double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

}  // namespace srllm::test
