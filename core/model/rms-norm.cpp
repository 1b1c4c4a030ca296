#include "core/model/rms-norm.h"

#include <cmath>

#include <ATen/Parallel.h>

namespace srllm::core {
namespace {

// Rows per parallel task: a few thousand floats each, enough to hide the task start.
constexpr int64_t kRowGrain = 16;

struct RmsNormFunction : torch::autograd::Function<RmsNormFunction> {
    // x [N,C] contiguous, weight [C] -> y [N,C]; keeps x, weight and inverse [N] (1/rms of each row).
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 const torch::Tensor& weight, double eps) {
        const int64_t rows = x.size(0), cols = x.size(1);
        auto y = torch::empty_like(x);
        auto inverse = torch::empty({rows}, x.options());
        const float* xp = x.data_ptr<float>();
        const float* wp = weight.data_ptr<float>();
        float* yp = y.data_ptr<float>();
        float* ip = inverse.data_ptr<float>();
        at::parallel_for(0, rows, kRowGrain, [&](int64_t begin, int64_t end) {
            for (int64_t r = begin; r < end; ++r) {
                const float* xr = xp + r * cols;
                double squares = 0;
                for (int64_t c = 0; c < cols; ++c) squares += static_cast<double>(xr[c]) * xr[c];
                const auto inv = static_cast<float>(1.0 / std::sqrt(squares / static_cast<double>(cols) + eps));
                ip[r] = inv;
                float* yr = yp + r * cols;
                for (int64_t c = 0; c < cols; ++c) yr[c] = wp[c] * (xr[c] * inv);
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
        // One partial weight gradient per thread, summed at the end, so threads never share a row of it.
        auto partial = torch::zeros({at::get_num_threads(), cols}, x.options());
        const float* xp = x.data_ptr<float>();
        const float* wp = weight.data_ptr<float>();
        const float* ip = inverse.data_ptr<float>();
        const float* gp = grad.data_ptr<float>();
        float* dxp = dx.data_ptr<float>();
        float* pp = partial.data_ptr<float>();
        at::parallel_for(0, rows, kRowGrain, [&](int64_t begin, int64_t end) {
            float* dw = pp + at::get_thread_num() * cols;
            for (int64_t r = begin; r < end; ++r) {
                const float* xr = xp + r * cols;
                const float* gr = gp + r * cols;
                const float inv = ip[r];
                double dot = 0;  // Σ g·w·n
                for (int64_t c = 0; c < cols; ++c) {
                    const float n = xr[c] * inv;
                    dw[c] += gr[c] * n;
                    dot += static_cast<double>(gr[c]) * wp[c] * n;
                }
                const auto mean = static_cast<float>(dot / static_cast<double>(cols));
                float* dxr = dxp + r * cols;
                for (int64_t c = 0; c < cols; ++c) dxr[c] = inv * (gr[c] * wp[c] - xr[c] * inv * mean);
            }
        });
        return {dx, partial.sum(0), torch::Tensor()};
    }
};

bool fusedCovers(const torch::Tensor& x, const torch::Tensor& weight) {
    return x.is_cpu() && x.scalar_type() == torch::kFloat32 && weight.scalar_type() == torch::kFloat32 &&
           weight.is_cpu() && x.is_contiguous() && weight.is_contiguous() && x.numel() > 0;
}

}  // namespace

torch::Tensor rmsNorm(const torch::Tensor& x, const torch::Tensor& weight, double eps) {
    if (!fusedCovers(x, weight)) {
        const auto x32 = x.to(torch::kFloat32);
        const auto normed = x32 * torch::rsqrt(x32.pow(2).mean(-1, /*keepdim=*/true) + eps);
        return weight * normed.to(x.scalar_type());
    }
    const int64_t cols = x.size(-1);
    return RmsNormFunction::apply(x.reshape({-1, cols}), weight, eps).view(x.sizes());
}

RmsNormImpl::RmsNormImpl(int64_t size, double eps) : m_eps(eps) {
    weight = register_parameter("weight", torch::ones({size}));
}

torch::Tensor RmsNormImpl::forward(const torch::Tensor& x) { return rmsNorm(x, weight, m_eps); }

}  // namespace srllm::core
