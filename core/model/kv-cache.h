#pragma once
// Keys and values of past positions, per layer, so generation feeds only the new tokens each step.
// Storage is preallocated and grows by doubling, so a step costs O(new tokens), not a copy of the past.
// Also keeps the padding mask of every cached position (left padding shifts positions).
#include <cstdint>
#include <utility>
#include <vector>

#include <torch/torch.h>

namespace srllm::core {

class KvCache {
public:
    explicit KvCache(int64_t numLayers);

    int64_t length() const { return m_length; }  // positions already cached (padding included)
    void clear();

    // Called once per forward by the model, before the layers, with the new tokens' mask
    // [B,T] bool (true = real token). Throws std::invalid_argument when B differs from the cached batch.
    void beginStep(const torch::Tensor& newMask);

    // The mask over all positions including this step's: [B, length()+T] bool.
    const torch::Tensor& fullMask() const { return m_mask; }

    // Called by layer `layer` with this step's keys/values [B,Hkv,T,D]; returns the keys/values of all
    // positions [B,Hkv,length()+T,D] (views into the cache storage).
    std::pair<torch::Tensor, torch::Tensor> append(int64_t layer, const torch::Tensor& keys, const torch::Tensor& values);

    // Called once per forward by the model, after the layers: this step's tokens become past.
    void endStep(int64_t newTokens);

    // Keeps only the batch rows `rows` (int64 indices, in their order): finished sequences leave the batch.
    void keepRows(const torch::Tensor& rows);
    // The cached keys and values of one layer, [B,Hkv,length(),D] each (views; undefined before the first step).
    std::pair<torch::Tensor, torch::Tensor> layer(int64_t layer) const;

private:
    std::vector<torch::Tensor> m_keys;    // per layer [B,Hkv,capacity,D]
    std::vector<torch::Tensor> m_values;  // per layer [B,Hkv,capacity,D]
    torch::Tensor m_mask;                 // [B, length + this step's tokens] bool
    int64_t m_length = 0;
};

}  // namespace srllm::core
