#pragma once
// What the CPU offers the engine's own kernels, read at run time (cpuid), never assumed from the build
// machine: the same binary runs on an AVX2-only desk CPU and uses AVX-512 (and reports BF16/AMX) where
// they exist. Torch-free.
#include <string>

namespace srllm::core {

// The compiled kernel sets (core/kernels/cpu-kernels.h), each usable where the one before it is.
enum class CpuIsa { Generic, Avx2, Avx512 };
const char* cpuIsaName(CpuIsa isa);

struct CpuFeatures {
    std::string model;  // the brand string, e.g. "Intel(R) Xeon(R) Platinum 8480+"
    bool avx2 = false;
    bool fma = false;
    bool avx512f = false;
    bool avx512bw = false;
    bool avx512vl = false;
    bool avx512bf16 = false;  // vdpbf16ps / vcvtneps2bf16: oneDNN's native bf16 matmuls
    bool amxBf16 = false;     // AMX tiles: oneDNN's fastest bf16 matmuls
    // The present flags by their /proc/cpuinfo names ("avx2 fma avx512f ..."), for benchmark reports.
    std::string flags() const;
};

// Read once, thread-safe.
const CpuFeatures& cpuFeatures();

// The widest kernel set this CPU (and its OS) runs.
CpuIsa bestCpuIsa();

}  // namespace srllm::core
