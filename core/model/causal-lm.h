#pragma once
// The interface every causal language model implements (core/model/llama.*, core/model/gpt2.*), so the
// generator, the trainer and LoRA work with any of them.
#include <memory>

#include <torch/torch.h>

#include "core/model/kv-cache.h"
#include "core/model/model-config.h"
#include "core/model/projection.h"

namespace srllm::core {

class CausalLMImpl : public torch::nn::Module {
public:
    explicit CausalLMImpl(ModelConfig config) : m_config(std::move(config)) {}
    ~CausalLMImpl() override = default;

    // inputIds [B,T] int64 -> logits [B,T,V] (float, in the parameters' dtype).
    // cache: when given, attends to its past and appends this step's keys/values.
    // attentionMask: [B,T] for the new tokens, 1=real 0=pad (left padding); undefined = all real.
    // logitsToKeep: 0 = logits for every position; n > 0 = only the last n ([B,n,V]), which spares
    // generation the vocabulary projection of every prompt position (HF's logits_to_keep) and the last
    // layer everything but its keys and values there.
    // Not thread-safe on one model: one forward at a time.
    torch::Tensor forward(const torch::Tensor& inputIds, KvCache* cache = nullptr, const torch::Tensor& attentionMask = {},
                          int64_t logitsToKeep = 0) {
        return projectVocabulary(forwardHidden(inputIds, cache, attentionMask, logitsToKeep));
    }

    // forward() in two halves: the hidden states after the final norm, [B,T,C] (or [B,n,C]), and the
    // vocabulary projection of them. The trainer's loss (core/train/chunked-cross-entropy.h) multiplies
    // the hidden states by the head weight in row chunks instead of holding [B,T,V] logits.
    virtual torch::Tensor forwardHidden(const torch::Tensor& inputIds, KvCache* cache = nullptr,
                                        const torch::Tensor& attentionMask = {}, int64_t logitsToKeep = 0) = 0;
    virtual torch::Tensor projectVocabulary(const torch::Tensor& hidden) = 0;
    // The head's weight [V,C] when projectVocabulary is a plain product with it (an untied dense lm_head,
    // or the tied embedding table); undefined when the head is a LoRA or NF4 projection.
    virtual torch::Tensor plainHeadWeight() = 0;

    // Visits every linear projection inside attention and MLP blocks (and lm_head when it is not tied),
    // in model order, with its HF-qualified name ("model.layers.0.self_attn.q_proj",
    // "transformer.h.0.attn.c_attn"), so LoRA can match target modules by suffix and replace them.
    virtual void forEachProjection(const ProjectionVisitor& visit) = 0;

    // HF state-dict keys whose tensors are stored transposed ([in,out], GPT-2 Conv1D) in HF files,
    // while named_parameters() holds them as [out,in]. The loader and saver transpose these.
    virtual bool storedTransposed(const std::string& key) const { return false; }

    const ModelConfig& config() const { return m_config; }

private:
    ModelConfig m_config;
};
using CausalLM = std::shared_ptr<CausalLMImpl>;

}  // namespace srllm::core
