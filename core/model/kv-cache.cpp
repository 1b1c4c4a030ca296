#include "core/model/kv-cache.h"

#include <stdexcept>

namespace srllm::core {
namespace {

constexpr int64_t kMinCapacity = 64;  // first allocation; avoids regrowing for short prompts

// Returns `storage` with room for `needed` positions along dim 2, keeping the first `used` positions.
torch::Tensor ensureCapacity(const torch::Tensor& storage, const torch::Tensor& like, int64_t used, int64_t needed) {
    if (storage.defined() && storage.size(2) >= needed) return storage;
    const int64_t capacity = std::max({needed, kMinCapacity, storage.defined() ? 2 * storage.size(2) : int64_t{0}});
    auto grown = torch::empty({like.size(0), like.size(1), capacity, like.size(3)}, like.options());
    if (used > 0) grown.slice(2, 0, used).copy_(storage.slice(2, 0, used));
    return grown;
}

}  // namespace

KvCache::KvCache(int64_t numLayers) : m_keys(numLayers), m_values(numLayers) {}

void KvCache::clear() {
    for (auto& k : m_keys) k = torch::Tensor();
    for (auto& v : m_values) v = torch::Tensor();
    m_mask = torch::Tensor();
    m_length = 0;
}

void KvCache::beginStep(const torch::Tensor& newMask) {
    if (m_length == 0) {
        m_mask = newMask;
        return;
    }
    if (newMask.size(0) != m_mask.size(0))
        throw std::invalid_argument("KvCache: batch of " + std::to_string(newMask.size(0)) + " rows, cache holds " +
                                    std::to_string(m_mask.size(0)) + " (hint: clear() between batches)");
    m_mask = torch::cat({m_mask.slice(1, 0, m_length), newMask}, 1);
}

std::pair<torch::Tensor, torch::Tensor> KvCache::append(int64_t layer, const torch::Tensor& keys,
                                                        const torch::Tensor& values) {
    const int64_t total = m_length + keys.size(2);
    m_keys[layer] = ensureCapacity(m_keys[layer], keys, m_length, total);
    m_values[layer] = ensureCapacity(m_values[layer], values, m_length, total);
    m_keys[layer].slice(2, m_length, total).copy_(keys);
    m_values[layer].slice(2, m_length, total).copy_(values);
    return {m_keys[layer].slice(2, 0, total), m_values[layer].slice(2, 0, total)};
}

void KvCache::endStep(int64_t newTokens) { m_length += newTokens; }

void KvCache::keepRows(const torch::Tensor& rows) {
    for (auto& k : m_keys)
        if (k.defined()) k = k.index_select(0, rows);
    for (auto& v : m_values)
        if (v.defined()) v = v.index_select(0, rows);
    if (m_mask.defined()) m_mask = m_mask.index_select(0, rows);
}

std::pair<torch::Tensor, torch::Tensor> KvCache::layer(int64_t layer) const {
    if (!m_keys[layer].defined()) return {};
    return {m_keys[layer].slice(2, 0, m_length), m_values[layer].slice(2, 0, m_length)};
}

}  // namespace srllm::core
