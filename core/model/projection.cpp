#include "core/model/projection.h"

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
    return torch::nn::functional::linear(x, weight, bias);
}

void replaceProjection(const ProjectionSlot& slot, ProjectionPtr replacement) {
    slot.owner->replace_module(slot.shortName, replacement);
    *slot.member = std::move(replacement);
}

}  // namespace srllm::core
