#include "core/lora/lora-linear.h"

#include <cmath>

#include "core/lora/lora-config.h"
#include "core/lora/nf4-linear.h"
#include "core/model/autocast-scope.h"
#include "core/model/dropout.h"

namespace srllm::core {

LoraLinearImpl::LoraLinearImpl(ProjectionPtr base, int64_t rank, double alpha, double dropout, bool useRslora)
    : m_base(std::move(base)),
      m_scaling(useRslora ? alpha / std::sqrt(static_cast<double>(rank)) : alpha / static_cast<double>(rank)),
      m_dropout(dropout) {
    TORCH_CHECK(rank > 0, "LoRA rank must be positive");
    register_module("base_layer", m_base);  // PEFT's name for the wrapped layer
    for (auto& p : m_base->parameters()) p.set_requires_grad(false);
    loraA = register_parameter("lora_A", torch::empty({rank, m_base->inFeatures()}));
    loraB = register_parameter("lora_B", torch::zeros({m_base->outFeatures(), rank}));
    torch::NoGradGuard noGrad;
    torch::nn::init::kaiming_uniform_(loraA, std::sqrt(5.0));  // PEFT reset_lora_parameters
}

LoraLinearImpl::LoraLinearImpl(ProjectionPtr base, const LoraConfig& config)
    : LoraLinearImpl(std::move(base), config.rank, config.alpha, config.dropout, config.useRslora) {}

torch::Tensor LoraLinearImpl::forward(const torch::Tensor& x) {
    if (m_merged) return m_merged->forward(x);
    auto y = m_base->forward(x);  // [..., out]
    if (!m_enabled) return y;
    auto h = m_dropout > 0.0 && is_training() ? fastDropout(x, m_dropout) : x;
    // Under autocast the matmuls pick bf16 themselves; otherwise match the adapter's float32.
    if (!AutocastScope::active()) h = h.to(loraA.scalar_type());
    auto delta = torch::matmul(torch::matmul(h, loraA.t()), loraB.t());  // [..., r] -> [..., out]
    return y.add_(delta.to(y.scalar_type()), m_scaling);
}

std::shared_ptr<DenseProjection> LoraLinearImpl::mergedCopy() const {
    torch::NoGradGuard noGrad;
    const auto bias = denseBiasOf(*m_base);
    auto weight = denseWeightOf(*m_base) + m_scaling * torch::matmul(loraB.to(torch::kFloat32), loraA.to(torch::kFloat32));
    const auto* dense = dynamic_cast<const DenseProjection*>(m_base.get());
    const auto dtype = dense ? dense->weight.scalar_type() : torch::kFloat32;
    auto out = std::make_shared<DenseProjection>(inFeatures(), outFeatures(), bias.defined());
    out->weight.set_data(weight.to(dtype));
    if (bias.defined()) out->bias.set_data(bias.to(dtype).clone());
    for (auto& p : out->parameters()) p.set_requires_grad(false);
    return out;
}

void LoraLinearImpl::merge() { m_merged = mergedCopy(); }

void LoraLinearImpl::unmerge() { m_merged.reset(); }

torch::Tensor denseWeightOf(const ProjectionImpl& projection) {
    if (const auto* dense = dynamic_cast<const DenseProjection*>(&projection)) {
        return dense->weight.detach().to(torch::kFloat32);
    }
    if (const auto* nf4 = dynamic_cast<const Nf4ProjectionImpl*>(&projection)) return nf4->dequantizedWeight();
    throw std::invalid_argument("denseWeightOf: the projection is neither dense nor NF4 (nested LoRA?)");
}

torch::Tensor denseBiasOf(const ProjectionImpl& projection) {
    if (const auto* dense = dynamic_cast<const DenseProjection*>(&projection)) return dense->bias;
    if (const auto* nf4 = dynamic_cast<const Nf4ProjectionImpl*>(&projection)) return nf4->bias();
    throw std::invalid_argument("denseBiasOf: the projection is neither dense nor NF4 (nested LoRA?)");
}

}  // namespace srllm::core
