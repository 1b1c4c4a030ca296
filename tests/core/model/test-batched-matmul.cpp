// batchedMatmul against float64 torch::bmm of the same inputs: contiguous, transposed and cache-like
// sliced layouts (the strides attention passes), and both input gradients of a weighted sum.
#include <gtest/gtest.h>

#include "core/model/batched-matmul.h"
#include "support/tensor-compare.h"

using namespace srllm::core;
using srllm::test::maxAbsDiff;

TEST(BatchedMatmul, EqualsFloat64ProductForEveryLayoutAttentionUses) {
    torch::manual_seed(3);
    const auto q = torch::randn({6, 40, 16});
    const auto keys = torch::randn({6, 40, 16});
    const auto cache = torch::randn({6, 64, 16});  // preallocated rows, the first 40 in use
    const auto probs = torch::softmax(torch::randn({6, 40, 40}), -1);
    struct Case {
        const char* name;
        torch::Tensor a, b;
    };
    const Case cases[] = {{"contiguous", q, torch::randn({6, 16, 40})},
                          {"transposed b (scores)", q, keys.transpose(1, 2)},
                          {"transposed a (weight gradient)", keys.transpose(1, 2), probs},
                          {"sliced cache b", probs, cache.slice(1, 0, 40)},
                          {"sliced and transposed cache b", q, cache.slice(1, 0, 40).transpose(1, 2)}};
    for (const auto& c : cases) {
        const auto expected = torch::bmm(c.a.to(torch::kFloat64), c.b.to(torch::kFloat64));
        const auto got = batchedMatmul(c.a, c.b);
        ASSERT_EQ(got.sizes(), expected.sizes()) << c.name;
        EXPECT_LT(maxAbsDiff(got, expected), 1e-5) << c.name;
    }
}

TEST(BatchedMatmul, GradientsEqualFloat64Autograd) {
    torch::manual_seed(4);
    const auto a0 = torch::randn({5, 24, 8});
    const auto b0 = torch::randn({5, 24, 8});  // used transposed, as keys are
    const auto weights = torch::randn({5, 24, 24});

    const auto a = a0.clone().requires_grad_();
    const auto b = b0.clone().requires_grad_();
    (batchedMatmul(a, b.transpose(1, 2)) * weights).sum().backward();

    const auto a64 = a0.to(torch::kFloat64).requires_grad_();
    const auto b64 = b0.to(torch::kFloat64).requires_grad_();
    (torch::bmm(a64, b64.transpose(1, 2)) * weights.to(torch::kFloat64)).sum().backward();

    EXPECT_LT(maxAbsDiff(a.grad(), a64.grad()), 1e-5);
    EXPECT_LT(maxAbsDiff(b.grad(), b64.grad()), 1e-5);
}

TEST(BatchedMatmul, OnlyTheInputThatRequiresGradGetsOne) {
    const auto a = torch::randn({2, 3, 4}, torch::requires_grad());
    const auto b = torch::randn({2, 4, 5});
    batchedMatmul(a, b).sum().backward();
    ASSERT_TRUE(a.grad().defined());
    // d/da of sum(a·b) is every row of b's row sums: ones [3,5] · bᵀ.
    EXPECT_LT((a.grad() - torch::ones({2, 3, 5}).bmm(b.transpose(1, 2))).abs().max().item<double>(), 1e-5);
    EXPECT_FALSE(b.grad().defined());
}
