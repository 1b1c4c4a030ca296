#include "core/kernels/blas-core.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

#if defined(__linux__)
#include <dlfcn.h>
#include <unistd.h>
#endif

#include "core/kernels/cpu-features.h"

namespace srllm::core {

std::optional<std::string> blasCoreName() {
#if defined(__linux__)
    using CoreName = const char* (*)();
    if (const auto name = reinterpret_cast<CoreName>(dlsym(RTLD_DEFAULT, "openblas_get_corename"))) return std::string(name());
#endif
    return std::nullopt;
}

void restartWithKnownBlasCore() {
#if defined(__linux__)
    if (std::getenv("OPENBLAS_CORETYPE")) return;  // chosen by the user, or by the restart itself
    auto core = blasCoreName();
    if (!core) return;
    std::transform(core->begin(), core->end(), core->begin(), [](unsigned char c) { return std::tolower(c); });
    // OpenBLAS's x86 cores older than Haswell: what it falls back to for a CPU it does not know.
    const std::vector<std::string> older = {"prescott", "core2",   "penryn", "dunnington", "nehalem",
                                            "atom",     "katmai",  "coppermine", "northwood", "banias"};
    if (std::find(older.begin(), older.end(), *core) == older.end()) return;
    const CpuIsa isa = bestCpuIsa();
    if (isa == CpuIsa::Generic) return;
    std::ifstream cmdline("/proc/self/cmdline", std::ios::binary);
    const std::string raw((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
    std::vector<std::string> args;
    for (size_t begin = 0; begin < raw.size();) {
        const size_t end = raw.find('\0', begin);
        args.push_back(raw.substr(begin, end - begin));
        begin = end == std::string::npos ? raw.size() : end + 1;
    }
    if (args.empty()) return;
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    setenv("OPENBLAS_CORETYPE", isa == CpuIsa::Avx512 ? "SkylakeX" : "Haswell", 1);
    setenv(kBlasCoreChosenVariable, core->c_str(), 1);
    std::fflush(nullptr);
    execv("/proc/self/exe", argv.data());
    unsetenv("OPENBLAS_CORETYPE");  // the restart failed: carry on with the kernels OpenBLAS chose
    unsetenv(kBlasCoreChosenVariable);
#endif
}

}  // namespace srllm::core
