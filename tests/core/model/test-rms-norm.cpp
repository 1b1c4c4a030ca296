// rmsNorm's one-pass kernel against the textbook formula x / sqrt(mean(x²) + eps) · w evaluated by torch
// autograd in float64: values, the input gradient and the weight gradient; bfloat16 in and out within its
// tolerance.
#include <gtest/gtest.h>

#include <ATen/autocast_mode.h>

#include "core/model/rms-norm.h"
#include "support/tensor-compare.h"

using namespace srllm::core;
using srllm::test::maxAbsDiff;

TEST(RmsNorm, ValuesAndBothGradientsEqualTheFloat64Formula) {
    torch::manual_seed(5);
    const double eps = 1e-5;
    const auto x0 = torch::randn({3, 7, 48}) * 3;
    const auto w0 = torch::randn({48});
    const auto upstream = torch::randn({3, 7, 48});

    const auto x = x0.clone().requires_grad_();
    const auto w = w0.clone().requires_grad_();
    const auto y = rmsNorm(x, w, eps);
    (y * upstream).sum().backward();

    const auto x64 = x0.to(torch::kFloat64).requires_grad_();
    const auto w64 = w0.to(torch::kFloat64).requires_grad_();
    const auto y64 = x64 / torch::sqrt(x64.pow(2).mean(-1, true) + eps) * w64;
    (y64 * upstream.to(torch::kFloat64)).sum().backward();

    EXPECT_LT(maxAbsDiff(y, y64), 1e-5);
    EXPECT_LT(maxAbsDiff(x.grad(), x64.grad()), 1e-5);
    EXPECT_LT(maxAbsDiff(w.grad(), w64.grad()), 1e-4);  // a sum over 21 rows
}

TEST(RmsNorm, NonContiguousInputGivesTheSameValues) {
    torch::manual_seed(6);
    const auto x = torch::randn({16, 4, 8});
    const auto w = torch::randn({16});
    const auto strided = x.permute({1, 2, 0});  // [4,8,16], rows not contiguous
    torch::NoGradGuard noGrad;
    EXPECT_TRUE(torch::allclose(rmsNorm(strided, w, 1e-6), rmsNorm(strided.contiguous(), w, 1e-6), 1e-6, 1e-6));
}

TEST(RmsNorm, Bfloat16InputAndCpuAutocastWriteBfloat16WithinItsTolerance) {
    torch::manual_seed(7);
    const double eps = 1e-5;
    const auto w0 = torch::randn({40});
    const auto upstream = torch::randn({6, 40}).to(torch::kBFloat16);
    for (const bool autocast : {false, true}) {
        // bfloat16 input; or float32 input under autocast (the residual stream of bf16 training)
        const auto x0 = (torch::randn({6, 40}) * 3).to(autocast ? torch::kFloat32 : torch::kBFloat16);
        const auto x = x0.clone().requires_grad_();
        const auto w = w0.clone().requires_grad_();
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(autocast);
        const auto y = rmsNorm(x, w, eps);
        at::autocast::set_cpu_enabled(false);
        ASSERT_EQ(y.scalar_type(), torch::kBFloat16);
        (y * upstream).sum().backward();
        EXPECT_EQ(x.grad().scalar_type(), x0.scalar_type());

        const auto x64 = x0.to(torch::kFloat64).requires_grad_();
        const auto w64 = w0.to(torch::kFloat64).requires_grad_();
        const auto y64 = x64 / torch::sqrt(x64.pow(2).mean(-1, true) + eps) * w64;
        (y64 * upstream.to(torch::kFloat64)).sum().backward();
        // one rounding to bfloat16 (relative 2^-8) of values up to a few units
        EXPECT_LT(maxAbsDiff(y, y64), 4e-3 * y64.abs().max().item<double>()) << autocast;
        EXPECT_LT(maxAbsDiff(x.grad(), x64.grad()), 4e-3 * x64.grad().abs().max().item<double>()) << autocast;
        EXPECT_LT(maxAbsDiff(w.grad(), w64.grad()), 1e-4) << autocast;
    }
}
