#pragma once
// A bfloat16 matrix product for CPUs with AVX-512 BF16 (vdpbf16ps: two bf16 products per float32 lane
// and instruction, twice an fp32 FMA's work): C = A·B with A bf16 [m,k] row-major, B float32 read through
// strides and rounded to bf16 into packed panels, float32 accumulation, C float32 or bf16. Built for the
// frozen base projections of LoRA training (x·Wᵀ and dY·W). Torch-free; callers share the tiles among threads.
#include <cstdint>

#include "core/kernels/cpu-kernels.h"

namespace srllm::core {

struct Bf16Gemm {
    // Column strips of B as packed: each strip is kStrip columns wide (zero-padded at the right edge).
    static constexpr int64_t kStrip = 64;
    // Output tiles: kTileRows rows × kTileStrips strips, one task each.
    static constexpr int64_t kTileRows = 96;
    static constexpr int64_t kTileStrips = 4;

    // Packed B's size in bf16 values; B is k × n.
    static int64_t packedSize(int64_t k, int64_t n) { return strips(n) * ((k + 1) / 2) * 2 * kStrip; }
    static int64_t strips(int64_t n) { return (n + kStrip - 1) / kStrip; }
    static int64_t tiles(int64_t m, int64_t n) {
        return ((m + kTileRows - 1) / kTileRows) * ((strips(n) + kTileStrips - 1) / kTileStrips);
    }

    // Packs strips [s0, s1) of B, where B[kk][j] = b[kk·strideK + j·strideN] (strideK 1, strideN k: B = Wᵀ
    // for W [n,k] row-major), rounded to nearest even.
    void (*packB)(const float* b, int64_t strideK, int64_t strideN, int64_t k, int64_t n, int64_t s0, int64_t s1,
                  Bf16* packed);
    // Computes output tile `tile` (of tiles(m, n)) of C = A·B into C, float32 (cBf16 null) or bf16 (cF32
    // null), row stride ldc.
    void (*multiplyTile)(const Bf16* a, int64_t lda, int64_t m, int64_t k, const Bf16* packed, int64_t n,
                         int64_t tile, float* cF32, Bf16* cBf16, int64_t ldc);
};

// The kernel where the CPU has AVX-512 BF16 and the kernel set in use is AVX-512 (limitCpuIsa and
// SRLLM_CPU_ISA turn it off with the rest); nullptr otherwise.
const Bf16Gemm* bf16Gemm();

// The compiled kernel (bf16-gemm-avx512bf16.cpp) regardless of the CPU; nullptr when the build left it out.
const Bf16Gemm* avx512Bf16GemmKernel();

}  // namespace srllm::core
