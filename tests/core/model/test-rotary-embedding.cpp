// RotaryEmbedding::apply's one-pass kernel against the formula x·cos + rotate_half(x)·sin evaluated by
// torch autograd in float64, on the transposed projection layout attention passes, with arbitrary cos/sin
// tables (halves differ, so the backward must be the true transpose), and with the real tables.
#include <gtest/gtest.h>

#include "core/kernels/cpu-kernels.h"
#include "core/model/rotary-embedding.h"
#include "support/tensor-compare.h"

using namespace srllm::core;
using srllm::test::maxAbsDiff;

namespace {

torch::Tensor formula(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    const int64_t half = x.size(-1) / 2;
    return x * cos + torch::cat({-x.slice(-1, half), x.slice(-1, 0, half)}, -1) * sin;
}

void expectMatchesFormula(const torch::Tensor& cos, const torch::Tensor& sin, torch::Dtype dtype = torch::kFloat32) {
    const int64_t batch = cos.size(0), count = cos.size(2), dim = cos.size(3), heads = 3;
    const auto projected = torch::randn({batch, count, heads * dim}).to(dtype);
    const auto upstream = torch::randn({batch, heads, count, dim}).to(dtype);

    const auto leaf = projected.clone().requires_grad_();
    const auto x = leaf.view({batch, count, heads, dim}).transpose(1, 2);  // [B,H,T,D], not contiguous
    ASSERT_FALSE(x.is_contiguous());
    const auto y = RotaryEmbedding::apply(x, cos, sin);
    (y * upstream).sum().backward();

    const auto leaf64 = projected.to(torch::kFloat64).requires_grad_();
    const auto y64 = formula(leaf64.view({batch, count, heads, dim}).transpose(1, 2), cos.to(torch::kFloat64),
                             sin.to(torch::kFloat64));
    (y64 * upstream.to(torch::kFloat64)).sum().backward();

    ASSERT_EQ(y.scalar_type(), dtype);
    // float32: exact up to rounding; bfloat16: one rounding (relative 2^-8) of values up to a few units
    const double tolerance = dtype == torch::kFloat32 ? 1e-5 : 4e-3 * y64.abs().max().item<double>();
    EXPECT_LT(maxAbsDiff(y, y64), tolerance);
    EXPECT_LT(maxAbsDiff(leaf.grad(), leaf64.grad()), dtype == torch::kFloat32 ? 1e-5 : 4e-3 * leaf64.grad().abs().max().item<double>());
}

}  // namespace

TEST(RotaryEmbedding, ArbitraryTablesMatchTheFormulaAndItsGradient) {
    torch::manual_seed(8);
    expectMatchesFormula(torch::randn({2, 1, 5, 8}), torch::randn({2, 1, 5, 8}));
}

TEST(RotaryEmbedding, Bfloat16StaysBfloat16WithinItsToleranceOnEveryKernelSet) {
    torch::manual_seed(10);
    for (const CpuIsa isa : {bestCpuIsa(), CpuIsa::Generic}) {
        limitCpuIsa(isa);
        expectMatchesFormula(torch::randn({2, 1, 5, 64}), torch::randn({2, 1, 5, 64}), torch::kBFloat16);
    }
    limitCpuIsa(CpuIsa::Avx512);
}

TEST(RotaryEmbedding, RealTablesAtPaddedPositionsMatchTheFormula) {
    torch::manual_seed(9);
    const RotaryEmbedding rope(16, 10000.0);
    const auto positions = torch::tensor({{0, 0, 1, 2, 3, 4}, {0, 1, 2, 3, 4, 5}}, torch::kInt64);
    const auto [cos, sin] = rope.cosSin(positions, torch::kFloat32);
    expectMatchesFormula(cos, sin);
}
