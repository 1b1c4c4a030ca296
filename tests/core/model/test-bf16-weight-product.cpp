// bf16TimesFloatWeight (core/model/bf16-weight-product.h) against float64: a [2,37,70] bf16 input times a
// float32 weight, as x·Wᵀ and as dY·W, on two threads (the tiles shared through at::parallel_for), at bf16
// tolerance. Skipped where the CPU has no AVX-512 BF16.
#include <gtest/gtest.h>

#include "core/kernels/bf16-gemm.h"
#include "core/model/bf16-weight-product.h"

using namespace srllm::core;

TEST(Bf16WeightProduct, EqualsFloat64BothWays) {
    if (!bf16Gemm()) GTEST_SKIP() << "this CPU has no AVX-512 BF16";
    torch::manual_seed(5);
    const int threadsBefore = torch::get_num_threads();
    torch::set_num_threads(2);
    const auto w = torch::randn({300, 70});  // [n, k] for x·Wᵀ; [k, n] for dY·W
    for (bool transposed : {true, false}) {
        const auto x = torch::randn({2, 97, transposed ? 70 : 300}).to(torch::kBFloat16);
        const auto y = bf16TimesFloatWeight(x, w, transposed);
        ASSERT_TRUE(y.has_value());
        const auto w64 = transposed ? w.to(torch::kFloat64).t() : w.to(torch::kFloat64);
        const auto exact = x.to(torch::kFloat64).matmul(w64);
        const auto scale = x.to(torch::kFloat64).abs().matmul(w64.abs());
        EXPECT_EQ(y->scalar_type(), torch::kBFloat16);
        EXPECT_EQ(y->sizes(), exact.sizes());
        // the weight's and the output's rounding to bf16, 2^-8 relative each
        EXPECT_TRUE(((y->to(torch::kFloat64) - exact).abs() <= (scale + exact.abs()) * std::ldexp(1.0, -8)).all().item<bool>());
    }
    EXPECT_FALSE(bf16TimesFloatWeight(torch::randn({4, 71}), w, true).has_value());  // k does not match
    torch::set_num_threads(threadsBefore);
}
