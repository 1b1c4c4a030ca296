#pragma once
// GPT-2 causal LM (GPT2LMHeadModel): learned positions, pre-LayerNorm blocks, gelu_new MLP, lm_head tied
// to the token embedding.
//
// Dimension legend: B batch, T new tokens, S all positions, C n_embd, H n_head, D = C/H head size,
// F n_inner (4·C), V vocab_size, P n_positions, L n_layer.
//
// HF key -> tensor (shape as stored in HF files), for each block i < L. HF's Conv1D stores weights
// [in, out]; the Conv1D transpose list below names them, and the model holds them as [out, in]:
//   transformer.wte.weight                [V, C]
//   transformer.wpe.weight                [P, C]
//   transformer.h.i.ln_1.weight / .bias   [C]
//   transformer.h.i.attn.c_attn.weight    [C, 3C]  (transposed)   .bias [3C]
//   transformer.h.i.attn.c_proj.weight    [C, C]   (transposed)   .bias [C]
//   transformer.h.i.ln_2.weight / .bias   [C]
//   transformer.h.i.mlp.c_fc.weight       [C, F]   (transposed)   .bias [F]
//   transformer.h.i.mlp.c_proj.weight     [F, C]   (transposed)   .bias [C]
//   transformer.ln_f.weight / .bias       [C]
#include <string>

#include "core/model/attention.h"
#include "core/model/causal-lm.h"

namespace srllm::core {

// The Conv1D transpose list: projections HF GPT-2 stores as [in, out].
inline constexpr const char* kGpt2Conv1DNames[] = {"c_attn", "c_proj", "c_fc"};

class Gpt2AttentionImpl : public torch::nn::Module {
public:
    Gpt2AttentionImpl(int64_t hidden, int64_t heads, int64_t layerIndex);
    // [B,T,C] -> [B,T,C], or [B,n,C] for keepLast = n > 0 (see SelfAttentionImpl::forward)
    torch::Tensor forward(const torch::Tensor& x, const AttentionContext& context, int64_t keepLast = 0);
    void forEachProjection(const std::string& prefix, const ProjectionVisitor& visit);

private:
    int64_t m_heads;
    int64_t m_layerIndex;
    ProjectionPtr m_cAttn;  // [3C, C]: q, k, v stacked
    ProjectionPtr m_cProj;  // [C, C]
};
TORCH_MODULE(Gpt2Attention);

class Gpt2MlpImpl : public torch::nn::Module {
public:
    Gpt2MlpImpl(int64_t hidden, int64_t intermediate);
    torch::Tensor forward(const torch::Tensor& x);  // [B,T,C] -> [B,T,C]
    void forEachProjection(const std::string& prefix, const ProjectionVisitor& visit);

private:
    ProjectionPtr m_cFc;    // [F, C]
    ProjectionPtr m_cProj;  // [C, F]
};
TORCH_MODULE(Gpt2Mlp);

class Gpt2BlockImpl : public torch::nn::Module {
public:
    Gpt2BlockImpl(const ModelConfig& config, int64_t layerIndex);
    // [B,T,C] -> [B,T,C], or [B,n,C] for keepLast = n > 0
    torch::Tensor forward(const torch::Tensor& x, const AttentionContext& context, int64_t keepLast = 0);

    torch::nn::LayerNorm ln1{nullptr};
    Gpt2Attention attn{nullptr};
    torch::nn::LayerNorm ln2{nullptr};
    Gpt2Mlp mlp{nullptr};
};
TORCH_MODULE(Gpt2Block);

// The "transformer." part of the HF state dict.
class Gpt2BackboneImpl : public torch::nn::Module {
public:
    explicit Gpt2BackboneImpl(const ModelConfig& config);

    torch::nn::Embedding wte{nullptr};
    torch::nn::Embedding wpe{nullptr};
    torch::nn::ModuleList h{nullptr};
    torch::nn::LayerNorm lnF{nullptr};
};
TORCH_MODULE(Gpt2Backbone);

class Gpt2Impl : public CausalLMImpl {
public:
    explicit Gpt2Impl(const ModelConfig& config);
    torch::Tensor forwardHidden(const torch::Tensor& inputIds, KvCache* cache = nullptr,
                                const torch::Tensor& attentionMask = {}, int64_t logitsToKeep = 0) override;
    torch::Tensor projectVocabulary(const torch::Tensor& hidden) override;
    torch::Tensor plainHeadWeight() override { return m_transformer->wte->weight; }
    void forEachProjection(const ProjectionVisitor& visit) override;
    bool storedTransposed(const std::string& key) const override;

private:
    Gpt2Backbone m_transformer{nullptr};
};

}  // namespace srllm::core
