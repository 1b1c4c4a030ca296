#include "core/model/attention.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/model/batched-matmul.h"
#include "core/model/fused-attention.h"

namespace srllm::core {

AttentionContext makeAttentionContext(const torch::Tensor& inputIds, const torch::Tensor& attentionMask,
                                      KvCache* cache, torch::Dtype dtype, std::optional<int64_t> slidingWindow) {
    const int64_t batch = inputIds.size(0);
    const int64_t count = inputIds.size(1);
    const auto device = inputIds.device();
    const auto newMask = attentionMask.defined()
                             ? attentionMask.to(device).to(torch::kBool)
                             : torch::ones({batch, count}, torch::TensorOptions().dtype(torch::kBool).device(device));
    const int64_t past = cache ? cache->length() : 0;
    if (cache) cache->beginStep(newMask);
    const auto& fullMask = cache ? cache->fullMask() : newMask;  // [B,S]

    AttentionContext context;
    context.cache = cache;
    const auto realBefore = fullMask.to(torch::kInt64).cumsum(1) - 1;  // [B,S]
    context.positions = realBefore.slice(1, past, past + count).clamp_min(0);
    const bool padded = !fullMask.all().item<bool>();
    const int64_t total = past + count;
    const bool windowed = slidingWindow && total > *slidingWindow;
    if (count == 1 && !padded && !windowed) return context;  // one query sees every cached key: nothing to mask

    const auto options = torch::TensorOptions().dtype(torch::kInt64).device(device);
    const auto queryPos = torch::arange(past, total, options).unsqueeze(1);     // [T,1]
    const auto keyPos = torch::arange(0, total, options).unsqueeze(0);          // [1,S]
    auto visible = keyPos <= queryPos;                                           // [T,S]
    if (windowed) visible = visible & (keyPos > queryPos - *slidingWindow);
    auto allowed = visible.unsqueeze(0).expand({batch, count, total});           // [B,T,S]
    if (padded) allowed = allowed & fullMask.unsqueeze(1);
    // The dtype's lowest value rather than -inf: a padding query with no allowed key gets a uniform
    // (ignored) distribution instead of NaN, as in HF.
    const double lowest = dtype == torch::kFloat64 ? std::numeric_limits<double>::lowest()
                          : dtype == torch::kFloat16 ? -65504.0
                          : dtype == torch::kBFloat16 ? -3.3895313892515355e38
                                                      : std::numeric_limits<float>::lowest();
    context.additiveMask = torch::zeros({batch, 1, count, total}, torch::TensorOptions().dtype(dtype).device(device))
                               .masked_fill_(allowed.logical_not().unsqueeze(1), lowest);
    return context;
}

namespace {

// One block of attend(): scaled queries [B,H,t,D], keys/values [B,Hkv,s,D], mask [B,1,t,s] -> [B,H,t,D].
torch::Tensor attendBlock(const torch::Tensor& scaledQ, const torch::Tensor& keys, const torch::Tensor& values,
                          const torch::Tensor& additiveMask) {
    const int64_t batch = scaledQ.size(0), heads = scaledQ.size(1), count = scaledQ.size(2), headDim = scaledQ.size(3);
    const int64_t kvHeads = keys.size(1), total = keys.size(2);
    const int64_t group = heads / kvHeads;
    // [B,H,t,D] -> [B·Hkv,G·t,D]: head h = j·G + g uses key/value head j (HF repeat_kv order).
    const auto grouped = scaledQ.reshape({batch * kvHeads, group * count, headDim});
    auto scores = batchedMatmul(grouped, keys.transpose(-1, -2).reshape({batch * kvHeads, headDim, total}))
                      .view({batch, heads, count, total});  // [B,H,t,s]
    if (additiveMask.defined()) scores = scores + additiveMask;
    const auto probs = torch::softmax(scores, -1, torch::kFloat32).to(scaledQ.scalar_type());
    return batchedMatmul(probs.view({batch * kvHeads, group * count, total}), values.reshape({batch * kvHeads, total, headDim}))
        .view({batch, heads, count, headDim});
}

}  // namespace

torch::Tensor attend(const torch::Tensor& q, const torch::Tensor& keys, const torch::Tensor& values,
                     const torch::Tensor& additiveMask, int64_t queryBlock) {
    const int64_t batch = q.size(0), heads = q.size(1), count = q.size(2), headDim = q.size(3);
    const int64_t past = keys.size(2) - count;  // cached positions before the first query
    const double scale = 1.0 / std::sqrt(static_cast<double>(headDim));
    const bool fused = fusedAttentionCovers(q, keys, values);
    const auto scaled = fused ? q : q * scale;
    // One block of queries [B,H,t,D] against the keys they may see -> [B,t,H·D].
    const auto block = [&](const torch::Tensor& qs, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& mask) {
        if (fused) return fusedAttention(qs, k, v, mask, scale);
        return attendBlock(qs, k, v, mask).transpose(1, 2).reshape({batch, qs.size(2), heads * headDim});
    };
    if (!additiveMask.defined() || count < 2 * queryBlock) return block(scaled, keys, values, additiveMask);
    std::vector<torch::Tensor> blocks;
    for (int64_t first = 0; first < count; first += queryBlock) {
        const int64_t last = std::min(count, first + queryBlock);  // one past the block's last query
        const int64_t visible = past + last;                        // keys any query of the block may see
        blocks.push_back(block(scaled.slice(2, first, last), keys.slice(2, 0, visible), values.slice(2, 0, visible),
                               additiveMask.slice(2, first, last).slice(3, 0, visible)));
    }
    return torch::cat(blocks, 1);
}

SelfAttentionImpl::SelfAttentionImpl(int64_t hidden, int64_t heads, int64_t kvHeads, bool qkvBias, int64_t layerIndex)
    : m_heads(heads), m_kvHeads(kvHeads), m_headDim(hidden / heads), m_layerIndex(layerIndex) {
    m_qProj = register_module<ProjectionImpl>("q_proj", std::make_shared<DenseProjection>(hidden, heads * m_headDim, qkvBias));
    m_kProj = register_module<ProjectionImpl>("k_proj", std::make_shared<DenseProjection>(hidden, kvHeads * m_headDim, qkvBias));
    m_vProj = register_module<ProjectionImpl>("v_proj", std::make_shared<DenseProjection>(hidden, kvHeads * m_headDim, qkvBias));
    m_oProj = register_module<ProjectionImpl>("o_proj", std::make_shared<DenseProjection>(heads * m_headDim, hidden, false));
}

torch::Tensor SelfAttentionImpl::forward(const torch::Tensor& x, const AttentionContext& context,
                                         const torch::Tensor& cos, const torch::Tensor& sin, int64_t keepLast) {
    const int64_t batch = x.size(0), count = x.size(1);
    const auto queryInput = keepLastPositions(x, keepLast);
    const int64_t queries = queryInput.size(1), skipped = count - queries;
    auto q = m_qProj->forward(queryInput).reshape({batch, queries, m_heads, m_headDim}).transpose(1, 2);  // [B,H,n,D]
    auto k = m_kProj->forward(x).reshape({batch, count, m_kvHeads, m_headDim}).transpose(1, 2);          // [B,Hkv,T,D]
    auto v = m_vProj->forward(x).reshape({batch, count, m_kvHeads, m_headDim}).transpose(1, 2);          // [B,Hkv,T,D]
    q = RotaryEmbedding::apply(q, cos.slice(2, skipped), sin.slice(2, skipped));
    k = RotaryEmbedding::apply(k, cos, sin);
    if (context.cache) std::tie(k, v) = context.cache->append(m_layerIndex, k, v);                    // [B,Hkv,S,D]
    return m_oProj->forward(attend(q, k, v, keepLastMaskRows(context.additiveMask, queries)));
}

void SelfAttentionImpl::forEachProjection(const std::string& prefix, const ProjectionVisitor& visit) {
    visit({prefix + ".q_proj", this, "q_proj", &m_qProj});
    visit({prefix + ".k_proj", this, "k_proj", &m_kProj});
    visit({prefix + ".v_proj", this, "v_proj", &m_vProj});
    visit({prefix + ".o_proj", this, "o_proj", &m_oProj});
}

}  // namespace srllm::core
