#pragma once
// Root-mean-square layer norm (Llama): x / sqrt(mean(x²) + eps) · weight, computed in float32 as HF does.
#include <torch/torch.h>

namespace srllm::core {

// x [..., C] and weight [C] -> [..., C], with autograd. Contiguous float32 or bfloat16 CPU input takes one
// pass forward and one backward in float32 (the per-row 1/rms is kept between them) instead of the seven
// tensor operations of the textbook formula and their backward; anything else is computed by those
// operations. The result is bfloat16 for bfloat16 input and under CPU autocast (the products that read it
// run in bfloat16 there), float32 otherwise.
torch::Tensor rmsNorm(const torch::Tensor& x, const torch::Tensor& weight, double eps);

class RmsNormImpl : public torch::nn::Module {
public:
    RmsNormImpl(int64_t size, double eps);
    torch::Tensor forward(const torch::Tensor& x);  // [..., C] -> [..., C]

    torch::Tensor weight;  // [C]

private:
    double m_eps;
};
TORCH_MODULE(RmsNorm);

}  // namespace srllm::core
