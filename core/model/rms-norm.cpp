#include "core/model/rms-norm.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <ATen/Parallel.h>
#include <ATen/autocast_mode.h>

#include "core/kernels/cpu-kernels.h"

namespace srllm::core {
namespace {

// Rows per parallel task: a few thousand floats each, enough to hide the task start.
constexpr int64_t kRowGrain = 16;

// Row r of t as float32: the row itself when t is float32, else converted into `buffer`.
const float* floatRow(const torch::Tensor& t, int64_t r, float* buffer) {
    const int64_t cols = t.size(1);
    if (t.scalar_type() == torch::kFloat32) return t.data_ptr<float>() + r * cols;
    cpuKernels().toFloat(reinterpret_cast<const Bf16*>(t.data_ptr()) + r * cols, cols, buffer);
    return buffer;
}

// Writes a float32 row into row r of t (float32 or bfloat16).
void storeRow(torch::Tensor& t, int64_t r, const float* row) {
    const int64_t cols = t.size(1);
    if (t.scalar_type() == torch::kFloat32) {
        std::copy(row, row + cols, t.data_ptr<float>() + r * cols);
    } else {
        cpuKernels().toBf16(row, cols, reinterpret_cast<Bf16*>(t.data_ptr()) + r * cols);
    }
}

struct RmsNormFunction : torch::autograd::Function<RmsNormFunction> {
    // x [N,C] contiguous, weight [C] -> y [N,C] in `dtype`; keeps x, weight and inverse [N] (1/rms of each row).
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 const torch::Tensor& weight, double eps, at::ScalarType dtype) {
        const int64_t rows = x.size(0), cols = x.size(1);
        auto y = torch::empty(x.sizes(), x.options().dtype(dtype));
        auto inverse = torch::empty({rows}, x.options().dtype(torch::kFloat32));
        const auto w = weight.to(torch::kFloat32).contiguous();
        at::parallel_for(0, rows, kRowGrain, [&](int64_t begin, int64_t end) {
            std::vector<float> buffer(2 * cols);
            for (int64_t r = begin; r < end; ++r) {
                const float* xr = floatRow(x, r, buffer.data());
                inverse.data_ptr<float>()[r] =
                    cpuKernels().rmsNormRowF32(xr, w.data_ptr<float>(), cols, static_cast<float>(eps), buffer.data() + cols);
                storeRow(y, r, buffer.data() + cols);
            }
        });
        ctx->save_for_backward({x, weight, inverse});
        return y;
    }

    // With n = x·inv: dweight = Σ_rows g·n; dx = inv·(g·w − n·mean(g·w·n)).
    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::tensor_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto& x = saved[0];
        const auto& weight = saved[1];
        const auto& inverse = saved[2];
        const auto grad = grads[0].contiguous();
        const int64_t rows = x.size(0), cols = x.size(1);
        auto dx = torch::empty_like(x);
        const auto w = weight.to(torch::kFloat32).contiguous();
        // One partial weight gradient per thread, summed at the end, so threads never share a row of it.
        auto partial = torch::zeros({at::get_num_threads(), cols}, x.options().dtype(torch::kFloat32));
        const float* wp = w.data_ptr<float>();
        const float* ip = inverse.data_ptr<float>();
        at::parallel_for(0, rows, kRowGrain, [&](int64_t begin, int64_t end) {
            float* dw = partial.data_ptr<float>() + at::get_thread_num() * cols;
            std::vector<float> buffer(3 * cols);
            for (int64_t r = begin; r < end; ++r) {
                const float* xr = floatRow(x, r, buffer.data());
                const float* gr = floatRow(grad, r, buffer.data() + cols);
                float* dxr = buffer.data() + 2 * cols;
                const float inv = ip[r];
                double dot = 0;  // Σ g·w·n
                for (int64_t c = 0; c < cols; ++c) {
                    const float n = xr[c] * inv;
                    dw[c] += gr[c] * n;
                    dot += static_cast<double>(gr[c]) * wp[c] * n;
                }
                const auto mean = static_cast<float>(dot / static_cast<double>(cols));
                for (int64_t c = 0; c < cols; ++c) dxr[c] = inv * (gr[c] * wp[c] - xr[c] * inv * mean);
                storeRow(dx, r, dxr);
            }
        });
        return {dx, partial.sum(0).to(weight.scalar_type()), torch::Tensor(), torch::Tensor()};
    }
};

bool fusedCovers(const torch::Tensor& x, const torch::Tensor& weight) {
    const auto floating = [](const torch::Tensor& t) {
        return t.scalar_type() == torch::kFloat32 || t.scalar_type() == torch::kBFloat16;
    };
    return x.is_cpu() && weight.is_cpu() && floating(x) && floating(weight) && x.is_contiguous() && x.numel() > 0;
}

}  // namespace

torch::Tensor rmsNorm(const torch::Tensor& x, const torch::Tensor& weight, double eps) {
    if (!fusedCovers(x, weight)) {
        const auto x32 = x.to(torch::kFloat32);
        const auto normed = x32 * torch::rsqrt(x32.pow(2).mean(-1, /*keepdim=*/true) + eps);
        return weight * normed.to(x.scalar_type());
    }
    // Under autocast the next consumers are bfloat16 products: writing bfloat16 here spares each of them
    // its own cast of the float32 output (q, k and v would cast the same rows three times).
    const bool bf16 = x.scalar_type() == torch::kBFloat16 || at::autocast::is_cpu_enabled();
    const int64_t cols = x.size(-1);
    return RmsNormFunction::apply(x.reshape({-1, cols}), weight, eps, bf16 ? torch::kBFloat16 : torch::kFloat32)
        .view(x.sizes());
}

RmsNormImpl::RmsNormImpl(int64_t size, double eps) : m_eps(eps) {
    weight = register_parameter("weight", torch::ones({size}));
}

torch::Tensor RmsNormImpl::forward(const torch::Tensor& x) { return rmsNorm(x, weight, m_eps); }

}  // namespace srllm::core
