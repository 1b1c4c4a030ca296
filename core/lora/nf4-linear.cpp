#include "core/lora/nf4-linear.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <mutex>

namespace srllm::core {

namespace {

torch::Tensor tableTensor(const float* values, int64_t n) {
    return torch::from_blob(const_cast<float*>(values), {n}, torch::kFloat32).clone();
}

// A constant table on the device of the tensor it serves, made once per device (they are a few KB).
const torch::Tensor& onDevice(const torch::Device& device, const std::function<torch::Tensor()>& make,
                              std::map<std::string, torch::Tensor>& cache, std::mutex& mutex) {
    std::lock_guard<std::mutex> lock(mutex);
    auto& slot = cache[device.str()];
    if (!slot.defined()) slot = make().to(device);
    return slot;
}

// Splits `x` (flattened, zero-padded to whole blocks) into rows of `block` and returns [rows, block].
torch::Tensor toBlocks(const torch::Tensor& x, int64_t block) {
    auto flat = x.reshape({-1});
    const int64_t rows = (flat.numel() + block - 1) / block;
    if (rows * block != flat.numel()) flat = torch::constant_pad_nd(flat, {0, rows * block - flat.numel()}, 0);
    return flat.view({rows, block});
}

// Rows of `blocks` divided by their absmax (all-zero rows stay zero); returns {normalised, absmax}.
std::pair<torch::Tensor, torch::Tensor> absmaxNormalise(const torch::Tensor& blocks) {
    auto absmax = blocks.abs().amax(1);  // [rows]
    auto safe = absmax.clamp_min(std::numeric_limits<float>::min());
    return {blocks / safe.unsqueeze(1), absmax};
}

// A 256-entry table giving both values a packed byte holds: [256, 2] (high nibble first).
torch::Tensor pairLookup(torch::Dtype dtype) {
    auto codes = tableTensor(nf4CodeValues().data(), 16);
    auto byte = torch::arange(256, torch::kLong);
    return torch::stack({codes.index_select(0, byte.div(16, "floor")), codes.index_select(0, byte.remainder(16))}, 1)
        .to(dtype);
}

torch::Tensor dequantizeParts(const torch::Tensor& packed, const torch::Tensor& scales, int64_t numel,
                              at::IntArrayRef shape, torch::Dtype dtype) {
    // Float32 products then one cast, as bitsandbytes does, so bf16 sees a single rounding.
    static std::map<std::string, torch::Tensor> luts;
    static std::mutex mutex;
    const auto& lut = onDevice(packed.device(), [] { return pairLookup(torch::kFloat32); }, luts, mutex);
    auto values = lut.index_select(0, packed.to(torch::kInt)).view({-1, kNf4BlockSize});  // [blocks, 64]
    values.mul_(scales.unsqueeze(1));
    return values.view({-1}).narrow(0, 0, numel).view(shape).to(dtype);
}

// y = x·Wᵀ with W rebuilt from its NF4 parts in forward and again in backward, so the layer holds only
// the 4-bit parts between the two passes. Only the input gradient exists (the base is frozen).
struct Nf4LinearFunction : public torch::autograd::Function<Nf4LinearFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 const torch::Tensor& packed, const torch::Tensor& scales, int64_t numel,
                                 std::vector<int64_t> shape) {
        ctx->saved_data["packed"] = packed;
        ctx->saved_data["scales"] = scales;
        ctx->saved_data["numel"] = numel;
        ctx->saved_data["shape"] = shape;
        const auto weight = dequantizeParts(packed, scales, numel, shape, x.scalar_type());
        return torch::matmul(x, weight.t());
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list gradOut) {
        const auto& g = gradOut[0];
        const auto weight = dequantizeParts(ctx->saved_data["packed"].toTensor(), ctx->saved_data["scales"].toTensor(),
                                            ctx->saved_data["numel"].toInt(), ctx->saved_data["shape"].toIntVector(),
                                            g.scalar_type());
        return {torch::matmul(g, weight), {}, {}, {}, {}};
    }
};

}  // namespace

const std::array<float, 16>& nf4CodeValues() {
    // bitsandbytes functional.py get_4bit_type("nf4"): quantiles of N(0,1) normalised to [-1, 1].
    static const std::array<float, 16> codes = {
        -1.0f, -0.6961928009986877f, -0.5250730514526367f, -0.39491748809814453f, -0.28444138169288635f,
        -0.18477343022823334f, -0.09105003625154495f, 0.0f, 0.07958029955625534f, 0.16093020141124725f,
        0.24611230194568634f, 0.33791524171829224f, 0.44070982933044434f, 0.5626170039176941f,
        0.7229568362236023f, 1.0f};
    return codes;
}

