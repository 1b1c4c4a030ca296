// fusedAttention (bfloat16 attention core) against softmax(q·kᵀ·scale + mask)·v evaluated in float64 on the
// same bfloat16-rounded inputs: values and the gradients of q, k and v, with grouped-query heads, cached
// keys before the queries, and a padding mask; at bfloat16 tolerances, on every kernel set (the products
// fall back to float32 torch ones where oneDNN has no bfloat16 kernel, so this runs on any CPU).
#include <gtest/gtest.h>

#include "core/kernels/cpu-kernels.h"
#include "core/model/fused-attention.h"
#include "support/tensor-compare.h"

using namespace srllm::core;
using srllm::test::maxAbsDiff;

TEST(FusedAttention, ValuesAndGradientsEqualFloat64AtBfloat16Tolerance) {
    torch::manual_seed(13);
    const int64_t batch = 2, heads = 4, kvHeads = 2, count = 5, past = 3, dim = 16, total = past + count;
    const auto q0 = torch::randn({batch, heads, count, dim}).to(torch::kBFloat16);
    const auto k0 = torch::randn({batch, kvHeads, total, dim}).to(torch::kBFloat16);
    const auto v0 = torch::randn({batch, kvHeads, total, dim}).to(torch::kBFloat16);
    // causal over the cached keys, and row 1's first two keys are padding
    auto allowed = torch::ones({total, total}, torch::kBool).tril().slice(0, past).unsqueeze(0).repeat({batch, 1, 1});
    allowed[1].slice(1, 0, 2).fill_(false);
    const auto mask = torch::zeros({batch, 1, count, total}).masked_fill(allowed.logical_not().unsqueeze(1), -3.0e38);
    const auto upstream = torch::randn({batch, count, heads * dim}).to(torch::kBFloat16);
    const double scale = 0.25;

    const auto q64 = q0.to(torch::kFloat64).requires_grad_(), k64 = k0.to(torch::kFloat64).requires_grad_(),
               v64 = v0.to(torch::kFloat64).requires_grad_();
    const auto kRep = k64.repeat_interleave(heads / kvHeads, 1), vRep = v64.repeat_interleave(heads / kvHeads, 1);
    const auto probs = torch::softmax(q64.matmul(kRep.transpose(-1, -2)) * scale + mask.to(torch::kFloat64), -1);
    const auto expected = probs.matmul(vRep).transpose(1, 2).reshape({batch, count, heads * dim});
    (expected * upstream.to(torch::kFloat64)).sum().backward();

    for (const CpuIsa isa : {bestCpuIsa(), CpuIsa::Generic}) {
        limitCpuIsa(isa);
        const auto q = q0.clone().requires_grad_(), k = k0.clone().requires_grad_(), v = v0.clone().requires_grad_();
        const auto out = fusedAttention(q, k, v, mask, scale);
        ASSERT_EQ(out.scalar_type(), torch::kBFloat16);
        (out * upstream).sum().backward();
        EXPECT_LT(maxAbsDiff(out, expected), 2e-2) << cpuIsaName(isa);
        EXPECT_LT(maxAbsDiff(q.grad(), q64.grad()), 3e-2) << cpuIsaName(isa);
        EXPECT_LT(maxAbsDiff(k.grad(), k64.grad()), 3e-2) << cpuIsaName(isa);
        EXPECT_LT(maxAbsDiff(v.grad(), v64.grad()), 3e-2) << cpuIsaName(isa);
    }
    limitCpuIsa(CpuIsa::Avx512);
}
