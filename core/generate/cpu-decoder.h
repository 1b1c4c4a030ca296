#pragma once
// Batch decoding of Llama-family models on the CPU with the engine's own kernels (core/kernels): each
// step streams every weight once for all live rows (matrix times vectors, not a GEMM per row), runs
// attention straight over each row's cache, and projects the vocabulary for the new position only.
// Buffers are sized once per generation, so a step allocates nothing. Rows keep their own cache length
// (no padding), a finished row just leaves, and within one kernel set a row's outputs do not depend on
// which other rows share the batch: batched decoding equals decoding each prompt alone, bit for bit.
// Prompts are prefilled one at a time by the model's own forward, whose keys and values seed the caches.
#include <memory>
#include <vector>

#include "core/generate/decode-session.h"
#include "core/generate/decoder-weights.h"
#include "core/kernels/task-pool.h"

namespace srllm::core {

class CpuDecoder final : public DecodeSession {
public:
    // Prefills every prompt and keeps room for maxNewTokens more positions per row. `model` must be the
    // one `weights` views and must outlive the decoder.
    CpuDecoder(CausalLMImpl& model, std::shared_ptr<const DecoderWeights> weights,
               const std::vector<std::vector<int64_t>>& prompts, int64_t maxNewTokens);

    torch::Tensor logits() override;
    void keepRows(const std::vector<int64_t>& keep) override;
    void advance(const std::vector<int64_t>& tokens) override;

private:
    struct Row {
        torch::Tensor cache;  // [L, 2, Hkv, capacity, D] keys (0) and values (1), in the model's dtype
        int64_t length = 0;   // cached positions
    };
    struct Product {
        const DecoderMatrix* matrix;
        float* out;  // [n, matrix rows], rows `ld` apart
        int64_t ld;
    };

    void prefill(CausalLMImpl& model, const std::vector<int64_t>& prompt, Row& row, float* logits);
    // out = x·Wᵀ (+ bias, + adapter) for every product, the weight rows of all of them split across threads.
    void multiply(std::initializer_list<Product> products, const float* x, int64_t ldx, int64_t n);
    void rotateAndCache(int64_t layer, int64_t n);
    void attendRows(int64_t layer, int64_t n);

    std::shared_ptr<const DecoderWeights> m_weights;
    std::vector<Row> m_rows;
    std::unique_ptr<TaskPool> m_pool;  // torch's thread count; a helper descheduled by other load never stalls a step
    torch::Tensor m_cos, m_sin;  // [capacity, D] float32, the model's RoPE tables
    // Scratch for the first batch's size (rows only leave): [n, ...] float32.
    torch::Tensor m_x, m_h, m_q, m_k, m_v, m_attn, m_gate, m_up, m_delta, m_low, m_lowOut, m_logits;
    torch::Tensor m_scores;  // [threads, groups · capacity]
};

}  // namespace srllm::core
