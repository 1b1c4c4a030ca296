#include "core/kernels/cpu-features.h"

#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace srllm::core {
namespace {

CpuFeatures detect() {
    CpuFeatures f;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    // libgcc's checks include the OS side (XGETBV): AVX-512 counts only where the kernel saves zmm state.
    f.avx2 = __builtin_cpu_supports("avx2");
    f.fma = __builtin_cpu_supports("fma");
    f.avx512f = __builtin_cpu_supports("avx512f");
    f.avx512bw = __builtin_cpu_supports("avx512bw");
    f.avx512vl = __builtin_cpu_supports("avx512vl");
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (f.avx512f && __get_cpuid_count(7, 1, &a, &b, &c, &d)) f.avx512bf16 = (a >> 5) & 1;  // leaf 7.1 EAX[5]
    if (__get_cpuid_count(7, 0, &a, &b, &c, &d)) f.amxBf16 = ((d >> 22) & 1) && ((d >> 24) & 1);  // AMX-BF16, AMX-TILE
    unsigned brand[12] = {};
    if (__get_cpuid(0x80000000, &a, &b, &c, &d) && a >= 0x80000004) {
        for (unsigned i = 0; i < 3; ++i) __get_cpuid(0x80000002 + i, &brand[4 * i], &brand[4 * i + 1], &brand[4 * i + 2], &brand[4 * i + 3]);
        char text[sizeof(brand) + 1] = {};
        std::memcpy(text, brand, sizeof(brand));
        f.model = text;
        f.model.erase(0, f.model.find_first_not_of(' '));
    }
#endif
    if (f.model.empty()) f.model = "unknown CPU";
    return f;
}

}  // namespace

const char* cpuIsaName(CpuIsa isa) {
    switch (isa) {
        case CpuIsa::Generic: return "generic";
        case CpuIsa::Avx2: return "avx2";
        case CpuIsa::Avx512: return "avx512";
    }
    return "unknown";
}

std::string CpuFeatures::flags() const {
    std::string out;
    const std::pair<bool, const char*> named[] = {{avx2, "avx2"},         {fma, "fma"},           {avx512f, "avx512f"},
                                                  {avx512bw, "avx512bw"}, {avx512vl, "avx512vl"}, {avx512bf16, "avx512_bf16"},
                                                  {amxBf16, "amx_bf16"}};
    for (const auto& [present, name] : named) {
        if (!present) continue;
        if (!out.empty()) out += ' ';
        out += name;
    }
    return out.empty() ? "none of avx2/avx512/amx" : out;
}

const CpuFeatures& cpuFeatures() {
    static const CpuFeatures features = detect();
    return features;
}

CpuIsa bestCpuIsa() {
    const auto& f = cpuFeatures();
    if (f.avx512f && f.avx512bw && f.avx512vl && f.avx2 && f.fma) return CpuIsa::Avx512;
    if (f.avx2 && f.fma) return CpuIsa::Avx2;
    return CpuIsa::Generic;
}

}  // namespace srllm::core
