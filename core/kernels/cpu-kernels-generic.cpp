// The kernel set for any x86-64 (or other) CPU: the baseline instruction set of the build.
#define SRLLM_KERNEL_ISA CpuIsa::Generic
#define SRLLM_KERNEL_TABLE genericCpuKernels
#include "core/kernels/cpu-kernels-body.inc"
