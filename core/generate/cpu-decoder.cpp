#include "core/generate/cpu-decoder.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <ATen/Parallel.h>

#include "core/kernels/cpu-kernels.h"
#include "core/model/kv-cache.h"

namespace srllm::core {
namespace {

// Weight rows per parallel task: enough that a task's start is small against streaming its rows.
constexpr int64_t kWeightRowGrain = 64;

float* floats(const torch::Tensor& t) { return t.data_ptr<float>(); }

torch::Tensor scratch(int64_t rows, int64_t cols) { return torch::empty({std::max<int64_t>(rows, 1), cols}, torch::kFloat32); }

}  // namespace

CpuDecoder::CpuDecoder(CausalLMImpl& model, std::shared_ptr<const DecoderWeights> weights,
                       const std::vector<std::vector<int64_t>>& prompts, int64_t maxNewTokens)
    : m_weights(std::move(weights)), m_rows(prompts.size()), m_pool(std::make_unique<TaskPool>(at::get_num_threads())) {
    const auto& w = *m_weights;
    const auto n = static_cast<int64_t>(prompts.size());
    int64_t capacity = 1;
    for (const auto& p : prompts) capacity = std::max<int64_t>(capacity, static_cast<int64_t>(p.size()) + maxNewTokens);
    const auto positions = torch::arange(capacity, torch::kInt64).unsqueeze(0);  // [1,S]
    const auto [cos, sin] = w.rotary->cosSin(positions, torch::kFloat32);         // [1,1,S,D]
    m_cos = cos.reshape({capacity, w.headDim}).contiguous();
    m_sin = sin.reshape({capacity, w.headDim}).contiguous();
    m_x = scratch(n, w.hidden);
    m_h = scratch(n, w.hidden);
    m_q = scratch(n, w.heads * w.headDim);
    m_k = scratch(n, w.kvHeads * w.headDim);
    m_v = scratch(n, w.kvHeads * w.headDim);
    m_attn = scratch(n, w.heads * w.headDim);
    m_gate = scratch(n, w.ffn);
    m_up = scratch(n, w.ffn);
    m_delta = scratch(n, w.hidden);
    int64_t rank = 0, adapted = 0;  // the largest LoRA rank and output size, for the adapters' scratch
    for (const auto* m : decoderMatrices(w)) {
        if (!m->loraA.defined()) continue;
        rank = std::max(rank, m->loraA.size(0));
        adapted = std::max(adapted, m->rows());
    }
    m_low = scratch(rank > 0 ? n : 0, std::max<int64_t>(rank, 1));
    m_lowOut = scratch(rank > 0 ? n : 0, std::max<int64_t>(adapted, 1));
    m_logits = scratch(n, w.vocab);
    m_scores = scratch(m_pool->threads(), (w.heads / w.kvHeads) * capacity);
    const int64_t layers = static_cast<int64_t>(w.layers.size());
    for (int64_t b = 0; b < n; ++b) {
        const auto length = static_cast<int64_t>(prompts[b].size());
        m_rows[b].cache = torch::empty({layers, 2, w.kvHeads, length + maxNewTokens, w.headDim}, w.cacheDtype);
        prefill(model, prompts[b], m_rows[b], floats(m_logits) + b * w.vocab);
    }
}

void CpuDecoder::prefill(CausalLMImpl& model, const std::vector<int64_t>& prompt, Row& row, float* logits) {
    KvCache cache(static_cast<int64_t>(m_weights->layers.size()));
    const auto ids = torch::tensor(prompt, torch::kInt64).unsqueeze(0);              // [1,T]
    const auto out = model.forward(ids, &cache, {}, 1).reshape({-1}).to(torch::kFloat32);  // [V]
    std::memcpy(logits, out.data_ptr<float>(), sizeof(float) * m_weights->vocab);
    row.length = ids.size(1);
    for (int64_t l = 0; l < static_cast<int64_t>(m_weights->layers.size()); ++l) {
        const auto [keys, values] = cache.layer(l);  // [1,Hkv,T,D]
        row.cache[l][0].narrow(1, 0, row.length).copy_(keys[0]);
        row.cache[l][1].narrow(1, 0, row.length).copy_(values[0]);
    }
}

torch::Tensor CpuDecoder::logits() {
    return m_logits.narrow(0, 0, static_cast<int64_t>(m_rows.size()));
}

void CpuDecoder::keepRows(const std::vector<int64_t>& keep) {
    const int64_t vocab = m_weights->vocab;
    std::vector<Row> kept;
    for (size_t i = 0; i < keep.size(); ++i) {
        kept.push_back(std::move(m_rows[keep[i]]));
        // keep is ascending, so row i is never overwritten before it is read
        if (keep[i] != static_cast<int64_t>(i))
            std::memcpy(floats(m_logits) + i * vocab, floats(m_logits) + keep[i] * vocab, sizeof(float) * vocab);
    }
    m_rows = std::move(kept);
}

void CpuDecoder::multiply(std::initializer_list<Product> products, const float* x, int64_t ldx, int64_t n) {
    int64_t total = 0;
    for (const auto& p : products) total += p.matrix->rows();
    m_pool->run((total + kWeightRowGrain - 1) / kWeightRowGrain, [&](int64_t task, int64_t) {
        const int64_t begin = task * kWeightRowGrain, end = std::min(total, begin + kWeightRowGrain);
        int64_t offset = 0;
        for (const auto& p : products) {
            const int64_t lo = std::max(begin, offset), hi = std::min(end, offset + p.matrix->rows());
            if (lo < hi) p.matrix->multiply(x, ldx, n, p.out, p.ld, lo - offset, hi - offset);
            offset += p.matrix->rows();
        }
    });
    const auto& kernels = cpuKernels();
    for (const auto& p : products) {
        const auto& m = *p.matrix;
        if (m.bias.defined())
            for (int64_t b = 0; b < n; ++b)
                for (int64_t j = 0; j < m.rows(); ++j) p.out[b * p.ld + j] += floats(m.bias)[j];
        if (!m.loraA.defined()) continue;
        // The adapter's low-rank path: tiny next to the weight itself, so one thread does it.
        const int64_t rank = m.loraA.size(0), ldLow = m_low.size(1);
        kernels.matVecF32(floats(m.loraA), m.cols(), m.cols(), x, ldx, n, floats(m_low), ldLow, 0, rank);
        float* lowOut = floats(m_lowOut);
        kernels.matVecF32(floats(m.loraB), rank, rank, floats(m_low), ldLow, n, lowOut, m.rows(), 0, m.rows());
        for (int64_t b = 0; b < n; ++b)
            for (int64_t j = 0; j < m.rows(); ++j) p.out[b * p.ld + j] += m.loraScaling * lowOut[b * m.rows() + j];
    }
}

void CpuDecoder::rotateAndCache(int64_t layer, int64_t n) {
    const auto& w = *m_weights;
    const int64_t dim = w.headDim, half = dim / 2;
    const auto& kernels = cpuKernels();
    for (int64_t b = 0; b < n; ++b) {
        Row& row = m_rows[b];
        const float* c = floats(m_cos) + row.length * dim;
        const float* s = floats(m_sin) + row.length * dim;
        const auto rotate = [&](float* x, int64_t heads) {  // x·cos + rotate_half(x)·sin, in place
            for (int64_t h = 0; h < heads; ++h, x += dim) {
                for (int64_t i = 0; i < half; ++i) {
                    const float a = x[i], z = x[i + half];
                    x[i] = a * c[i] - z * s[i];
                    x[i + half] = z * c[i + half] + a * s[i + half];
                }
            }
        };
        rotate(floats(m_q) + b * w.heads * dim, w.heads);
        float* k = floats(m_k) + b * w.kvHeads * dim;
        const float* v = floats(m_v) + b * w.kvHeads * dim;
        rotate(k, w.kvHeads);
        const int64_t capacity = row.cache.size(3);
        for (int64_t h = 0; h < w.kvHeads; ++h) {
            const int64_t at = (((layer * 2) * w.kvHeads + h) * capacity + row.length) * dim;
            const int64_t valuesAt = at + w.kvHeads * capacity * dim;
            if (w.cacheDtype == torch::kFloat32) {
                std::memcpy(floats(row.cache) + at, k + h * dim, sizeof(float) * dim);
                std::memcpy(floats(row.cache) + valuesAt, v + h * dim, sizeof(float) * dim);
            } else {
                auto* cache = reinterpret_cast<Bf16*>(row.cache.data_ptr());
                kernels.toBf16(k + h * dim, dim, cache + at);
                kernels.toBf16(v + h * dim, dim, cache + valuesAt);
            }
        }
    }
}

void CpuDecoder::attendRows(int64_t layer, int64_t n) {
    const auto& w = *m_weights;
    const int64_t dim = w.headDim, groups = w.heads / w.kvHeads;
    const auto scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(dim)));
    const auto& kernels = cpuKernels();
    m_pool->run(n * w.kvHeads, [&](int64_t task, int64_t worker) {
        float* scores = floats(m_scores) + worker * m_scores.size(1);
        const int64_t b = task / w.kvHeads, h = task % w.kvHeads;
        const Row& row = m_rows[b];
        const int64_t length = row.length + 1;  // this step's key is cached already
        // Mistral's window: a query sees itself and the window-1 keys before it.
        const int64_t first = w.slidingWindow ? std::max<int64_t>(0, length - *w.slidingWindow) : 0;
        const int64_t capacity = row.cache.size(3);
        const int64_t keysAt = ((layer * 2 * w.kvHeads + h) * capacity + first) * dim;
        const int64_t valuesAt = keysAt + w.kvHeads * capacity * dim;
        const float* q = floats(m_q) + (b * w.heads + h * groups) * dim;
        float* out = floats(m_attn) + (b * w.heads + h * groups) * dim;
        if (w.cacheDtype == torch::kFloat32) {
            kernels.attendCachedF32(q, groups, floats(row.cache) + keysAt, floats(row.cache) + valuesAt,
                                    length - first, dim, scale, scores, out);
        } else {
            const auto* cache = reinterpret_cast<const Bf16*>(row.cache.data_ptr());
            kernels.attendCachedBf16(q, groups, cache + keysAt, cache + valuesAt, length - first, dim, scale, scores, out);
        }
    });
}

