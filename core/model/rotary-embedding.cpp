#include "core/model/rotary-embedding.h"

#include <vector>

#include <ATen/Parallel.h>

#include "core/kernels/cpu-kernels.h"

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

// Rotates each head row of x [B,H,T,D] (row stride free, head dimension contiguous; float32 or bfloat16)
// by cos/sin [B,1,T,D] (float32, contiguous) into out [B,H,T,D] (contiguous, x's dtype). transposed
// applies the transposed map: the backward.
void rotateRows(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin, torch::Tensor& out,
                bool transposed) {
    const int64_t heads = x.size(1), count = x.size(2), dim = x.size(3);
    const int64_t rows = x.size(0) * heads * count;
    const float* cp = cos.data_ptr<float>();
    const float* sp = sin.data_ptr<float>();
    const bool bf16 = x.scalar_type() == torch::kBFloat16;
    const auto* xp = static_cast<const char*>(x.data_ptr());
    auto* op = static_cast<char*>(out.data_ptr());
    const int64_t size = static_cast<int64_t>(x.element_size());
    at::parallel_for(0, rows, 64, [&](int64_t begin, int64_t end) {
        const auto& kernels = cpuKernels();
        for (int64_t row = begin; row < end; ++row) {
            const int64_t t = row % count, h = (row / count) % heads, b = row / (count * heads);
            const char* xr = xp + (b * x.stride(0) + h * x.stride(1) + t * x.stride(2)) * size;
            const float* c = cp + (b * count + t) * dim;
            const float* s = sp + (b * count + t) * dim;
            char* o = op + row * dim * size;
            if (bf16)
                kernels.rotateHalfBf16(reinterpret_cast<const Bf16*>(xr), c, s, dim, transposed, reinterpret_cast<Bf16*>(o));
            else
                kernels.rotateHalfF32(reinterpret_cast<const float*>(xr), c, s, dim, transposed, reinterpret_cast<float*>(o));
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
    const bool dtype = x.scalar_type() == torch::kFloat32 || x.scalar_type() == torch::kBFloat16;
    return x.is_cpu() && dtype && x.dim() == 4 && x.stride(3) == 1 && x.size(3) % 2 == 0 && x.numel() > 0 &&
           cos.sizes() == rowShape && sin.sizes() == rowShape && !cos.requires_grad() && !sin.requires_grad();
}

}  // namespace

torch::Tensor RotaryEmbedding::apply(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    if (fusedCovers(x, cos, sin)) {
        // The tables as float32 rows: the rotation is computed in float32 and rounded once to x's dtype.
        const auto table = [](const torch::Tensor& t) { return t.to(torch::kFloat32).contiguous(); };
        return RotaryFunction::apply(x, table(cos), table(sin));
    }
    const int64_t half = x.size(-1) / 2;
    const auto rotated = torch::cat({-x.slice(-1, half), x.slice(-1, 0, half)}, -1);
    return x * cos + rotated * sin;
}

}  // namespace srllm::core