const std::array<float, 256>& dynamicMap8Bit() {
    // bitsandbytes create_dynamic_map(signed=True, max_exponent_bits=7, total_bits=8): for exponent i the
    // 2^i midpoints of linspace(0.1, 1, 2^i + 1) times 10^(i-6), both signs, plus 0 and 1.
    static const std::array<float, 256> map = [] {
        std::vector<float> data;
        for (int i = 0; i < 7; ++i) {
            const int items = (1 << i) + 1;
            const double scale = std::pow(10.0, -6 + i);
            for (int k = 0; k + 1 < items; ++k) {
                const float lo = static_cast<float>(0.1 + 0.9 * k / (items - 1));  // float32 as torch.linspace
                const float hi = static_cast<float>(0.1 + 0.9 * (k + 1) / (items - 1));
                const float mean = (lo + hi) / 2.0f;  // float32, as torch computes the means
                data.push_back(static_cast<float>(scale * mean));
                data.push_back(static_cast<float>(-scale * mean));
            }
        }
        data.push_back(0.0f);
        data.push_back(1.0f);
        std::sort(data.begin(), data.end());
        std::array<float, 256> out{};
        std::copy(data.begin(), data.end(), out.begin());
        return out;
    }();
    return map;
}

torch::Tensor nearestCodeIndex(const torch::Tensor& x, const torch::Tensor& sortedCodes) {
    const int64_t n = sortedCodes.numel();
    const auto codes = sortedCodes.to(x.device());
    auto mids = (codes.narrow(0, 0, n - 1) + codes.narrow(0, 1, n - 1)) / 2;
    // bucketize(right=false) counts the midpoints strictly below x: the index of the nearest code,
    // ties going to the lower code.
    return torch::bucketize(x.to(torch::kFloat32).contiguous(), mids).to(torch::kUInt8);
}

int64_t Nf4Tensor::bytes() const {
    return packed.numel() + scaleCodes.numel() + scaleScales.numel() * 4 + static_cast<int64_t>(sizeof(scaleOffset));
}

Nf4Tensor quantizeNf4(const torch::Tensor& weight) {
    torch::NoGradGuard noGrad;
    Nf4Tensor q;
    q.shape = weight.sizes().vec();
    q.numel = weight.numel();
    const auto [normalised, absmax] = absmaxNormalise(toBlocks(weight.detach().to(torch::kFloat32), kNf4BlockSize));
    auto codes = nearestCodeIndex(normalised, tableTensor(nf4CodeValues().data(), 16)).view({-1, 2});
    q.packed = (codes.select(1, 0) * 16 + codes.select(1, 1)).contiguous();  // [blocks*32]
    // Double quantization: the scales, centred on their mean, coded with the 8-bit dynamic map.
    q.scaleOffset = absmax.mean().item<float>();
    const auto [centred, superAbsmax] = absmaxNormalise(toBlocks(absmax - q.scaleOffset, kNf4ScaleBlockSize));
    q.scaleCodes = nearestCodeIndex(centred, tableTensor(dynamicMap8Bit().data(), 256))
                       .view({-1})
                       .narrow(0, 0, absmax.numel())
                       .contiguous();
    q.scaleScales = superAbsmax.contiguous();
    return q;
}

torch::Tensor dequantizeNf4Scales(const Nf4Tensor& q) {
    static std::map<std::string, torch::Tensor> maps;
    static std::mutex mutex;
    const auto& map = onDevice(q.scaleCodes.device(), [] { return tableTensor(dynamicMap8Bit().data(), 256); }, maps, mutex);
    const int64_t blocks = q.scaleCodes.numel();
    auto perBlock = q.scaleScales.repeat_interleave(kNf4ScaleBlockSize).narrow(0, 0, blocks);
    return map.index_select(0, q.scaleCodes.to(torch::kInt)) * perBlock + q.scaleOffset;
}

torch::Tensor dequantizeNf4(const Nf4Tensor& q, torch::Dtype dtype) {
    torch::NoGradGuard noGrad;
    return dequantizeParts(q.packed, dequantizeNf4Scales(q), q.numel, q.shape, dtype);
}

Nf4ProjectionImpl::Nf4ProjectionImpl(const torch::Tensor& weight, const torch::Tensor& bias, torch::Dtype computeDtype)
    : m_weight(quantizeNf4(weight)), m_computeDtype(computeDtype) {
    TORCH_CHECK(weight.dim() == 2, "an NF4 projection needs a 2-d weight [out, in]");
    // Buffers, not parameters: they travel with .to() and state dicts but are never trained.
    register_buffer("packed", m_weight.packed);
    register_buffer("scale_codes", m_weight.scaleCodes);
    register_buffer("scale_scales", m_weight.scaleScales);
    if (bias.defined()) m_bias = register_buffer("bias", bias.detach().to(computeDtype).clone());
}

torch::Tensor Nf4ProjectionImpl::forward(const torch::Tensor& x) {
    // Scales are dequantized once per call (a few KB); the 4-bit weight inside the autograd function.
    const auto scales = dequantizeNf4Scales(m_weight);
    auto y = Nf4LinearFunction::apply(x.to(m_computeDtype), m_weight.packed, scales, m_weight.numel, m_weight.shape);
    return m_bias.defined() ? y + m_bias : y;
}

torch::Tensor Nf4ProjectionImpl::dequantizedWeight(torch::Dtype dtype) const { return dequantizeNf4(m_weight, dtype); }

ProjectionPtr quantizeProjection(const DenseProjection& dense, torch::Dtype computeDtype) {
    return std::make_shared<Nf4ProjectionImpl>(dense.weight, dense.bias, computeDtype);
}

}  // namespace srllm::core
