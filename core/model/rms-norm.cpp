#include "core/model/rms-norm.h"

namespace srllm::core {

RmsNormImpl::RmsNormImpl(int64_t size, double eps) : m_eps(eps) {
    weight = register_parameter("weight", torch::ones({size}));
}

torch::Tensor RmsNormImpl::forward(const torch::Tensor& x) {
    const auto x32 = x.to(torch::kFloat32);
    const auto normed = x32 * torch::rsqrt(x32.pow(2).mean(-1, /*keepdim=*/true) + m_eps);
    return weight * normed.to(x.scalar_type());
}

}  // namespace srllm::core
