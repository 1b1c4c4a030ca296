// swiglu's one-pass kernel against silu(gate)·up evaluated by torch autograd in float64: values and both
// gradients, in float32 and (at bfloat16 tolerance) bfloat16, on every kernel set, with gates far into
// both tails.
#include <gtest/gtest.h>

#include "core/kernels/cpu-kernels.h"
#include "core/model/swiglu.h"
#include "support/tensor-compare.h"

using namespace srllm::core;
using srllm::test::maxAbsDiff;

TEST(Swiglu, ValuesAndGradientsEqualFloat64ForBothDtypes) {
    torch::manual_seed(14);
    const auto gate0 = torch::cat({torch::randn({3, 37}) * 4, torch::linspace(-90, 90, 37).unsqueeze(0)});
    const auto up0 = torch::randn({4, 37});
    const auto upstream0 = torch::randn({4, 37});
    for (const CpuIsa isa : {bestCpuIsa(), CpuIsa::Generic}) {
        limitCpuIsa(isa);
        for (const auto dtype : {torch::kFloat32, torch::kBFloat16}) {
            const auto gate = gate0.to(dtype).detach().requires_grad_(), up = up0.to(dtype).detach().requires_grad_();
            const auto upstream = upstream0.to(dtype);
            const auto out = swiglu(gate, up);
            (out * upstream).sum().backward();
            const auto g64 = gate.detach().to(torch::kFloat64).requires_grad_(), u64 = up.detach().to(torch::kFloat64).requires_grad_();
            const auto expected = torch::silu(g64) * u64;
            (expected * upstream.to(torch::kFloat64)).sum().backward();
            // bfloat16 keeps 8 bits: relative 2^-8 of values up to ~90·|up|
            const auto tolerance = [&](const torch::Tensor& t) {
                return dtype == torch::kFloat32 ? 1e-4 : 8e-3 * t.abs().max().item<double>();
            };
            EXPECT_LT(maxAbsDiff(out, expected), tolerance(expected)) << cpuIsaName(isa);
            EXPECT_LT(maxAbsDiff(gate.grad(), g64.grad()), tolerance(g64.grad())) << cpuIsaName(isa);
            EXPECT_LT(maxAbsDiff(up.grad(), u64.grad()), tolerance(u64.grad())) << cpuIsaName(isa);
        }
    }
    limitCpuIsa(CpuIsa::Avx512);
}
