#include "core/model/mlp.h"

#include "core/model/swiglu.h"

namespace srllm::core {

GatedMlpImpl::GatedMlpImpl(int64_t hidden, int64_t intermediate) {
    m_gateProj = register_module<ProjectionImpl>("gate_proj", std::make_shared<DenseProjection>(hidden, intermediate, false));
    m_upProj = register_module<ProjectionImpl>("up_proj", std::make_shared<DenseProjection>(hidden, intermediate, false));
    m_downProj = register_module<ProjectionImpl>("down_proj", std::make_shared<DenseProjection>(intermediate, hidden, false));
}

torch::Tensor GatedMlpImpl::forward(const torch::Tensor& x) {
    return m_downProj->forward(swiglu(m_gateProj->forward(x), m_upProj->forward(x)));
}

void GatedMlpImpl::forEachProjection(const std::string& prefix, const ProjectionVisitor& visit) {
    visit({prefix + ".gate_proj", this, "gate_proj", &m_gateProj});
    visit({prefix + ".up_proj", this, "up_proj", &m_upProj});
    visit({prefix + ".down_proj", this, "down_proj", &m_downProj});
}

}  // namespace srllm::core
