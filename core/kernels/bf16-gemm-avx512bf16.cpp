// The AVX-512 BF16 product of bf16-gemm.h; core/CMakeLists.txt compiles this file alone with -mavx512bf16.
// Internal linkage only and no standard-library templates, as in cpu-kernels-body.inc.
#include "core/kernels/bf16-gemm.h"

#if defined(__AVX512BF16__) && defined(__AVX512BW__) && defined(__AVX512VL__)
#include <immintrin.h>

namespace srllm::core {
namespace {

constexpr int64_t kStrip = Bf16Gemm::kStrip;
constexpr int64_t kTileCols = Bf16Gemm::kTileStrips * kStrip;
// k per pass over a tile: one strip's 128 pairs × 64 columns (32 KB) stay in L1 while every row block uses them.
constexpr int64_t kDepth = 256;
constexpr int kMicroRows = 6;  // 6 rows × 4 vectors of 16 columns: 24 accumulators of the 32 registers

inline int64_t smaller(int64_t a, int64_t b) { return a < b ? a : b; }

inline Bf16 roundBf16(float x) {  // nearest even; NaN becomes torch's quiet NaN
    uint32_t bits;
    __builtin_memcpy(&bits, &x, 4);
    if ((bits & 0x7fffffffu) > 0x7f800000u) return 0x7fc0;
    return static_cast<Bf16>((bits + 0x7fffu + ((bits >> 16) & 1u)) >> 16);
}

// Packed strip layout: pair p of k (rows 2p, 2p+1 of B), column j, half h at (p·kStrip + j)·2 + h, which is
// the operand order of vdpbf16ps (each float32 lane takes one column's two consecutive k).
void packB(const float* b, int64_t strideK, int64_t strideN, int64_t k, int64_t n, int64_t s0, int64_t s1,
           Bf16* packed) {
    const int64_t pairs = (k + 1) / 2;
    for (int64_t s = s0; s < s1; ++s) {
        Bf16* out = packed + s * pairs * 2 * kStrip;
        const int64_t width = smaller(kStrip, n - s * kStrip);
        for (int64_t i = 0; i < pairs * 2 * kStrip; ++i) out[i] = 0;
        // Walk B along its contiguous direction, so a transposed weight is read row by row.
        if (strideK <= strideN) {
            for (int64_t j = 0; j < width; ++j) {
                const float* column = b + (s * kStrip + j) * strideN;
                for (int64_t kk = 0; kk < k; ++kk) out[((kk / 2) * kStrip + j) * 2 + (kk & 1)] = roundBf16(column[kk * strideK]);
            }
        } else {
            for (int64_t kk = 0; kk < k; ++kk) {
                const float* row = b + kk * strideK + s * kStrip * strideN;
                for (int64_t j = 0; j < width; ++j) out[((kk / 2) * kStrip + j) * 2 + (kk & 1)] = roundBf16(row[j * strideN]);
            }
        }
    }
}

inline __m512bh broadcastPair(const Bf16* a) {
    int32_t pair;
    __builtin_memcpy(&pair, a, 4);
    return (__m512bh)_mm512_set1_epi32(pair);
}

// c[R, 64] (+)= a[R, 2·pairs (+1 if odd)] · the packed strip b; the accumulators stay in registers.
template <int R>
void microKernel(const Bf16* a, int64_t lda, int64_t pairs, bool odd, const Bf16* b, float* c, int64_t ldc, bool add) {
    __m512 acc[R][4];
#pragma GCC unroll 8
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 4
        for (int t = 0; t < 4; ++t) acc[r][t] = add ? _mm512_loadu_ps(c + r * ldc + 16 * t) : _mm512_setzero_ps();
    for (int64_t p = 0; p < pairs; ++p) {
        const Bf16* bp = b + p * 2 * kStrip;
        const __m512bh b0 = (__m512bh)_mm512_loadu_si512(bp), b1 = (__m512bh)_mm512_loadu_si512(bp + 32);
        const __m512bh b2 = (__m512bh)_mm512_loadu_si512(bp + 64), b3 = (__m512bh)_mm512_loadu_si512(bp + 96);
#pragma GCC unroll 8
        for (int r = 0; r < R; ++r) {
            const __m512bh av = broadcastPair(a + r * lda + 2 * p);
            acc[r][0] = _mm512_dpbf16_ps(acc[r][0], av, b0);
            acc[r][1] = _mm512_dpbf16_ps(acc[r][1], av, b1);
            acc[r][2] = _mm512_dpbf16_ps(acc[r][2], av, b2);
            acc[r][3] = _mm512_dpbf16_ps(acc[r][3], av, b3);
        }
    }
    if (odd) {  // the last k alone: its partner in A is taken as zero (B's is zero-padded)
        const Bf16* bp = b + pairs * 2 * kStrip;
#pragma GCC unroll 8
        for (int r = 0; r < R; ++r) {
            const __m512bh av = (__m512bh)_mm512_set1_epi32(a[r * lda + 2 * pairs]);
#pragma GCC unroll 4
            for (int t = 0; t < 4; ++t)
                acc[r][t] = _mm512_dpbf16_ps(acc[r][t], av, (__m512bh)_mm512_loadu_si512(bp + 32 * t));
        }
    }
#pragma GCC unroll 8
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 4
        for (int t = 0; t < 4; ++t) _mm512_storeu_ps(c + r * ldc + 16 * t, acc[r][t]);
}

void microKernelRows(int rows, const Bf16* a, int64_t lda, int64_t pairs, bool odd, const Bf16* b, float* c,
                     int64_t ldc, bool add) {
    switch (rows) {
        case 6: return microKernel<6>(a, lda, pairs, odd, b, c, ldc, add);
        case 5: return microKernel<5>(a, lda, pairs, odd, b, c, ldc, add);
        case 4: return microKernel<4>(a, lda, pairs, odd, b, c, ldc, add);
        case 3: return microKernel<3>(a, lda, pairs, odd, b, c, ldc, add);
        case 2: return microKernel<2>(a, lda, pairs, odd, b, c, ldc, add);
        default: return microKernel<1>(a, lda, pairs, odd, b, c, ldc, add);
    }
}

void storeRow(const float* row, int64_t count, float* cF32, Bf16* cBf16) {
    for (int64_t j = 0; j < count; j += 16) {
        const __mmask16 mask = count - j >= 16 ? 0xffff : static_cast<__mmask16>((1u << (count - j)) - 1);
        const __m512 v = _mm512_maskz_loadu_ps(mask, row + j);
        if (cF32) {
            _mm512_mask_storeu_ps(cF32 + j, mask, v);
        } else {
            // vcvtneps2bf16 rounds to nearest even like roundBf16; NaN to torch's quiet NaN.
            const __m256i rounded = (__m256i)_mm512_cvtneps_pbh(v);
            const __m256i quiet = _mm256_set1_epi16(0x7fc0);
            const __m256i out = _mm256_mask_blend_epi16(_mm512_cmp_ps_mask(v, v, _CMP_UNORD_Q), rounded, quiet);
            _mm256_mask_storeu_epi16(cBf16 + j, mask, out);
        }
    }
}

void multiplyTile(const Bf16* a, int64_t lda, int64_t m, int64_t k, const Bf16* packed, int64_t n, int64_t tile,
                  float* cF32, Bf16* cBf16, int64_t ldc) {
    const int64_t strips = Bf16Gemm::strips(n), pairsAll = (k + 1) / 2;
    const int64_t colTiles = (strips + Bf16Gemm::kTileStrips - 1) / Bf16Gemm::kTileStrips;
    const int64_t row0 = (tile / colTiles) * Bf16Gemm::kTileRows, strip0 = (tile % colTiles) * Bf16Gemm::kTileStrips;
    const int64_t rows = smaller(Bf16Gemm::kTileRows, m - row0), tileStrips = smaller(Bf16Gemm::kTileStrips, strips - strip0);
    alignas(64) float buffer[Bf16Gemm::kTileRows * kTileCols];  // the tile in float32 across the passes over k
    if (k == 0) __builtin_memset(buffer, 0, sizeof(buffer));
    for (int64_t k0 = 0; k0 < k; k0 += kDepth) {
        const int64_t depth = smaller(kDepth, k - k0);
        for (int64_t s = 0; s < tileStrips; ++s) {
            const Bf16* b = packed + (strip0 + s) * pairsAll * 2 * kStrip + k0 * kStrip;
            for (int64_t r = 0; r < rows; r += kMicroRows)
                microKernelRows(static_cast<int>(smaller(kMicroRows, rows - r)), a + (row0 + r) * lda + k0, lda, depth / 2,
                                (depth & 1) != 0, b, buffer + r * kTileCols + s * kStrip, kTileCols, k0 > 0);
        }
    }
    const int64_t col0 = strip0 * kStrip, cols = smaller(tileStrips * kStrip, n - col0);
    for (int64_t r = 0; r < rows; ++r) {
        const int64_t at = (row0 + r) * ldc + col0;
        storeRow(buffer + r * kTileCols, cols, cF32 ? cF32 + at : nullptr, cBf16 ? cBf16 + at : nullptr);
    }
}

}  // namespace

const Bf16Gemm* avx512Bf16GemmKernel() {
    static const Bf16Gemm kernel{packB, multiplyTile};
    return &kernel;
}

}  // namespace srllm::core
#else
const srllm::core::Bf16Gemm* srllm::core::avx512Bf16GemmKernel() { return nullptr; }
#endif
