// attend() against a naive per-query softmax over the allowed keys (float64), with grouped-query heads,
// left padding and cached positions, computed in one block and in query blocks.
#include <algorithm>
#include <optional>

#include <gtest/gtest.h>

#include "core/model/attention.h"

using namespace srllm::core;

namespace {

// out[b,i,h·D+d] = Σ_j softmax_j(q·k_j/√D) v_j[d] over keys past+i-window < j ≤ past+i that are not padding.
torch::Tensor naiveAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                             const torch::Tensor& keyIsReal, int64_t past, int64_t window = 1 << 30) {
    const int64_t batch = q.size(0), heads = q.size(1), count = q.size(2), dim = q.size(3), group = heads / k.size(1);
    auto out = torch::zeros({batch, count, heads * dim}, torch::kFloat64);
    const auto qd = q.to(torch::kFloat64), kd = k.to(torch::kFloat64), vd = v.to(torch::kFloat64);
    for (int64_t b = 0; b < batch; ++b)
        for (int64_t h = 0; h < heads; ++h)
            for (int64_t i = 0; i < count; ++i) {
                std::vector<int64_t> allowed;
                for (int64_t j = std::max<int64_t>(0, past + i - window + 1); j <= past + i; ++j)
                    if (keyIsReal[b][j].item<bool>()) allowed.push_back(j);
                if (allowed.empty()) continue;
                const auto keys = kd[b][h / group].index_select(0, torch::tensor(allowed));   // [n,D]
                const auto values = vd[b][h / group].index_select(0, torch::tensor(allowed)); // [n,D]
                const auto weights = torch::softmax(keys.matmul(qd[b][h][i]) / std::sqrt(double(dim)), 0);
                out[b][i].slice(0, h * dim, (h + 1) * dim).copy_(weights.matmul(values));
            }
    return out;
}

// The context of the positions from `past` on of mask [B,S] (1 = real), after the first `past` positions
// went through a KV cache (which does not outlive this call: the context's cache pointer is cleared).
AttentionContext contextAfterPast(const torch::Tensor& mask, int64_t past, std::optional<int64_t> window = {}) {
    const auto ids = torch::zeros_like(mask);
    KvCache cache(1);
    makeAttentionContext(ids.slice(1, 0, past), mask.slice(1, 0, past), &cache, torch::kFloat32, window);
    cache.endStep(past);
    auto context = makeAttentionContext(ids.slice(1, past), mask.slice(1, past), &cache, torch::kFloat32, window);
    context.cache = nullptr;
    return context;
}

double maxError(const torch::Tensor& actual, const torch::Tensor& expected) {
    return (actual.to(torch::kFloat64) - expected).abs().max().item<double>();
}

}  // namespace

TEST(Attention, QueryBlocksEqualOneBlockAndTheNaiveSoftmax) {
    torch::manual_seed(3);
    const int64_t batch = 2, heads = 4, kvHeads = 2, dim = 8, past = 10, count = 90;
    // Row 1 is left-padded by 5 positions; positions 0..past-1 are already cached.
    auto mask = torch::ones({batch, past + count}, torch::kInt64);
    mask[1].slice(0, 0, 5).zero_();
    const auto context = contextAfterPast(mask, past);
    ASSERT_TRUE(context.additiveMask.defined());

    const auto q = torch::randn({batch, heads, count, dim});
    const auto k = torch::randn({batch, kvHeads, past + count, dim});
    const auto v = torch::randn({batch, kvHeads, past + count, dim});
    const auto expected = naiveAttention(q, k, v, mask.to(torch::kBool), past);
    EXPECT_LT(maxError(attend(q, k, v, context.additiveMask, 1 << 30), expected), 1e-5);
    EXPECT_LT(maxError(attend(q, k, v, context.additiveMask, 16), expected), 1e-5);  // 6 blocks, the last short
}

TEST(Attention, QueryBlocksGiveTheSameGradients) {
    torch::manual_seed(4);
    const int64_t batch = 2, heads = 2, count = 70, dim = 8;
    const auto ids = torch::zeros({batch, count}, torch::kInt64);
    const auto context = makeAttentionContext(ids, {}, nullptr, torch::kFloat32);
    std::vector<torch::Tensor> grads[2];
    for (int run = 0; run < 2; ++run) {
        torch::manual_seed(5);
        auto q = torch::randn({batch, heads, count, dim}, torch::requires_grad());
        auto k = torch::randn({batch, heads, count, dim}, torch::requires_grad());
        auto v = torch::randn({batch, heads, count, dim}, torch::requires_grad());
        const auto out = attend(q, k, v, context.additiveMask, run == 0 ? 1 << 30 : 16);
        (out * torch::arange(out.numel()).view(out.sizes()).sin()).sum().backward();
        grads[run] = {q.grad(), k.grad(), v.grad()};
    }
    for (size_t i = 0; i < 3; ++i) EXPECT_TRUE(torch::allclose(grads[0][i], grads[1][i], 1e-5, 1e-5)) << i;
}

TEST(Attention, SlidingWindowHidesKeysOlderThanTheWindow) {
    torch::manual_seed(6);
    const int64_t batch = 2, heads = 2, dim = 4, past = 12, count = 40, window = 7;
    auto mask = torch::ones({batch, past + count}, torch::kInt64);
    mask[0].slice(0, 0, 3).zero_();
    const auto context = contextAfterPast(mask, past, window);
    const auto q = torch::randn({batch, heads, count, dim});
    const auto k = torch::randn({batch, heads, past + count, dim});
    const auto v = torch::randn({batch, heads, past + count, dim});
    const auto expected = naiveAttention(q, k, v, mask.to(torch::kBool), past, window);
    EXPECT_LT(maxError(attend(q, k, v, context.additiveMask, 1 << 30), expected), 1e-5);
    EXPECT_LT(maxError(attend(q, k, v, context.additiveMask, 8), expected), 1e-5);

    // One new token past the window still needs a mask; within the window it needs none.
    const auto real = torch::ones({1, 8}, torch::kInt64);
    EXPECT_TRUE(contextAfterPast(real, 7, window).additiveMask.defined());
    EXPECT_FALSE(contextAfterPast(real.slice(1, 0, 6), 5, window).additiveMask.defined());
}
