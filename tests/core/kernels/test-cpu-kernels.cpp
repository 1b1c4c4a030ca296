// The CPU kernel sets (core/kernels/cpu-kernels.h) against float64 references computed by torch, for
// every set this CPU runs (the generic fallback always, AVX2 and AVX-512 where present): products,
// cached attention, RMSNorm, SwiGLU, argmax, bfloat16 conversion; batched rows equal single rows bit for
// bit; and the dispatch caps at a lower set when asked.
#include <gtest/gtest.h>

#include "core/kernels/blas-core.h"
#include "core/kernels/cpu-kernels.h"
#include "support/tensor-compare.h"

using namespace srllm::core;
using srllm::test::maxAbsDiff;

namespace {

std::vector<const CpuKernelTable*> runnableSets() {
    std::vector<const CpuKernelTable*> sets = {genericCpuKernels()};
    if (bestCpuIsa() != CpuIsa::Generic && avx2CpuKernels()) sets.push_back(avx2CpuKernels());
    if (bestCpuIsa() == CpuIsa::Avx512 && avx512CpuKernels()) sets.push_back(avx512CpuKernels());
    return sets;
}

const Bf16* bf16Data(const torch::Tensor& t) { return reinterpret_cast<const Bf16*>(t.data_ptr()); }

}  // namespace

TEST(CpuKernels, MatrixTimesVectorsEqualsFloat64ForEveryWeightFormat) {
    torch::manual_seed(1);
    // 37 columns: a lane tail for every vector width; 11 rows: a tail after the 4-row tiles.
    const auto w = torch::randn({11, 37});
    const auto x = torch::randn({6, 37});
    const auto wBf16 = w.to(torch::kBFloat16);
    const auto scale = w.abs().amax(1) / 127.0;
    const auto wInt8 = (w / scale.unsqueeze(1)).round().to(torch::kInt8);
    for (const auto* k : runnableSets()) {
        auto y = torch::zeros({6, 11});
        k->matVecF32(w.data_ptr<float>(), 37, 37, x.data_ptr<float>(), 37, 6, y.data_ptr<float>(), 11, 0, 11);
        EXPECT_LT(maxAbsDiff(y, x.to(torch::kFloat64).matmul(w.to(torch::kFloat64).t())), 1e-5) << cpuIsaName(k->isa);
        k->matVecBf16(bf16Data(wBf16), 37, 37, x.data_ptr<float>(), 37, 6, y.data_ptr<float>(), 11, 0, 11);
        EXPECT_LT(maxAbsDiff(y, x.to(torch::kFloat64).matmul(wBf16.to(torch::kFloat64).t())), 1e-5) << cpuIsaName(k->isa);
        k->matVecInt8(wInt8.data_ptr<int8_t>(), scale.data_ptr<float>(), 37, 37, x.data_ptr<float>(), 37, 6,
                      y.data_ptr<float>(), 11, 0, 11);
        const auto dequantized = wInt8.to(torch::kFloat64) * scale.to(torch::kFloat64).unsqueeze(1);
        EXPECT_LT(maxAbsDiff(y, x.to(torch::kFloat64).matmul(dequantized.t())), 1e-5) << cpuIsaName(k->isa);
    }
}

TEST(CpuKernels, RowsComputedTogetherEqualRowsComputedAloneBitForBit) {
    torch::manual_seed(2);
    const auto w = torch::randn({9, 70});
    const auto x = torch::randn({7, 70});
    for (const auto* k : runnableSets()) {
        auto together = torch::zeros({7, 9}), alone = torch::zeros({7, 9});
        k->matVecF32(w.data_ptr<float>(), 70, 70, x.data_ptr<float>(), 70, 7, together.data_ptr<float>(), 9, 0, 9);
        for (int64_t b = 0; b < 7; ++b)
            for (int64_t j = 0; j < 9; ++j)  // one row of x against one row of w: no tile shares anything
                k->matVecF32(w.data_ptr<float>(), 70, 70, x.data_ptr<float>() + b * 70, 70, 1,
                             alone.data_ptr<float>() + b * 9, 9, j, j + 1);
        EXPECT_TRUE(torch::equal(together, alone)) << cpuIsaName(k->isa);
    }
}

TEST(CpuKernels, CachedAttentionEqualsFloat64Softmax) {
    torch::manual_seed(3);
    // dim 24: tails only; 72: whole blocks of keys and of output vectors with AVX-512, then tails
    for (const auto& [count, dim] : {std::pair<int64_t, int64_t>{21, 24}, {37, 72}}) {
        const int64_t groups = 3;
        const auto q = torch::randn({groups, dim}), keys = torch::randn({count, dim}) * 2, values = torch::randn({count, dim});
        const float scale = 0.2f;
        const auto q64 = q.to(torch::kFloat64);
        for (const auto* k : runnableSets()) {
            std::vector<float> scores(groups * count);
            auto out = torch::zeros({groups, dim});
            k->attendCachedF32(q.data_ptr<float>(), groups, keys.data_ptr<float>(), values.data_ptr<float>(), count, dim, scale,
                               scores.data(), out.data_ptr<float>());
            const auto expected = torch::softmax(q64.matmul(keys.to(torch::kFloat64).t()) * scale, -1).matmul(values.to(torch::kFloat64));
            EXPECT_LT(maxAbsDiff(out, expected), 1e-5) << cpuIsaName(k->isa);
            const auto k16 = keys.to(torch::kBFloat16), v16 = values.to(torch::kBFloat16);
            k->attendCachedBf16(q.data_ptr<float>(), groups, bf16Data(k16), bf16Data(v16), count, dim, scale, scores.data(),
                                out.data_ptr<float>());
            const auto expected16 =
                torch::softmax(q64.matmul(k16.to(torch::kFloat64).t()) * scale, -1).matmul(v16.to(torch::kFloat64));
            EXPECT_LT(maxAbsDiff(out, expected16), 1e-5) << cpuIsaName(k->isa);
        }
    }
}

