#pragma once
// Inverted dropout whose mask comes from a counter-based hash (splitmix64 of seed + index) filled in
// parallel, instead of torch's sequential Mersenne-Twister bernoulli_, which costs more than the LoRA
// matmuls it feeds on a CPU. The seed is drawn from torch's default CPU generator, so
// torch::manual_seed still makes a run reproducible. Non-CPU tensors use torch::dropout.
#include <torch/torch.h>

namespace srllm::core {

// A mask of `sizes` holding 0 with probability p and 1/(1-p) otherwise, in dtype. 0 <= p < 1.
torch::Tensor dropoutMask(at::IntArrayRef sizes, double p, torch::Dtype dtype);

// x with each element zeroed with probability p and the rest scaled by 1/(1-p) (training mode).
torch::Tensor fastDropout(const torch::Tensor& x, double p);

}  // namespace srllm::core
