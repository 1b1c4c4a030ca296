#pragma once
// Process-wide settings every program that runs the engine (the CLI's engine commands, the benchmarks,
// the training worker) applies once at start, before the first tensor.
#include <cstdint>

namespace srllm::core {

// First restarts the program when OpenBLAS runs its generic kernels on a CPU with AVX2 or AVX-512
// (restartWithKnownBlasCore, core/kernels/blas-core.h), so call it before printing anything. Then sets
// libtorch's intra-op threads (`threads` > 0, or every core for 0: libtorch defaults to one here)
// and keeps freed large blocks in the process heap instead of returning them to the OS (glibc only).
// Why the latter: glibc serves blocks above its mmap threshold (at most 32 MiB by default) with fresh
// mappings and unmaps them on free, so the logits and activations a training step allocates again each
// step are page-faulted and zero-filled each time. Measured on the training benchmark: 3% (full) and 9%
// (LoRA) more tokens/s at the same peak RSS (docs/BENCHMARKS.md). Freed memory is reused by the process
// but not given back to the system until it ends.
void configureEngineRuntime(int64_t threads = 0);

}  // namespace srllm::core
