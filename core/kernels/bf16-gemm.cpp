#include "core/kernels/bf16-gemm.h"

namespace srllm::core {

const Bf16Gemm* bf16Gemm() {
    if (activeCpuIsa() != CpuIsa::Avx512 || !cpuFeatures().avx512bf16) return nullptr;
    return avx512Bf16GemmKernel();
}

}  // namespace srllm::core