TEST(CpuKernels, RmsNormSwigluAndArgmaxEqualFloat64) {
    torch::manual_seed(4);
    const int64_t n = 45;
    const auto x = torch::randn({n}) * 3, w = torch::randn({n}), up = torch::randn({n});
    const auto x64 = x.to(torch::kFloat64);
    for (const auto* k : runnableSets()) {
        auto y = torch::zeros({n});
        const float inverse = k->rmsNormRowF32(x.data_ptr<float>(), w.data_ptr<float>(), n, 1e-5f, y.data_ptr<float>());
        const auto rms = torch::sqrt(x64.pow(2).mean() + 1e-5);
        EXPECT_NEAR(inverse, 1.0 / rms.item<double>(), 1e-6) << cpuIsaName(k->isa);
        EXPECT_LT(maxAbsDiff(y, x64 / rms * w.to(torch::kFloat64)), 1e-5) << cpuIsaName(k->isa);
        // silu reaching far into both tails: exp's range reduction and its underflow to 0
        const auto gate = torch::linspace(-100, 100, n);
        k->swigluF32(gate.data_ptr<float>(), up.data_ptr<float>(), n, y.data_ptr<float>());
        const auto g64 = gate.to(torch::kFloat64);
        EXPECT_LT(maxAbsDiff(y, g64 * torch::sigmoid(g64) * up.to(torch::kFloat64)), 1e-4) << cpuIsaName(k->isa);
        auto ties = torch::tensor({1.0f, 7.0f, -2.0f, 7.0f, 3.0f});
        EXPECT_EQ(k->argmaxF32(ties.data_ptr<float>(), 5), ties.argmax().item<int64_t>()) << cpuIsaName(k->isa);
    }
}

TEST(CpuKernels, Bfloat16ConversionRoundsAsTorchDoes) {
    // Halfway cases both ways, a NaN, infinities and ordinary values: torch's round-to-nearest-even. NaN
    // bits differ between torch's own paths (0x7fc0 scalar, 0xffff vectorized), so NaN is compared as NaN.
    const auto x = torch::cat({torch::tensor({1.00390625f, 1.01171875f, -1.00390625f, 3.0e38f, -0.0f}),
                               torch::tensor({std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity()}),
                               torch::randn({29}) * 1000});
    const auto expected = x.to(torch::kBFloat16);
    for (const auto* k : runnableSets()) {
        auto out = torch::empty({x.size(0)}, torch::kBFloat16);
        k->toBf16(x.data_ptr<float>(), x.size(0), reinterpret_cast<Bf16*>(out.data_ptr()));
        const auto number = expected.isnan().logical_not();
        EXPECT_TRUE(torch::equal(out.view(torch::kInt16).index({number}), expected.view(torch::kInt16).index({number})))
            << cpuIsaName(k->isa);
        EXPECT_TRUE(torch::equal(out.isnan(), expected.isnan())) << cpuIsaName(k->isa);
        auto back = torch::empty({x.size(0)});
        k->toFloat(bf16Data(expected), x.size(0), back.data_ptr<float>());
        EXPECT_TRUE(torch::equal(back.nan_to_num(0), expected.to(torch::kFloat32).nan_to_num(0))) << cpuIsaName(k->isa);
    }
}

TEST(CpuKernels, DispatchCapsAtTheRequestedSetAndNeverAboveTheCpu) {
    const CpuIsa best = bestCpuIsa();
    EXPECT_EQ(limitCpuIsa(CpuIsa::Generic), CpuIsa::Generic);
    EXPECT_EQ(cpuKernels().isa, CpuIsa::Generic);
    const CpuIsa avx2 = limitCpuIsa(CpuIsa::Avx2);
    EXPECT_EQ(avx2, best == CpuIsa::Generic ? CpuIsa::Generic : CpuIsa::Avx2);
    EXPECT_EQ(limitCpuIsa(CpuIsa::Avx512), best);
    EXPECT_FALSE(cpuFeatures().model.empty());
}

TEST(BlasCore, NamesTheKernelsTheLoadedOpenBlasRuns) {
    // libtorch's float32 products run on Debian's OpenBLAS, which every engine test loads
    const auto name = blasCoreName();
    ASSERT_TRUE(name.has_value());
    EXPECT_FALSE(name->empty());
}
