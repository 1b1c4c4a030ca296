#include "core/model/fused-attention.h"

#include <ATen/Parallel.h>
#include <ATen/record_function.h>

#include "core/kernels/cpu-kernels.h"
#include "core/model/batched-matmul.h"

namespace srllm::core {
namespace {

constexpr int64_t kScoreRowGrain = 16;  // score rows per parallel task

Bf16* bf16Data(const torch::Tensor& t) { return reinterpret_cast<Bf16*>(t.data_ptr()); }

// out = a·b with float32 sums. Where oneDNN has no bfloat16 product (an AVX2-only CPU, a build without
// it) torch multiplies in float32: slow, but the function stays correct (and testable) everywhere.
void product(const torch::Tensor& a, const torch::Tensor& b, torch::Tensor& out) {
    if (!oneDnnMatmulInto(a, b, out)) out.copy_(torch::matmul(a.to(torch::kFloat32), b.to(torch::kFloat32)));
}

// [B,H,T,D] as [B,Hkv,G,T,D]: head h = j·G + g uses key/value head j (HF's repeat_kv order).
torch::Tensor byKvHead(const torch::Tensor& t, int64_t kvHeads) {
    return t.view({t.size(0), kvHeads, t.size(1) / kvHeads, t.size(2), t.size(3)});
}

// The [B,T,H·D] layout o_proj reads, as the [B,Hkv,G,T,D] view the products write and read.
torch::Tensor headsView(const torch::Tensor& flat, int64_t kvHeads, int64_t groups) {
    return flat.view({flat.size(0), flat.size(1), kvHeads, groups, flat.size(2) / (kvHeads * groups)}).permute({0, 2, 3, 1, 4});
}

struct FusedAttentionFunction : torch::autograd::Function<FusedAttentionFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& q, const torch::Tensor& keys,
                                 const torch::Tensor& values, const torch::Tensor& additiveMask, double scale) {
        RECORD_FUNCTION("srllm::fused_attention", std::vector<c10::IValue>());
        const int64_t batch = q.size(0), heads = q.size(1), count = q.size(2), dim = q.size(3);
        const int64_t kvHeads = keys.size(1), total = keys.size(2), groups = heads / kvHeads;
        const auto queries = q.contiguous();
        auto scores = torch::empty({batch, kvHeads, groups, count, total}, q.options().dtype(torch::kFloat32));
        product(byKvHead(queries, kvHeads), keys.unsqueeze(2).transpose(-1, -2), scores);
        auto probs = torch::empty(scores.sizes(), q.options());
        const auto mask = additiveMask.defined() ? additiveMask.to(torch::kFloat32).contiguous() : additiveMask;
        const auto& kernels = cpuKernels();
        const auto rowScale = static_cast<float>(scale);
        at::parallel_for(0, scores.numel() / total, kScoreRowGrain, [&](int64_t begin, int64_t end) {
            for (int64_t row = begin; row < end; ++row) {
                const int64_t b = row / (kvHeads * groups * count), i = row % count;
                const float* maskRow = mask.defined() ? mask.data_ptr<float>() + (b * count + i) * total : nullptr;
                kernels.softmaxRowToBf16(scores.data_ptr<float>() + row * total, maskRow, total, rowScale,
                                         bf16Data(probs) + row * total);
            }
        });
        auto out = torch::empty({batch, count, heads * dim}, q.options());
        auto outView = headsView(out, kvHeads, groups);
        product(probs, values.unsqueeze(2), outView);
        ctx->save_for_backward({queries, keys, values, probs});
        ctx->saved_data["scale"] = scale;
        return out;
    }

    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::tensor_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto &queries = saved[0], &keys = saved[1], &values = saved[2], &probs = saved[3];
        const int64_t kvHeads = keys.size(1), total = keys.size(2), groups = probs.size(2), count = probs.size(3);
        const auto gradOut = grads[0].to(queries.scalar_type()).contiguous();       // [B,T,H·D]
        const auto dOut = headsView(gradOut, kvHeads, groups);                        // [B,Hkv,G,T,D]
        auto dProbs = torch::empty(probs.sizes(), probs.options().dtype(torch::kFloat32));
        product(dOut, values.unsqueeze(2).transpose(-1, -2), dProbs);
        auto dScores = torch::empty(probs.sizes(), probs.options());
        const auto& kernels = cpuKernels();
        const auto scale = static_cast<float>(ctx->saved_data["scale"].toDouble());
        at::parallel_for(0, probs.numel() / total, kScoreRowGrain, [&](int64_t begin, int64_t end) {
            for (int64_t row = begin; row < end; ++row)
                kernels.softmaxBackwardRowBf16(bf16Data(probs) + row * total, dProbs.data_ptr<float>() + row * total, total,
                                               scale, bf16Data(dScores) + row * total);
        });
        auto dQueries = torch::empty(byKvHead(queries, kvHeads).sizes(), queries.options());
        product(dScores, keys.unsqueeze(2), dQueries);
        // keys and values gather every group's rows: [B,Hkv,S,G·T]·[B,Hkv,G·T,D]
        const auto merged = [&](const torch::Tensor& t) { return t.reshape({t.size(0), kvHeads, groups * count, t.size(-1)}); };
        auto dKeys = torch::empty(keys.sizes(), keys.options());
        product(merged(dScores).transpose(-1, -2), merged(byKvHead(queries, kvHeads)), dKeys);
        auto dValues = torch::empty(values.sizes(), values.options());
        product(merged(probs).transpose(-1, -2), merged(dOut), dValues);
        return {dQueries.view(queries.sizes()), dKeys, dValues, torch::Tensor(), torch::Tensor()};
    }
};

}  // namespace

bool fusedAttentionCovers(const torch::Tensor& q, const torch::Tensor& keys, const torch::Tensor& values) {
#if defined(SRLLM_HAVE_DNNL)
    static const bool fastBf16 = cpuFeatures().avx512bf16 || cpuFeatures().amxBf16;
    const auto bf16Cpu = [](const torch::Tensor& t) {
        return t.is_cpu() && t.scalar_type() == torch::kBFloat16 && t.dim() == 4 && t.stride(3) == 1 && t.numel() > 0;
    };
    return fastBf16 && bf16Cpu(q) && bf16Cpu(keys) && bf16Cpu(values);
#else
    return false;
#endif
}

torch::Tensor fusedAttention(const torch::Tensor& q, const torch::Tensor& keys, const torch::Tensor& values,
                             const torch::Tensor& additiveMask, double scale) {
    return FusedAttentionFunction::apply(q, keys, values, additiveMask, scale);
}

}  // namespace srllm::core
