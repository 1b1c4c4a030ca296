// The AVX-512 BF16 product (core/kernels/bf16-gemm.h, through core/model/bf16-weight-product.h) against
// torch's bf16 and float32 matmul on the frozen base projections of one LoRA training step of the benchmark
// model (bench-model.h: rows = batch 8 × 256 tokens, dim 512, FFN 1376): forward x·Wᵀ and input gradient
// dY·W for the attention (512→512), gate/up (512→1376) and down (1376→512) weights. The kernel's time
// includes packing the float32 weight each call (as it would in training); torch's bf16 time excludes casting
// the weight. Rounds alternate the three; one JSON line per product with the median and range of GFLOP/s of each and the
// kernel's largest difference from torch's bf16 product. First, on one thread, the instructions' own peaks:
// vdpbf16ps (64 flops each) against vfmadd231ps (32 flops each) on 24 independent register chains.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <immintrin.h>
#include <nlohmann/json.hpp>

#include "bench/bench-model.h"
#include "core/kernels/bf16-gemm.h"
#include "core/kernels/cpu-features.h"
#include "core/model/engine-runtime.h"
#include "core/model/bf16-weight-product.h"

using namespace srllm::core;

namespace {

double gflops(const std::function<void()>& product, double flops, int reps) {
    product();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < reps; ++i) product();
    return flops * reps / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 1e9;
}

// GFLOP/s of one instruction (Bf16Dot: vdpbf16ps, else vfmadd231ps) on one thread, best of five runs.
template <bool Bf16Dot>
__attribute__((target("avx512f,avx512bf16"))) double instructionPeak() {
    constexpr int kChains = 24;
    const __m512 x = _mm512_set1_ps(1e-9f), y = _mm512_set1_ps(1.0f);
    const __m512bh xh = (__m512bh)_mm512_set1_epi32(0x30803080), yh = (__m512bh)_mm512_set1_epi32(0x30803080);
    const int64_t loops = 4'000'000;
    double best = 0.0;
    float sink = 0.0f;
    for (int run = 0; run < 5; ++run) {
        __m512 acc[kChains];
#pragma GCC unroll 24
        for (int c = 0; c < kChains; ++c) acc[c] = _mm512_set1_ps(static_cast<float>(c));  // distinct: not merged
        const auto start = std::chrono::steady_clock::now();
        for (int64_t i = 0; i < loops; ++i) {
#pragma GCC unroll 24
            for (int c = 0; c < kChains; ++c)
                acc[c] = Bf16Dot ? _mm512_dpbf16_ps(acc[c], xh, yh) : _mm512_fmadd_ps(x, y, acc[c]);
            __asm__ volatile("" ::"v"(acc[0]));
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        best = std::max(best, loops * kChains * (Bf16Dot ? 64.0 : 32.0) / seconds / 1e9);
        __m512 total = acc[0];
#pragma GCC unroll 24
        for (int c = 1; c < kChains; ++c) total = _mm512_add_ps(total, acc[c]);
        alignas(64) float lanes[16];
        _mm512_store_ps(lanes, total);
        sink += lanes[0];
    }
    return best + (sink == 12345.0f ? 1e-9 : 0.0);  // keeps the chains alive
}

// The median and the range of the rounds' rates.
nlohmann::json summary(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return {{"median", values[values.size() / 2]}, {"min", values.front()}, {"max", values.back()}};
}

}  // namespace

int main(int argc, char** argv) {
    int64_t threads = 1, rows = 2048, dim = 512, ffn = 1376, reps = 5, rounds = 5;
    if (!srllm::bench::parseOptions(argc, argv,
                                    {{"--threads", &threads}, {"--rows", &rows}, {"--dim", &dim}, {"--ffn", &ffn},
                                     {"--reps", &reps}, {"--rounds", &rounds}},
                                    {}))
        return 2;
    configureEngineRuntime(threads);
    std::printf("%s\n", nlohmann::json{{"cpu", cpuFeatures().model}, {"flags", cpuFeatures().flags()},
                                       {"kernel", bf16Gemm() ? "avx512_bf16" : "absent"}, {"threads", threads}}
                            .dump()
                            .c_str());
    if (!bf16Gemm()) return 0;
    std::printf("%s\n", nlohmann::json{{"instruction_peak_1_thread_gflops",
                                        {{"vdpbf16ps", instructionPeak<true>()}, {"vfmadd231ps", instructionPeak<false>()}}}}
                            .dump()
                            .c_str());
    torch::NoGradGuard noGrad;
    struct Product {
        std::string name;
        int64_t inner, outer;  // W is [outer, inner] for the forward, the product's k and n are swapped for dY·W
        bool forward;
    };
    const std::vector<Product> products = {{"square 2048 (the peak's product)", 2048, 2048, true},
                                           {"forward q/k/v/o x·Wt", dim, dim, true},  {"forward gate/up x·Wt", dim, ffn, true},
                                           {"forward down x·Wt", ffn, dim, true},     {"grad x q/k/v/o dY·W", dim, dim, false},
                                           {"grad x gate/up dY·W", dim, ffn, false}, {"grad x down dY·W", ffn, dim, false}};
    for (const auto& p : products) {
        const auto w = torch::randn({p.outer, p.inner}) / std::sqrt(static_cast<double>(p.inner));
        const int64_t k = p.forward ? p.inner : p.outer, n = p.forward ? p.outer : p.inner;
        const auto a = torch::randn({rows, k});
        const auto aBf16 = a.to(torch::kBFloat16), wBf16 = w.to(torch::kBFloat16);
        const auto bF32 = p.forward ? w.t() : w, bBf16 = p.forward ? wBf16.t() : wBf16;
        const double flops = 2.0 * rows * k * n;
        std::vector<double> bf16Rates, f32Rates, ourRates;
        for (int64_t round = 0; round < rounds; ++round) {
            bf16Rates.push_back(gflops([&] { torch::matmul(aBf16, bBf16); }, flops, static_cast<int>(reps)));
            f32Rates.push_back(gflops([&] { torch::matmul(a, bF32); }, flops, static_cast<int>(reps)));
            ourRates.push_back(gflops([&] { bf16TimesFloatWeight(aBf16, w, p.forward); }, flops, static_cast<int>(reps)));
        }
        const auto ours = *bf16TimesFloatWeight(aBf16, w, p.forward);
        const double diff = (ours.to(torch::kFloat32) - torch::matmul(aBf16, bBf16).to(torch::kFloat32)).abs().max().item<double>();
        std::printf("%s\n", nlohmann::json{{"product", p.name},
                                           {"m", rows},
                                           {"k", k},
                                           {"n", n},
                                           {"torch_bf16_gflops", summary(bf16Rates)},
                                           {"torch_fp32_gflops", summary(f32Rates)},
                                           {"kernel_gflops", summary(ourRates)},
                                           {"max_abs_diff_vs_torch_bf16", diff}}
                                .dump()
                                .c_str());
    }
    return 0;
}
