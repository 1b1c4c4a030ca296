#pragma once
// Root-mean-square layer norm (Llama): x / sqrt(mean(x²) + eps) · weight, computed in float32 as HF does.
#include <torch/torch.h>

namespace srllm::core {

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
