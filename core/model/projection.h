#pragma once
// A linear map y = x·Wᵀ + b that models hold by pointer, so LoRA and NF4 wrappers can replace any
// projection in place (PEFT's base_layer idea) without the model knowing which kind it holds.
#include <functional>
#include <memory>
#include <string>

#include <torch/torch.h>

namespace srllm::core {

class ProjectionImpl : public torch::nn::Module {
public:
    ~ProjectionImpl() override = default;
    virtual torch::Tensor forward(const torch::Tensor& x) = 0;  // [..., in] -> [..., out]
    virtual int64_t inFeatures() const = 0;
    virtual int64_t outFeatures() const = 0;
};
using ProjectionPtr = std::shared_ptr<ProjectionImpl>;

// The plain dense layer models are built from: weight [out, in] (HF nn.Linear layout), optional bias [out].
class DenseProjection : public ProjectionImpl {
public:
    DenseProjection(int64_t in, int64_t out, bool bias);
    torch::Tensor forward(const torch::Tensor& x) override;
    int64_t inFeatures() const override { return weight.size(1); }
    int64_t outFeatures() const override { return weight.size(0); }

    torch::Tensor weight;  // [out, in]
    torch::Tensor bias;    // [out] or undefined
};

// One replaceable projection inside a model: its HF-qualified name ("model.layers.3.self_attn.q_proj"),
// the module that registered it, the short name it is registered under, and the member pointer the
// forward pass calls through.
struct ProjectionSlot {
    std::string qualifiedName;
    torch::nn::Module* owner = nullptr;
    std::string shortName;
    ProjectionPtr* member = nullptr;
};
using ProjectionVisitor = std::function<void(const ProjectionSlot&)>;

// Swaps the projection in a slot: updates both the member pointer the forward pass uses and the
// owner's registered child, so named_parameters() and state dicts see the new module.
void replaceProjection(const ProjectionSlot& slot, ProjectionPtr replacement);

}  // namespace srllm::core
