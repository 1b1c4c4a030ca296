#pragma once
// Which kernels the process's OpenBLAS (the BLAS libtorch's float32 products run on) picked for this CPU,
// and the fix when it picked its generic ones. Torch-free.
#include <optional>
#include <string>

namespace srllm::core {

// OpenBLAS's name for the kernels it runs ("SkylakeX", "Haswell", "Prescott" ...); nullopt without OpenBLAS.
std::optional<std::string> blasCoreName();

// Debian 12's OpenBLAS (0.3.21) names CPUs newer than it, an Emerald Rapids Xeon say, "Prescott" and runs
// its SSE3 kernels: float32 products 4-9x slower than its AVX2 or AVX-512 ones (docs/BENCHMARKS.md). It
// reads OPENBLAS_CORETYPE only while loading, so when the CPU has AVX2 or AVX-512 but OpenBLAS chose an
// older core and the variable is unset, this starts the program again (execv of /proc/self/exe with the
// same arguments) with it set to the matching core. Returns only when nothing needs doing or the restart
// failed. Call first thing in a program, before it prints or opens anything (Linux only). The restarted
// process finds OpenBLAS's own choice in the environment variable kBlasCoreChosenVariable.
void restartWithKnownBlasCore();
inline constexpr const char* kBlasCoreChosenVariable = "SRLLM_OPENBLAS_CHOSE";

}  // namespace srllm::core
