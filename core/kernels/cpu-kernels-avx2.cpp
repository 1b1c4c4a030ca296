// The AVX2 + FMA kernel set; core/CMakeLists.txt compiles this file alone with -mavx2 -mfma.
#include "core/kernels/cpu-kernels.h"

#if defined(__AVX2__) && defined(__FMA__)
#define SRLLM_KERNEL_ISA CpuIsa::Avx2
#define SRLLM_KERNEL_TABLE avx2CpuKernels
#include "core/kernels/cpu-kernels-body.inc"
#else
const srllm::core::CpuKernelTable* srllm::core::avx2CpuKernels() { return nullptr; }
#endif
