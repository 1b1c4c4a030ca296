#pragma once
// Llama-family causal LM (LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM: one forward pass,
// differences are config flags from the architecture table).
//
// Dimension legend: B batch, T new tokens, S all positions, C hidden_size, H num_attention_heads,
// Hkv num_key_value_heads, D = C/H head size, F intermediate_size, V vocab_size, L num_hidden_layers.
//
// HF key -> tensor (shape), for each layer i < L; Qwen2 adds q/k/v_proj.bias ([H·D], [Hkv·D], [Hkv·D]):
//   model.embed_tokens.weight                         [V, C]
//   model.layers.i.input_layernorm.weight             [C]
//   model.layers.i.self_attn.q_proj.weight            [H·D, C]
//   model.layers.i.self_attn.k_proj.weight            [Hkv·D, C]
//   model.layers.i.self_attn.v_proj.weight            [Hkv·D, C]
//   model.layers.i.self_attn.o_proj.weight            [C, H·D]
//   model.layers.i.post_attention_layernorm.weight    [C]
//   model.layers.i.mlp.gate_proj.weight               [F, C]
//   model.layers.i.mlp.up_proj.weight                 [F, C]
//   model.layers.i.mlp.down_proj.weight               [C, F]
//   model.norm.weight                                 [C]
//   lm_head.weight                                    [V, C]   (absent when tie_word_embeddings)
#include "core/model/attention.h"
#include "core/model/causal-lm.h"
#include "core/model/mlp.h"
#include "core/model/rms-norm.h"

namespace srllm::core {

class LlamaDecoderLayerImpl : public torch::nn::Module {
public:
    LlamaDecoderLayerImpl(const ModelConfig& config, int64_t layerIndex);
    // x [B,T,C] -> [B,T,C], or [B,n,C] for keepLast = n > 0 (see SelfAttentionImpl::forward)
    torch::Tensor forward(const torch::Tensor& x, const AttentionContext& context, const torch::Tensor& cos,
                          const torch::Tensor& sin, int64_t keepLast = 0);

    SelfAttention selfAttn{nullptr};
    GatedMlp mlp{nullptr};
    RmsNorm inputLayernorm{nullptr};
    RmsNorm postAttentionLayernorm{nullptr};
};
TORCH_MODULE(LlamaDecoderLayer);

// The "model." part of the HF state dict: embeddings, layers, final norm.
class LlamaBackboneImpl : public torch::nn::Module {
public:
    explicit LlamaBackboneImpl(const ModelConfig& config);

    torch::nn::Embedding embedTokens{nullptr};
    torch::nn::ModuleList layers{nullptr};
    RmsNorm norm{nullptr};
};
TORCH_MODULE(LlamaBackbone);

class LlamaImpl : public CausalLMImpl {
public:
    explicit LlamaImpl(const ModelConfig& config);
    torch::Tensor forwardHidden(const torch::Tensor& inputIds, KvCache* cache = nullptr,
                                const torch::Tensor& attentionMask = {}, int64_t logitsToKeep = 0) override;
    torch::Tensor projectVocabulary(const torch::Tensor& hidden) override;
    torch::Tensor plainHeadWeight() override;
    void forEachProjection(const ProjectionVisitor& visit) override;

private:
    LlamaBackbone m_model{nullptr};
    ProjectionPtr m_lmHead;  // [V,C]; null when tied to the embedding
    RotaryEmbedding m_rotary;
};

}  // namespace srllm::core
