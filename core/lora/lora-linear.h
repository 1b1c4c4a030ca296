#pragma once
// LoRA (Hu et al. 2021) as PEFT implements it: y = base(x) + scaling · (dropout(x)·Aᵀ)·Bᵀ with the base
// projection (PEFT's base_layer: dense, or NF4 for QLoRA) frozen and only A [r,in] and B [out,r] trained.
#include <optional>

#include <torch/torch.h>

#include "core/model/projection.h"

namespace srllm::core {

struct LoraConfig;

class LoraLinearImpl : public ProjectionImpl {
public:
    // Wraps `base` (and freezes it): A Kaiming-uniform (a = √5), B zeros, so the wrapper starts out
    // computing exactly base(x) (PEFT init_lora_weights=True).
    LoraLinearImpl(ProjectionPtr base, int64_t rank, double alpha, double dropout, bool useRslora);
    LoraLinearImpl(ProjectionPtr base, const LoraConfig& config);

    torch::Tensor forward(const torch::Tensor& x) override;
    int64_t inFeatures() const override { return m_base->inFeatures(); }
    int64_t outFeatures() const override { return m_base->outFeatures(); }

    // Folds scaling·B·A into a dense copy of the base weight that forward then uses alone; the base
    // itself is never written (an NF4 base is dequantized for the copy, never re-quantized).
    void merge();
    // Drops the merged copy; forward is base + adapter again, with the base bit-identical to before.
    void unmerge();
    bool merged() const { return m_merged != nullptr; }
    // With the adapter disabled forward is base(x) only (PEFT disable_adapter).
    void setAdapterEnabled(bool enabled) { m_enabled = enabled; }
    bool adapterEnabled() const { return m_enabled; }

    // A new DenseProjection holding W + scaling·B·A and the base bias (PEFT merge_and_unload).
    std::shared_ptr<DenseProjection> mergedCopy() const;

    const ProjectionPtr& base() const { return m_base; }
    int64_t rank() const { return loraA.size(0); }
    double scaling() const { return m_scaling; }

    torch::Tensor loraA;  // [r, in]
    torch::Tensor loraB;  // [out, r]

private:
    ProjectionPtr m_base;
    std::shared_ptr<DenseProjection> m_merged;
    double m_scaling;
    double m_dropout;
    bool m_enabled = true;
};

// The base weight [out, in] of a dense or NF4 projection as float32 (NF4 dequantized); throws for others.
torch::Tensor denseWeightOf(const ProjectionImpl& projection);
// Its bias, or an undefined tensor.
torch::Tensor denseBiasOf(const ProjectionImpl& projection);

}  // namespace srllm::core
