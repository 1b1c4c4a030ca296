// The machine a benchmark row comes from (issue #14): the CPU's model and the instruction-set flags the
// engine found, the kernel set it runs, the kernels OpenBLAS runs (its float32 products), the threads, and the peaks its rows are read against: float32 and
// bfloat16 matrix products (2048², best of six) and the bandwidth of one pass over 256 MB. Prints one JSON
// line; bench/run-train-bench.sh and bench/run-generate-bench.sh print it above their tables.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>

#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include "bench/bench-model.h"
#include "core/kernels/blas-core.h"
#include "core/kernels/cpu-kernels.h"
#include "core/model/engine-runtime.h"

using namespace srllm::core;

namespace {

// GFLOP/s of an n×n by n×n torch::mm in `dtype` (OpenBLAS for float32, oneDNN for bfloat16 in libtorch
// 1.13), the best of `reps` products after one warm-up: on a shared machine the best is the one that ran
// undisturbed, the nearest to what the CPU can do.
double matmulPeakGflops(torch::Dtype dtype, int64_t n = 2048, int reps = 6) {
    const auto a = torch::randn({n, n}).to(dtype), b = torch::randn({n, n}).to(dtype);
    torch::mm(a, b);
    double best = 1e30;
    for (int i = 0; i < reps; ++i) {
        const auto start = std::chrono::steady_clock::now();
        torch::mm(a, b);
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return 2.0 * static_cast<double>(n * n * n) / best / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
    int64_t threads = 0;
    if (!srllm::bench::parseOptions(argc, argv, {{"--threads", &threads}}, {})) return 2;
    configureEngineRuntime(threads);
    // Streaming read bandwidth: the sum of a buffer far larger than any cache, split across the threads.
    const auto buffer = torch::rand({64 << 20});  // 256 MB
    double best = 1e30;
    for (int i = 0; i < 6; ++i) {
        const auto start = std::chrono::steady_clock::now();
        buffer.sum().item<float>();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    const auto& cpu = cpuFeatures();
    const nlohmann::json row = {{"cpu", cpu.model},
                                {"flags", cpu.flags()},
                                {"kernels", cpuIsaName(activeCpuIsa())},
                                {"openblas_core", blasCoreName().value_or("none")},
                                // what OpenBLAS chose itself when srllm restarted with OPENBLAS_CORETYPE set
                                {"openblas_chose", std::getenv(kBlasCoreChosenVariable) ? nlohmann::json(std::getenv(kBlasCoreChosenVariable))
                                                                                        : nlohmann::json()},
                                {"threads", at::get_num_threads()},
                                {"fp32_matmul_gflops", matmulPeakGflops(torch::kFloat32)},
                                // torch 1.13 multiplies bf16 through oneDNN only with AVX-512; elsewhere a
                                // scalar loop at a fraction of a GFLOP/s would run for many minutes
                                {"bf16_matmul_gflops", cpu.avx512bw && cpu.avx512vl
                                                           ? nlohmann::json(matmulPeakGflops(torch::kBFloat16))
                                                           : nlohmann::json()},
                                {"read_gbps", static_cast<double>(buffer.numel() * 4) / best / 1e9}};
    std::printf("%s\n", row.dump().c_str());
    return 0;
}
