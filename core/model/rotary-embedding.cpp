#include "core/model/rotary-embedding.h"

#include <vector>

#include <ATen/Parallel.h>

namespace srllm::core {

RotaryEmbedding::RotaryEmbedding(int64_t headDim, double theta, const std::optional<RopeScaling>& scaling) {
    const auto exponents = torch::arange(0, headDim, 2, torch::kInt64).to(torch::kFloat32) / static_cast<double>(headDim);
    m_inverseFrequency = 1.0 / torch::pow(theta, exponents);
    if (!scaling) return;
    // Wavelengths longer than the original context / low_freq_factor are stretched by `factor`, those
    // shorter than context / high_freq_factor kept, and the band between blended linearly in
    // context / wavelength, as HF computes it (in float32).
    const auto& s = *scaling;
    const double context = static_cast<double>(s.originalMaxPositions);
    const auto wavelength = 2.0 * M_PI / m_inverseFrequency;
    const auto scaled = torch::where(wavelength > context / s.lowFreqFactor, m_inverseFrequency / s.factor, m_inverseFrequency);
    const auto smooth = (context / wavelength - s.lowFreqFactor) / (s.highFreqFactor - s.lowFreqFactor);
    const auto blended = (1 - smooth) * scaled / s.factor + smooth * scaled;
    const auto medium = (wavelength >= context / s.highFreqFactor) & (wavelength <= context / s.lowFreqFactor);
    m_inverseFrequency = torch::where(medium, blended, scaled);
}

std::pair<torch::Tensor, torch::Tensor> RotaryEmbedding::cosSin(const torch::Tensor& positions, torch::Dtype dtype) const {
    const auto inverse = m_inverseFrequency.to(positions.device());
    const auto angles = positions.to(torch::kFloat32).unsqueeze(-1) * inverse;  // [B,T,D/2]
    const auto both = torch::cat({angles, angles}, -1).unsqueeze(1);             // [B,1,T,D]
    return {both.cos().to(dtype), both.sin().to(dtype)};
}

namespace {

// Rotates each head row of x [B,H,T,D] (row stride free, head dimension contiguous) by cos/sin [B,1,T,D]
// (contiguous) into out [B,H,T,D] (contiguous). transposed applies the transposed map: the backward.
void rotateRows(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin, torch::Tensor& out,
                bool transposed) {
    const int64_t heads = x.size(1), count = x.size(2), dim = x.size(3), half = dim / 2;
    const int64_t rows = x.size(0) * heads * count;
    const float* xp = x.data_ptr<float>();
    const float* cp = cos.data_ptr<float>();
    const float* sp = sin.data_ptr<float>();
    float* op = out.data_ptr<float>();
    at::parallel_for(0, rows, 64, [&](int64_t begin, int64_t end) {
        for (int64_t row = begin; row < end; ++row) {
            const int64_t t = row % count, h = (row / count) % heads, b = row / (count * heads);
            const float* xr = xp + b * x.stride(0) + h * x.stride(1) + t * x.stride(2);
            const float* c = cp + (b * count + t) * dim;
            const float* s = sp + (b * count + t) * dim;
            float* o = op + row * dim;
            if (!transposed) {  // out = (x1·c1 − x2·s1, x2·c2 + x1·s2)
                for (int64_t i = 0; i < half; ++i) {
                    o[i] = xr[i] * c[i] - xr[i + half] * s[i];
                    o[i + half] = xr[i + half] * c[i + half] + xr[i] * s[i + half];
                }
            } else {  // out = (x1·c1 + x2·s2, x2·c2 − x1·s1)
                for (int64_t i = 0; i < half; ++i) {
                    o[i] = xr[i] * c[i] + xr[i + half] * s[i + half];
                    o[i + half] = xr[i + half] * c[i + half] - xr[i] * s[i];
                }
            }
        }
    });
}

struct RotaryFunction : torch::autograd::Function<RotaryFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 const torch::Tensor& cos, const torch::Tensor& sin) {
        ctx->save_for_backward({cos, sin});
        auto out = torch::empty(x.sizes(), x.options());
        rotateRows(x, cos, sin, out, false);
        return out;
    }

    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::tensor_list grads) {
        const auto saved = ctx->get_saved_variables();
        auto grad = grads[0].stride(-1) == 1 ? grads[0] : grads[0].contiguous();
        auto dx = torch::empty(grad.sizes(), grad.options());
        rotateRows(grad, saved[0], saved[1], dx, true);
        return {dx, torch::Tensor(), torch::Tensor()};
    }
};

bool fusedCovers(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    const auto rowShape = std::vector<int64_t>{x.size(0), 1, x.size(2), x.size(3)};
    return x.is_cpu() && x.scalar_type() == torch::kFloat32 && x.dim() == 4 && x.stride(3) == 1 &&
           x.size(3) % 2 == 0 && x.numel() > 0 && cos.scalar_type() == torch::kFloat32 &&
           sin.scalar_type() == torch::kFloat32 && cos.sizes() == rowShape && sin.sizes() == rowShape &&
           cos.is_contiguous() && sin.is_contiguous() && !cos.requires_grad() && !sin.requires_grad();
}

}  // namespace

torch::Tensor RotaryEmbedding::apply(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    if (fusedCovers(x, cos, sin)) return RotaryFunction::apply(x, cos, sin);
    const int64_t half = x.size(-1) / 2;
    const auto rotated = torch::cat({-x.slice(-1, half), x.slice(-1, 0, half)}, -1);
    return x * cos + rotated * sin;
}

}  // namespace srllm::core
