// The AVX-512 (F, BW, VL) kernel set; core/CMakeLists.txt compiles this file alone with those -m flags.
#include "core/kernels/cpu-kernels.h"

#if defined(__AVX512F__) && defined(__AVX512BW__) && defined(__AVX512VL__)
#define SRLLM_KERNEL_ISA CpuIsa::Avx512
#define SRLLM_KERNEL_TABLE avx512CpuKernels
#include "core/kernels/cpu-kernels-body.inc"
#else
const srllm::core::CpuKernelTable* srllm::core::avx512CpuKernels() { return nullptr; }
#endif
