// DenseProjection under CPU bf16 autocast on a CPU without AMX: a frozen float32 weight (LoRA's base)
// multiplies in float32, so output and input gradient carry only their own rounding to bf16, not the
// weight's; checked against float64 (a bf16 product fails the bound on outputs near zero).
#include <gtest/gtest.h>

#include "core/kernels/cpu-features.h"
#include "core/model/autocast-scope.h"
#include "core/model/projection.h"

using namespace srllm::core;

TEST(Projection, FrozenWeightMultipliesInFloat32UnderBf16Autocast) {
    if (cpuFeatures().amxBf16) GTEST_SKIP() << "with AMX the frozen products stay bf16";
    torch::manual_seed(7);
    DenseProjection projection(70, 50, true);
    for (auto& p : projection.parameters()) p.set_requires_grad(false);
    const auto x = torch::randn({4, 70}).to(torch::kBFloat16).requires_grad_(true);
    const auto grad = torch::randn({4, 50}).to(torch::kBFloat16);
    torch::Tensor y;
    {
        AutocastScope autocast(torch::kCPU, torch::kBFloat16);
        y = projection.forward(x);
    }
    y.backward(grad);
    const auto w64 = projection.weight.to(torch::kFloat64);
    const auto exact = x.to(torch::kFloat64).matmul(w64.t()) + projection.bias.to(torch::kFloat64);
    const auto exactGrad = grad.to(torch::kFloat64).matmul(w64);
    ASSERT_EQ(y.scalar_type(), torch::kBFloat16);
    ASSERT_EQ(x.grad().scalar_type(), torch::kBFloat16);
    const double half = std::ldexp(1.0, -8);  // bf16's relative rounding (nearest even)
    EXPECT_TRUE(((y.to(torch::kFloat64) - exact).abs() <= exact.abs() * half + 1e-6).all().item<bool>());
    EXPECT_TRUE(((x.grad().to(torch::kFloat64) - exactGrad).abs() <= exactGrad.abs() * half + 1e-6).all().item<bool>());
}
