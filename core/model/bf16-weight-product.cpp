#include "core/model/bf16-weight-product.h"

#include <ATen/Parallel.h>
#include <ATen/record_function.h>

#include "core/kernels/bf16-gemm.h"

namespace srllm::core {

std::optional<torch::Tensor> bf16TimesFloatWeight(const torch::Tensor& x, const torch::Tensor& weight, bool weightTransposed) {
    const Bf16Gemm* kernel = bf16Gemm();
    if (!kernel || !x.is_cpu() || !weight.is_cpu() || weight.dim() != 2 || weight.scalar_type() != torch::kFloat32 ||
        (x.scalar_type() != torch::kBFloat16 && x.scalar_type() != torch::kFloat32))
        return std::nullopt;
    const int64_t k = weightTransposed ? weight.size(1) : weight.size(0);
    const int64_t n = weightTransposed ? weight.size(0) : weight.size(1);
    if (x.dim() < 1 || x.size(-1) != k || k == 0 || n == 0) return std::nullopt;
    RECORD_FUNCTION("srllm::bf16_gemm", std::vector<c10::IValue>());  // named in profiles (bench/profile-summary.py)
    const auto a = x.reshape({-1, k}).to(torch::kBFloat16).contiguous();
    const auto w = weight.contiguous();
    const int64_t m = a.size(0);
    auto sizes = x.sizes().vec();
    sizes.back() = n;
    auto out = torch::empty({m, n}, x.options().dtype(torch::kBFloat16));
    if (m == 0) return out.view(sizes);
    auto packed = torch::empty({Bf16Gemm::packedSize(k, n)}, torch::kInt16);
    auto* packedData = reinterpret_cast<Bf16*>(packed.data_ptr());
    const int64_t strideK = weightTransposed ? 1 : n, strideN = weightTransposed ? k : 1;
    at::parallel_for(0, Bf16Gemm::strips(n), 1, [&](int64_t s0, int64_t s1) {
        kernel->packB(w.data_ptr<float>(), strideK, strideN, k, n, s0, s1, packedData);
    });
    const auto* aData = reinterpret_cast<const Bf16*>(a.data_ptr());
    auto* outData = reinterpret_cast<Bf16*>(out.data_ptr());
    at::parallel_for(0, Bf16Gemm::tiles(m, n), 1, [&](int64_t t0, int64_t t1) {
        for (int64_t t = t0; t < t1; ++t) kernel->multiplyTile(aData, k, m, k, packedData, n, t, nullptr, outData, n);
    });
    return out.view(sizes);
}

}  // namespace srllm::core
