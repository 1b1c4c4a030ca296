// The AVX-512 BF16 product (core/kernels/bf16-gemm.h) against float64 references computed by torch, on
// shapes with ragged edges (rows not a multiple of the 6-row micro-kernel or the 96-row tile, odd k, k across
// the 256-deep passes, columns not a multiple of the 64-column strips), both B layouts and both outputs.
// Skipped where the CPU has no AVX-512 BF16.
#include <gtest/gtest.h>

#include "core/kernels/bf16-gemm.h"

using namespace srllm::core;

namespace {

struct Shape {
    int64_t m, k, n;
};

// C = A·B through the kernel, B given as W [n,k] (transposed) or [k,n]; the output as float64.
torch::Tensor kernelProduct(const Bf16Gemm& kernel, const torch::Tensor& a, const torch::Tensor& b, bool transposed,
                            bool bf16Out) {
    const int64_t m = a.size(0), k = a.size(1), n = transposed ? b.size(0) : b.size(1);
    std::vector<Bf16> packed(static_cast<size_t>(Bf16Gemm::packedSize(k, n)));
    kernel.packB(b.data_ptr<float>(), transposed ? 1 : n, transposed ? k : 1, k, n, 0, Bf16Gemm::strips(n), packed.data());
    auto c = torch::full({m, n}, -7.0f, bf16Out ? torch::kBFloat16 : torch::kFloat32);  // every value overwritten
    const auto* aData = reinterpret_cast<const Bf16*>(a.data_ptr());
    for (int64_t t = 0; t < Bf16Gemm::tiles(m, n); ++t)
        kernel.multiplyTile(aData, k, m, k, packed.data(), n, t, bf16Out ? nullptr : c.data_ptr<float>(),
                            bf16Out ? reinterpret_cast<Bf16*>(c.data_ptr()) : nullptr, n);
    return c.to(torch::kFloat64);
}

}  // namespace

TEST(Bf16Gemm, EqualsFloat64OnRaggedShapes) {
    const Bf16Gemm* kernel = bf16Gemm();
    if (!kernel) GTEST_SKIP() << "this CPU has no AVX-512 BF16 (or the kernel set is limited below AVX-512)";
    torch::manual_seed(3);
    for (const Shape s : {Shape{13, 37, 70}, Shape{100, 517, 300}, Shape{7, 1, 5}, Shape{97, 256, 64}, Shape{1, 301, 129}}) {
        const auto a = torch::randn({s.m, s.k}).to(torch::kBFloat16);
        const auto w = torch::randn({s.n, s.k});  // float32, rounded by the packing
        const auto a64 = a.to(torch::kFloat64), w64 = w.to(torch::kBFloat16).to(torch::kFloat64);
        const auto exact = a64.matmul(w64.t());  // the same bf16 inputs, summed in float64
        const auto exactUnrounded = a64.matmul(w.to(torch::kFloat64).t());
        const auto scale = a64.abs().matmul(w.to(torch::kFloat64).abs().t());  // Σ|a||b|, the sums' own size
        for (bool transposed : {true, false}) {
            const auto b = transposed ? w : w.t().contiguous();
            for (bool bf16Out : {false, true}) {
                const auto c = kernelProduct(*kernel, a, b, transposed, bf16Out);
                // float32 accumulation of exact bf16 products, plus the output's rounding when bf16
                const auto bound = scale * 1e-5 + (bf16Out ? exact.abs() * std::ldexp(1.0, -8) : torch::zeros_like(exact));
                EXPECT_TRUE(((c - exact).abs() <= bound).all().item<bool>())
                    << s.m << "x" << s.k << "x" << s.n << " transposed " << transposed << " bf16 out " << bf16Out
                    << ": max error " << (c - exact).abs().max().item<double>();
                // against the float32 weight itself: bf16 tolerance (the weight's rounding, 2^-8 relative)
                EXPECT_TRUE(((c - exactUnrounded).abs() <= bound + scale * std::ldexp(1.0, -8)).all().item<bool>());
            }
        }
    }
}

TEST(Bf16Gemm, FollowsTheKernelSetLimit) {
    if (!bf16Gemm()) GTEST_SKIP() << "this CPU has no AVX-512 BF16";
    const CpuIsa before = activeCpuIsa();
    limitCpuIsa(CpuIsa::Avx2);
    EXPECT_EQ(bf16Gemm(), nullptr);  // SRLLM_CPU_ISA=avx2 runs the products as before
    limitCpuIsa(before);
    EXPECT_NE(bf16Gemm(), nullptr);
}
