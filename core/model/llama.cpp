#include "core/model/llama.h"

namespace srllm::core {

LlamaDecoderLayerImpl::LlamaDecoderLayerImpl(const ModelConfig& config, int64_t layerIndex) {
    selfAttn = register_module("self_attn", SelfAttention(config.hiddenSize, config.numHeads, config.numKvHeads,
                                                          config.qkvBias, layerIndex));
    mlp = register_module("mlp", GatedMlp(config.hiddenSize, config.intermediateSize));
    inputLayernorm = register_module("input_layernorm", RmsNorm(config.hiddenSize, config.normEps));
    postAttentionLayernorm = register_module("post_attention_layernorm", RmsNorm(config.hiddenSize, config.normEps));
}

torch::Tensor LlamaDecoderLayerImpl::forward(const torch::Tensor& x, const AttentionContext& context,
                                             const torch::Tensor& cos, const torch::Tensor& sin, int64_t keepLast) {
    const auto h = keepLastPositions(x, keepLast) +
                   selfAttn->forward(inputLayernorm->forward(x), context, cos, sin, keepLast);  // [B,T|n,C]
    return h + mlp->forward(postAttentionLayernorm->forward(h));
}

LlamaBackboneImpl::LlamaBackboneImpl(const ModelConfig& config) {
    embedTokens = register_module("embed_tokens", torch::nn::Embedding(config.vocabSize, config.hiddenSize));
    layers = register_module("layers", torch::nn::ModuleList());
    for (int64_t i = 0; i < config.numLayers; ++i) layers->push_back(LlamaDecoderLayer(config, i));
    norm = register_module("norm", RmsNorm(config.hiddenSize, config.normEps));
}

LlamaImpl::LlamaImpl(const ModelConfig& config)
    : CausalLMImpl(config), m_rotary(config.headDim(), config.ropeTheta, config.ropeScaling) {
    m_model = register_module("model", LlamaBackbone(config));
    if (!config.tieWordEmbeddings)
        m_lmHead = register_module<ProjectionImpl>(
            "lm_head", std::make_shared<DenseProjection>(config.hiddenSize, config.vocabSize, false));
}

torch::Tensor LlamaImpl::forwardHidden(const torch::Tensor& inputIds, KvCache* cache, const torch::Tensor& attentionMask,
                                       int64_t logitsToKeep) {
    auto x = m_model->embedTokens->forward(inputIds);  // [B,T,C]
    const auto context = makeAttentionContext(inputIds, attentionMask, cache, x.scalar_type(), config().slidingWindow);
    const auto [cos, sin] = m_rotary.cosSin(context.positions, x.scalar_type());  // [B,1,T,D]
    const auto& layers = *m_model->layers;
    for (size_t i = 0; i < layers.size(); ++i)
        x = layers[i]->as<LlamaDecoderLayerImpl>()->forward(x, context, cos, sin,
                                                            i + 1 == layers.size() ? logitsToKeep : 0);
    if (cache) cache->endStep(inputIds.size(1));
    return m_model->norm->forward(x);
}

torch::Tensor LlamaImpl::projectVocabulary(const torch::Tensor& hidden) {
    return m_lmHead ? m_lmHead->forward(hidden) : torch::nn::functional::linear(hidden, m_model->embedTokens->weight);  // [B,T,V]
}

torch::Tensor LlamaImpl::plainHeadWeight() {
    if (!m_lmHead) return m_model->embedTokens->weight;
    const auto* dense = dynamic_cast<const DenseProjection*>(m_lmHead.get());
    return dense && !dense->bias.defined() ? dense->weight : torch::Tensor();
}

void LlamaImpl::forEachProjection(const ProjectionVisitor& visit) {
    int64_t i = 0;
    for (const auto& layer : *m_model->layers) {
        auto* decoder = layer->as<LlamaDecoderLayerImpl>();
        const std::string prefix = "model.layers." + std::to_string(i++);
        decoder->selfAttn->forEachProjection(prefix + ".self_attn", visit);
        decoder->mlp->forEachProjection(prefix + ".mlp", visit);
    }
    if (m_lmHead) visit({"lm_head", this, "lm_head", &m_lmHead});
}

}  // namespace srllm::core
