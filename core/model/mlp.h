#pragma once
// The SwiGLU feed-forward block of Llama/Mistral/Qwen2: down(silu(gate(x)) · up(x)).
// Dimensions: C hidden size, F intermediate size.
#include <string>

#include <torch/torch.h>

#include "core/model/projection.h"

namespace srllm::core {

class GatedMlpImpl : public torch::nn::Module {
public:
    GatedMlpImpl(int64_t hidden, int64_t intermediate);
    torch::Tensor forward(const torch::Tensor& x);  // [B,T,C] -> [B,T,C]

    // Visits gate_proj, up_proj, down_proj as "<prefix>.gate_proj" etc.
    void forEachProjection(const std::string& prefix, const ProjectionVisitor& visit);

private:
    ProjectionPtr m_gateProj;  // [F,C]
    ProjectionPtr m_upProj;    // [F,C]
    ProjectionPtr m_downProj;  // [C,F]
};
TORCH_MODULE(GatedMlp);

}  // namespace srllm::core
