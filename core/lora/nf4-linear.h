#pragma once
// QLoRA's frozen base layer: weights stored as 4-bit NormalFloat (NF4) codes, blockwise absmax scaling
// (block 64) and double quantization of those scales (8-bit dynamic map, block 256, mean offset), as in
// the QLoRA paper and bitsandbytes. The weight is dequantized on the fly in forward and again in backward,
// so no full-precision copy stays alive between the two (torchtune's linear_nf4).
#include <array>
#include <cstdint>
#include <vector>

#include <torch/torch.h>

#include "core/model/projection.h"

namespace srllm::core {

inline constexpr int64_t kNf4BlockSize = 64;         // QLoRA paper: blocksize 64 for the weights
inline constexpr int64_t kNf4ScaleBlockSize = 256;   // QLoRA paper: blocksize 256 for the scales

// The 16 NF4 code values (bitsandbytes / QLoRA appendix), ascending, in [-1, 1] with an exact 0.
const std::array<float, 16>& nf4CodeValues();
// bitsandbytes' signed 8-bit dynamic quantization map (create_dynamic_map), 256 ascending values in [-1, 1].
const std::array<float, 256>& dynamicMap8Bit();

// Index of the nearest value of a sorted code table for every element of `x` (values already normalised
// to [-1, 1]); uint8, same shape. Vectorised (bucketize over the midpoints).
torch::Tensor nearestCodeIndex(const torch::Tensor& x, const torch::Tensor& sortedCodes);

// A quantized weight. Element i of the flattened weight is the high nibble of packed[i/2] when i is even
// (bitsandbytes order); the tail of the last block is zero padding.
struct Nf4Tensor {
    std::vector<int64_t> shape;   // original shape, e.g. [out, in]
    int64_t numel = 0;
    torch::Tensor packed;         // uint8 [blocks * 64 / 2]
    torch::Tensor scaleCodes;     // uint8 [blocks]: absmax of each 64-block, 8-bit coded
    torch::Tensor scaleScales;    // float32 [ceil(blocks/256)]: absmax of each 256-block of centred scales
    float scaleOffset = 0.0f;     // mean of the absmax values, subtracted before their quantization

    int64_t bytes() const;        // storage of the four parts above
};

Nf4Tensor quantizeNf4(const torch::Tensor& weight);
// The block absmax values as stored (after double quantization), float32 [blocks].
torch::Tensor dequantizeNf4Scales(const Nf4Tensor& q);
// The weight as the layer uses it, in `dtype`, with q.shape.
torch::Tensor dequantizeNf4(const Nf4Tensor& q, torch::Dtype dtype = torch::kFloat32);

// A frozen projection over an NF4 weight; bias (if any) is kept in the compute dtype and frozen.
// Inputs are cast to the compute dtype and the output is returned in it.
class Nf4ProjectionImpl : public ProjectionImpl {
public:
    Nf4ProjectionImpl(const torch::Tensor& weight, const torch::Tensor& bias, torch::Dtype computeDtype);
    torch::Tensor forward(const torch::Tensor& x) override;
    int64_t inFeatures() const override { return m_weight.shape[1]; }
    int64_t outFeatures() const override { return m_weight.shape[0]; }

    const Nf4Tensor& quantized() const { return m_weight; }
    torch::Tensor dequantizedWeight(torch::Dtype dtype = torch::kFloat32) const;
    const torch::Tensor& bias() const { return m_bias; }
    torch::Dtype computeDtype() const { return m_computeDtype; }

private:
    Nf4Tensor m_weight;
    torch::Tensor m_bias;
    torch::Dtype m_computeDtype;
};

// Quantizes a dense projection (its weight and bias) into a new Nf4ProjectionImpl.
ProjectionPtr quantizeProjection(const DenseProjection& dense, torch::Dtype computeDtype);

}  // namespace srllm::core
