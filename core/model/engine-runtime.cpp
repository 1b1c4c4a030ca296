#include "core/model/engine-runtime.h"

#include <thread>

#include <torch/torch.h>

#include "core/kernels/blas-core.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace srllm::core {

void configureEngineRuntime(int64_t threads) {
    restartWithKnownBlasCore();
    const unsigned cores = std::thread::hardware_concurrency();
    torch::set_num_threads(threads > 0 ? static_cast<int>(threads) : cores > 0 ? static_cast<int>(cores) : 1);
#if defined(__GLIBC__)
    // Both thresholds are fixed values from here on (glibc stops adapting them).
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace srllm::core
