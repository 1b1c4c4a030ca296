#include "core/kernels/cpu-kernels.h"

#include <cstdlib>
#include <cstring>

namespace srllm::core {
namespace {

const CpuKernelTable* tableAtMost(CpuIsa isa) {
    const CpuIsa best = bestCpuIsa();
    if (static_cast<int>(isa) > static_cast<int>(best)) isa = best;
    if (isa == CpuIsa::Avx512 && avx512CpuKernels()) return avx512CpuKernels();
    if (isa != CpuIsa::Generic && avx2CpuKernels()) return avx2CpuKernels();
    return genericCpuKernels();
}

const CpuKernelTable* initialTable() {
    const char* requested = std::getenv("SRLLM_CPU_ISA");
    CpuIsa isa = CpuIsa::Avx512;
    if (requested && std::strcmp(requested, "generic") == 0) isa = CpuIsa::Generic;
    if (requested && std::strcmp(requested, "avx2") == 0) isa = CpuIsa::Avx2;
    return tableAtMost(isa);
}

const CpuKernelTable*& activeTable() {
    static const CpuKernelTable* table = initialTable();
    return table;
}

}  // namespace

const CpuKernelTable& cpuKernels() { return *activeTable(); }

CpuIsa activeCpuIsa() { return activeTable()->isa; }

CpuIsa limitCpuIsa(CpuIsa isa) {
    activeTable() = tableAtMost(isa);
    return activeCpuIsa();
}

}  // namespace srllm::core
