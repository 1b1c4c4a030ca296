#include "core/model/rotary-embedding.h"

namespace srllm::core {

RotaryEmbedding::RotaryEmbedding(int64_t headDim, double theta) {
    const auto exponents = torch::arange(0, headDim, 2, torch::kInt64).to(torch::kFloat32) / static_cast<double>(headDim);
    m_inverseFrequency = 1.0 / torch::pow(theta, exponents);
}

std::pair<torch::Tensor, torch::Tensor> RotaryEmbedding::cosSin(const torch::Tensor& positions, torch::Dtype dtype) const {
    const auto inverse = m_inverseFrequency.to(positions.device());
    const auto angles = positions.to(torch::kFloat32).unsqueeze(-1) * inverse;  // [B,T,D/2]
    const auto both = torch::cat({angles, angles}, -1).unsqueeze(1);             // [B,1,T,D]
    return {both.cos().to(dtype), both.sin().to(dtype)};
}

torch::Tensor RotaryEmbedding::apply(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    const int64_t half = x.size(-1) / 2;
    const auto rotated = torch::cat({-x.slice(-1, half), x.slice(-1, 0, half)}, -1);
    return x * cos + rotated * sin;
}

}  // namespace srllm::core
