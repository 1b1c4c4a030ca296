#include "core/model/gpt2.h"

#include <stdexcept>

namespace srllm::core {
namespace {

torch::nn::LayerNorm layerNorm(const ModelConfig& config) {
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.normEps));
}

}  // namespace

Gpt2AttentionImpl::Gpt2AttentionImpl(int64_t hidden, int64_t heads, int64_t layerIndex)
    : m_heads(heads), m_layerIndex(layerIndex) {
    m_cAttn = register_module<ProjectionImpl>("c_attn", std::make_shared<DenseProjection>(hidden, 3 * hidden, true));
    m_cProj = register_module<ProjectionImpl>("c_proj", std::make_shared<DenseProjection>(hidden, hidden, true));
}

torch::Tensor Gpt2AttentionImpl::forward(const torch::Tensor& x, const AttentionContext& context, int64_t keepLast) {
    const int64_t batch = x.size(0), count = x.size(1), hidden = x.size(2);
    // [B,T,3C] -> three [B,H,T,D]
    const auto qkv = m_cAttn->forward(x).reshape({batch, count, 3, m_heads, hidden / m_heads}).permute({2, 0, 3, 1, 4});
    auto k = qkv[1], v = qkv[2];
    if (context.cache) std::tie(k, v) = context.cache->append(m_layerIndex, k, v);  // [B,H,S,D]
    const int64_t queries = keepLastPositions(x, keepLast).size(1);
    return m_cProj->forward(attend(qkv[0].slice(2, count - queries), k, v, keepLastMaskRows(context.additiveMask, queries)));
}

void Gpt2AttentionImpl::forEachProjection(const std::string& prefix, const ProjectionVisitor& visit) {
    visit({prefix + ".c_attn", this, "c_attn", &m_cAttn});
    visit({prefix + ".c_proj", this, "c_proj", &m_cProj});
}

Gpt2MlpImpl::Gpt2MlpImpl(int64_t hidden, int64_t intermediate) {
    m_cFc = register_module<ProjectionImpl>("c_fc", std::make_shared<DenseProjection>(hidden, intermediate, true));
    m_cProj = register_module<ProjectionImpl>("c_proj", std::make_shared<DenseProjection>(intermediate, hidden, true));
}

torch::Tensor Gpt2MlpImpl::forward(const torch::Tensor& x) {
    return m_cProj->forward(torch::gelu(m_cFc->forward(x), "tanh"));  // gelu_new is GELU's tanh approximation
}

void Gpt2MlpImpl::forEachProjection(const std::string& prefix, const ProjectionVisitor& visit) {
    visit({prefix + ".c_fc", this, "c_fc", &m_cFc});
    visit({prefix + ".c_proj", this, "c_proj", &m_cProj});
}

Gpt2BlockImpl::Gpt2BlockImpl(const ModelConfig& config, int64_t layerIndex) {
    ln1 = register_module("ln_1", layerNorm(config));
    attn = register_module("attn", Gpt2Attention(config.hiddenSize, config.numHeads, layerIndex));
    ln2 = register_module("ln_2", layerNorm(config));
    mlp = register_module("mlp", Gpt2Mlp(config.hiddenSize, config.intermediateSize));
}

torch::Tensor Gpt2BlockImpl::forward(const torch::Tensor& x, const AttentionContext& context, int64_t keepLast) {
    const auto h = keepLastPositions(x, keepLast) + attn->forward(ln1->forward(x), context, keepLast);
    return h + mlp->forward(ln2->forward(h));
}

Gpt2BackboneImpl::Gpt2BackboneImpl(const ModelConfig& config) {
    wte = register_module("wte", torch::nn::Embedding(config.vocabSize, config.hiddenSize));
    wpe = register_module("wpe", torch::nn::Embedding(config.maxPositions, config.hiddenSize));
    h = register_module("h", torch::nn::ModuleList());
    for (int64_t i = 0; i < config.numLayers; ++i) h->push_back(Gpt2Block(config, i));
    lnF = register_module("ln_f", layerNorm(config));
}

Gpt2Impl::Gpt2Impl(const ModelConfig& config) : CausalLMImpl(config) {
    m_transformer = register_module("transformer", Gpt2Backbone(config));
}

torch::Tensor Gpt2Impl::forwardHidden(const torch::Tensor& inputIds, KvCache* cache, const torch::Tensor& attentionMask,
                                      int64_t logitsToKeep) {
    const int64_t past = cache ? cache->length() : 0;
    if (past + inputIds.size(1) > config().maxPositions)
        throw std::invalid_argument("GPT-2 sequence of " + std::to_string(past + inputIds.size(1)) +
                                    " positions exceeds n_positions " + std::to_string(config().maxPositions));
    auto x = m_transformer->wte->forward(inputIds);  // [B,T,C]
    const auto context = makeAttentionContext(inputIds, attentionMask, cache, x.scalar_type());
    x = x + m_transformer->wpe->forward(context.positions);
    const auto& blocks = *m_transformer->h;
    for (size_t i = 0; i < blocks.size(); ++i)
        x = blocks[i]->as<Gpt2BlockImpl>()->forward(x, context, i + 1 == blocks.size() ? logitsToKeep : 0);
    if (cache) cache->endStep(inputIds.size(1));
    return m_transformer->lnF->forward(x);
}

torch::Tensor Gpt2Impl::projectVocabulary(const torch::Tensor& hidden) {
    return torch::nn::functional::linear(hidden, m_transformer->wte->weight);  // [B,T,V], tied lm_head
}

void Gpt2Impl::forEachProjection(const ProjectionVisitor& visit) {
    int64_t i = 0;
    for (const auto& block : *m_transformer->h) {
        auto* gpt2Block = block->as<Gpt2BlockImpl>();
        const std::string prefix = "transformer.h." + std::to_string(i++);
        gpt2Block->attn->forEachProjection(prefix + ".attn", visit);
        gpt2Block->mlp->forEachProjection(prefix + ".mlp", visit);
    }
}

bool Gpt2Impl::storedTransposed(const std::string& key) const {
    for (const char* name : kGpt2Conv1DNames)
        if (key.ends_with(std::string(".") + name + ".weight")) return true;
    return false;
}

}  // namespace srllm::core
