#include "core/model/dropout.h"

#include <cmath>
#include <mutex>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

namespace srllm::core {
namespace {

// Sebastiano Vigna's splitmix64 finaliser: a bijective 64-bit mix, so consecutive counters give
// independent-looking outputs.
uint64_t splitmix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

uint64_t drawSeed() {
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get<at::CPUGeneratorImpl>()->random64();
}

}  // namespace

torch::Tensor dropoutMask(at::IntArrayRef sizes, double p, torch::Dtype dtype) {
    TORCH_CHECK(p >= 0.0 && p < 1.0, "dropout probability must be in [0, 1), got ", p);
    auto mask = torch::empty(sizes, torch::kFloat32);
    const uint64_t seed = drawSeed();
    // Drop when the top 32 bits fall below p·2³².
    const auto threshold = static_cast<uint64_t>(std::ldexp(p, 32));
    const float keep = static_cast<float>(1.0 / (1.0 - p));
    float* data = mask.data_ptr<float>();
    at::parallel_for(0, mask.numel(), 1 << 14, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            const uint64_t bits = splitmix64(seed + static_cast<uint64_t>(i) * 0x9E3779B97F4A7C15ULL) >> 32;
            data[i] = bits < threshold ? 0.0f : keep;
        }
    });
    return mask.to(dtype);
}

torch::Tensor fastDropout(const torch::Tensor& x, double p) {
    if (p == 0.0) return x;
    if (!x.device().is_cpu()) return torch::dropout(x, p, /*train=*/true);
    return x * dropoutMask(x.sizes(), p, x.scalar_type());
}

}  // namespace srllm::core
