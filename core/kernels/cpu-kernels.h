#pragma once
// The engine's own CPU kernels on raw buffers, compiled once per instruction set from one body
// (cpu-kernels-body.inc, built as cpu-kernels-{generic,avx2,avx512}.cpp with their own -m flags) and
// chosen at run time from what the CPU offers (cpu-features.h). Torch-free; callers split the work across
// threads. Within one kernel set every output is summed in a fixed order that does not depend on how many
// rows are computed together, so a batched product equals the same rows computed one at a time, bit for bit.
#include <cstdint>

#include "core/kernels/cpu-features.h"

namespace srllm::core {

using Bf16 = uint16_t;  // bfloat16 bits (the high half of a float32)

struct CpuKernelTable {
    CpuIsa isa;

    // --- matrix times vectors (decoding): y[b·ldy + j] = Σ_k w[j·ldw + k]·x[b·ldx + k] for the weight rows
    // j in [j0, j1) and the n input rows b, in = number of k. Streams each weight row once for all n.
    void (*matVecF32)(const float* w, int64_t ldw, int64_t in, const float* x, int64_t ldx, int64_t n, float* y,
                      int64_t ldy, int64_t j0, int64_t j1);
    void (*matVecBf16)(const Bf16* w, int64_t ldw, int64_t in, const float* x, int64_t ldx, int64_t n, float* y,
                       int64_t ldy, int64_t j0, int64_t j1);
    // Weight-only int8: w[j,k] ≈ scale[j]·q[j,k].
    void (*matVecInt8)(const int8_t* w, const float* scale, int64_t ldw, int64_t in, const float* x, int64_t ldx,
                       int64_t n, float* y, int64_t ldy, int64_t j0, int64_t j1);

    // --- attention of `groups` queries q [groups, dim] over `count` cached keys and values [count, dim]
    // (rows `dim` apart): out [groups, dim] = softmax(q·kᵀ·scale)·v. scratch holds groups·count floats.
    void (*attendCachedF32)(const float* q, int64_t groups, const float* keys, const float* values, int64_t count,
                            int64_t dim, float scale, float* scratch, float* out);
    void (*attendCachedBf16)(const float* q, int64_t groups, const Bf16* keys, const Bf16* values, int64_t count,
                             int64_t dim, float scale, float* scratch, float* out);

    // --- rows of elementwise work
    // y = x / rms(x) · w over n values, rms = sqrt(mean(x²) + eps); returns 1/rms.
    float (*rmsNormRowF32)(const float* x, const float* w, int64_t n, float eps, float* y);
    // out[i] = silu(gate[i]) · up[i]
    void (*swigluF32)(const float* gate, const float* up, int64_t n, float* out);
    // The index of the largest value (the first of equal ones, as torch's argmax).
    int64_t (*argmaxF32)(const float* x, int64_t n);
    void (*toFloat)(const Bf16* x, int64_t n, float* out);
    void (*toBf16)(const float* x, int64_t n, Bf16* out);  // round to nearest even, NaN kept

    // --- rows of training work: bfloat16 activations, float32 arithmetic
    // out = softmax(x·scale + mask) over n values (mask may be null); x is overwritten.
    void (*softmaxRowToBf16)(float* x, const float* mask, int64_t n, float scale, Bf16* out);
    // The backward of that softmax through the scale: ds = p·(dp − Σ p·dp)·scale.
    void (*softmaxBackwardRowBf16)(const Bf16* p, const float* dp, int64_t n, float scale, Bf16* ds);
    // Returns lse(x) − x[target] and leaves softmax(x) − onehot(target) in x.
    float (*crossEntropyRowF32)(float* x, int64_t n, int64_t target);
    void (*swigluBf16)(const Bf16* gate, const Bf16* up, int64_t n, Bf16* out);
    // dgate = dout·up·σ·(1 + gate·(1 − σ)), dup = dout·silu(gate), σ = sigmoid(gate).
    void (*swigluBackwardF32)(const float* dout, const float* gate, const float* up, int64_t n, float* dgate, float* dup);
    void (*swigluBackwardBf16)(const Bf16* dout, const Bf16* gate, const Bf16* up, int64_t n, Bf16* dgate, Bf16* dup);
    // One head row of RoPE in rotate_half layout: x·cos + rotate_half(x)·sin; `transposed` applies the
    // transposed map (the backward). cos/sin float32 [dim].
    void (*rotateHalfF32)(const float* x, const float* cos, const float* sin, int64_t dim, bool transposed, float* out);
    void (*rotateHalfBf16)(const Bf16* x, const float* cos, const float* sin, int64_t dim, bool transposed, Bf16* out);
};

// The kernel set in use: the CPU's best, or lower when limited (tests of the fallback, benchmarks).
const CpuKernelTable& cpuKernels();
CpuIsa activeCpuIsa();
// Caps the kernel set at `isa` (never above the CPU's best); returns the set now in use. Not thread-safe:
// call before kernels run. The environment variable SRLLM_CPU_ISA=generic|avx2|avx512 does the same at start.
CpuIsa limitCpuIsa(CpuIsa isa);

// One table per compiled set (cpu-kernels-*.cpp); nullptr when this build left one out.
const CpuKernelTable* genericCpuKernels();
const CpuKernelTable* avx2CpuKernels();
const CpuKernelTable* avx512CpuKernels();

}  // namespace srllm::core