void CpuDecoder::advance(const std::vector<int64_t>& tokens) {
    const auto& w = *m_weights;
    const auto& kernels = cpuKernels();
    const auto n = static_cast<int64_t>(m_rows.size());
    TORCH_CHECK(static_cast<int64_t>(tokens.size()) == n, "CpuDecoder: ", tokens.size(), " tokens for ", n, " rows");
    if (at::get_num_threads() != m_pool->threads()) {
        m_pool = std::make_unique<TaskPool>(at::get_num_threads());
        m_scores = scratch(m_pool->threads(), m_scores.size(1));
    }
    float* x = floats(m_x);
    float* h = floats(m_h);
    float* delta = floats(m_delta);
    const int64_t c = w.hidden;
    for (int64_t b = 0; b < n; ++b) {
        if (w.embed.scalar_type() == torch::kFloat32)
            std::memcpy(x + b * c, floats(w.embed) + tokens[b] * c, sizeof(float) * c);
        else
            kernels.toFloat(reinterpret_cast<const Bf16*>(w.embed.data_ptr()) + tokens[b] * c, c, x + b * c);
    }
    const auto addDelta = [&] {
        for (int64_t i = 0; i < n * c; ++i) x[i] += delta[i];
    };
    for (int64_t l = 0; l < static_cast<int64_t>(w.layers.size()); ++l) {
        const auto& layer = w.layers[l];
        for (int64_t b = 0; b < n; ++b) kernels.rmsNormRowF32(x + b * c, floats(layer.inputNorm), c, w.normEps, h + b * c);
        multiply({{&layer.q, floats(m_q), m_q.size(1)}, {&layer.k, floats(m_k), m_k.size(1)}, {&layer.v, floats(m_v), m_v.size(1)}},
                 h, c, n);
        rotateAndCache(l, n);
        attendRows(l, n);
        multiply({{&layer.o, delta, c}}, floats(m_attn), m_attn.size(1), n);
        addDelta();
        for (int64_t b = 0; b < n; ++b) kernels.rmsNormRowF32(x + b * c, floats(layer.postNorm), c, w.normEps, h + b * c);
        multiply({{&layer.gate, floats(m_gate), w.ffn}, {&layer.up, floats(m_up), w.ffn}}, h, c, n);
        kernels.swigluF32(floats(m_gate), floats(m_up), n * w.ffn, floats(m_gate));
        multiply({{&layer.down, delta, c}}, floats(m_gate), w.ffn, n);
        addDelta();
    }
    for (int64_t b = 0; b < n; ++b) kernels.rmsNormRowF32(x + b * c, floats(w.finalNorm), c, w.normEps, h + b * c);
    multiply({{&w.head, floats(m_logits), w.vocab}}, h, c, n);
    for (auto& row : m_rows) ++row.length;
}

}  // namespace srllm::core
