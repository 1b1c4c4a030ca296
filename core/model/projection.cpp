#include "core/model/projection.h"

#include <c10/core/impl/LocalDispatchKeySet.h>

#include "core/kernels/cpu-features.h"
#include "core/model/autocast-scope.h"

namespace srllm::core {

DenseProjection::DenseProjection(int64_t in, int64_t out, bool withBias) {
    weight = register_parameter("weight", torch::empty({out, in}));
    // Same default init as torch.nn.Linear, so a freshly built model trains like the Python peer.
    torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
    if (withBias) {
        const double bound = 1.0 / std::sqrt(static_cast<double>(in));
        bias = register_parameter("bias", torch::empty({out}).uniform_(-bound, bound));
    }
}

torch::Tensor DenseProjection::forward(const torch::Tensor& x) {
    // Without AMX torch's bf16 products are slower than float32 (half the rate with AVX-512 BF16, docs/BENCHMARKS.md),
    // so a frozen float32 weight (LoRA's base) multiplies in float32 under CPU bf16 autocast; the result stays bf16.
    if (x.is_cpu() && !weight.requires_grad() && weight.scalar_type() == torch::kFloat32 && !cpuFeatures().amxBf16 &&
        AutocastScope::cpuDtype() == torch::kBFloat16) {
        const c10::impl::ExcludeDispatchKeyGuard noAutocast(c10::DispatchKey::AutocastCPU);
        return torch::nn::functional::linear(x.to(torch::kFloat32), weight, bias).to(torch::kBFloat16);
    }
    return torch::nn::functional::linear(x, weight, bias);
}

void replaceProjection(const ProjectionSlot& slot, ProjectionPtr replacement) {
    slot.owner->replace_module(slot.shortName, replacement);
    *slot.member = std::move(replacement);
}

}  // namespace srllm::core
