// NF4 quantization: hand-worked codes, the error bounds the code tables imply, packing, storage size,
// and the frozen layer's forward/backward against a dense layer holding the dequantized weight.
#include <algorithm>

#include <gtest/gtest.h>

#include "core/lora/lora-linear.h"
#include "core/lora/nf4-linear.h"

using namespace srllm::core;

namespace {

template <size_t N>
double largestGap(const std::array<float, N>& codes) {
    double gap = 0;
    for (size_t i = 1; i < N; ++i) gap = std::max(gap, static_cast<double>(codes[i]) - codes[i - 1]);
    return gap;
}

std::vector<int> unpackCodes(const Nf4Tensor& q) {
    std::vector<int> out;
    const auto bytes = q.packed.contiguous();
    for (int64_t i = 0; i < bytes.numel(); ++i) {
        const int b = bytes.data_ptr<uint8_t>()[i];
        out.push_back(b >> 4);
        out.push_back(b & 15);
    }
    return out;
}

}  // namespace

TEST(Nf4, CodeTableIsTheBitsandbytesTable) {
    const auto& codes = nf4CodeValues();
    EXPECT_FLOAT_EQ(codes.front(), -1.0f);
    EXPECT_FLOAT_EQ(codes[7], 0.0f);
    EXPECT_FLOAT_EQ(codes.back(), 1.0f);
    EXPECT_TRUE(std::is_sorted(codes.begin(), codes.end()));
    EXPECT_NEAR(largestGap(codes), 1.0 - 0.6961928009986877, 1e-7);  // the widest gap: between -1 and -0.696
}

TEST(Nf4, KnownValuesGiveKnownCodes) {
    // One block with absmax 2: values are divided by 2, then rounded to the nearest code.
    //  2.0 -> 1.0 (15); -2.0 -> -1.0 (0); 0 -> 0 (7); 1.0 -> 0.5, nearer 0.4407 than 0.5626 (12);
    //  1.2 -> 0.6 -> 0.5626 (13); -0.6 -> -0.3 -> -0.2844 (4); 0.082 -> 0.041 > 0.0398 (midpoint) -> 8;
    //  0.078 -> 0.039 < 0.0398 -> 7.
    std::vector<float> values(64, 0.0f);
    const std::vector<float> head = {2.0f, -2.0f, 0.0f, 1.0f, 1.2f, -0.6f, 0.082f, 0.078f};
    std::copy(head.begin(), head.end(), values.begin());
    const auto q = quantizeNf4(torch::tensor(values).view({1, 64}));
    const auto codes = unpackCodes(q);
    EXPECT_EQ(std::vector<int>(codes.begin(), codes.begin() + 8), (std::vector<int>{15, 0, 7, 12, 13, 4, 8, 7}));
    EXPECT_EQ(q.packed[0].item<int>(), 15 * 16 + 0);  // first element in the high nibble
    EXPECT_EQ(q.packed.numel(), 32);
}

TEST(Nf4, RoundTripErrorIsWithinHalfTheWidestGapTimesBlockAbsmax) {
    torch::manual_seed(3);
    auto weight = torch::randn({37, 45});  // 1665 elements: the last block is padded
    weight[5][5] = 9.0;                    // an outlier block
    const auto q = quantizeNf4(weight);
    const auto restored = dequantizeNf4(q);
    ASSERT_EQ(restored.sizes(), weight.sizes());
    // per block: |w - code·a'| <= halfGap·a + |a - a'| (a exact absmax, a' the double-quantized one)
    auto flat = torch::constant_pad_nd(weight.reshape({-1}), {0, 64 * 27 - 1665}, 0).view({27, 64});
    const auto absmax = flat.abs().amax(1);
    const auto stored = dequantizeNf4Scales(q);
    const auto bound = largestGap(nf4CodeValues()) / 2 * absmax + (absmax - stored).abs() + 1e-6;
    auto err = torch::constant_pad_nd((restored - weight).abs().reshape({-1}), {0, 64 * 27 - 1665}, 0).view({27, 64});
    EXPECT_TRUE((err <= bound.unsqueeze(1)).all().item<bool>());
}

TEST(Nf4, DoubleQuantizedScalesAreWithinTheDynamicMapBound) {
    torch::manual_seed(4);
    const auto weight = torch::randn({300, 128}) * 0.02;  // 600 blocks -> 3 scale blocks of 256
    const auto q = quantizeNf4(weight);
    ASSERT_EQ(q.scaleCodes.numel(), 600);
    ASSERT_EQ(q.scaleScales.numel(), 3);
    const auto absmax = weight.reshape({600, 64}).abs().amax(1);
    const float offset = absmax.mean().item<float>();
    EXPECT_FLOAT_EQ(q.scaleOffset, offset);
    const auto centred = torch::constant_pad_nd(absmax - offset, {0, 168}, 0).view({3, 256});
    const auto superAbsmax = centred.abs().amax(1);  // [3]
    const double halfGap = largestGap(dynamicMap8Bit()) / 2;
    const auto bound = (halfGap * superAbsmax).repeat_interleave(256).narrow(0, 0, 600) + 1e-7;
    EXPECT_TRUE(((dequantizeNf4Scales(q) - absmax).abs() <= bound).all().item<bool>());
}

TEST(Nf4, DynamicMapIsSignedSortedAndSpansMinusOneToOne) {
    const auto& map = dynamicMap8Bit();
    EXPECT_TRUE(std::is_sorted(map.begin(), map.end()));
    EXPECT_FLOAT_EQ(map.back(), 1.0f);
    // exponent 0: 64 means of linspace(0.1, 1, 65); the last is (0.9859375 + 1) / 2
    EXPECT_NEAR(map.front(), -0.99296875, 1e-6);
    EXPECT_EQ(std::count(map.begin(), map.end(), 0.0f), 1);
}

TEST(Nf4, StorageIsAboutFourPointOneTwoSevenBitsPerWeight) {
    // QLoRA paper: 4 bits + 8/64 (scale codes) + 32/(64·256) (scale scales) = 4.127 bits per parameter.
    const auto q = quantizeNf4(torch::randn({1024, 1024}));
    EXPECT_NEAR(8.0 * static_cast<double>(q.bytes()) / (1024.0 * 1024.0), 4.127, 0.001);
}

TEST(Nf4Projection, ForwardAndInputGradientMatchADenseLayerWithTheDequantizedWeight) {
    torch::manual_seed(5);
    auto dense = std::make_shared<DenseProjection>(64, 48, true);
    auto nf4 = quantizeProjection(*dense, torch::kFloat32);
    auto reference = std::make_shared<DenseProjection>(64, 48, true);
    reference->weight.set_data(std::dynamic_pointer_cast<Nf4ProjectionImpl>(nf4)->dequantizedWeight());
    reference->bias.set_data(dense->bias.detach().clone());
    const auto x = torch::randn({2, 3, 64}, torch::requires_grad());
    const auto x2 = x.detach().clone().requires_grad_(true);
    const auto y = nf4->forward(x);
    EXPECT_TRUE(torch::allclose(y, reference->forward(x2), 1e-5, 1e-6));
    const auto g = torch::randn_like(y);
    y.backward(g);
    reference->forward(x2).backward(g);
    EXPECT_TRUE(torch::allclose(x.grad(), x2.grad(), 1e-5, 1e-6));
    EXPECT_TRUE(nf4->parameters().empty());  // nothing of the base is trainable
}

TEST(Nf4Projection, Bf16ComputeStaysCloseToFloat32) {
    torch::manual_seed(6);
    DenseProjection dense(128, 64, false);
    auto f32 = quantizeProjection(dense, torch::kFloat32);
    auto bf16 = quantizeProjection(dense, torch::kBFloat16);
    const auto x = torch::randn({4, 128});
    const auto yBf16 = bf16->forward(x);
    EXPECT_EQ(yBf16.scalar_type(), torch::kBFloat16);
    EXPECT_TRUE(torch::allclose(yBf16.to(torch::kFloat32), f32->forward(x), 0.02, 0.05));
}

TEST(Nf4Projection, LoraOverNf4StartsAtTheBaseAndMergesIntoADenseCopy) {
    torch::manual_seed(8);
    DenseProjection dense(64, 32, false);
    auto nf4 = std::dynamic_pointer_cast<Nf4ProjectionImpl>(quantizeProjection(dense, torch::kFloat32));
    const auto packedBefore = nf4->quantized().packed.clone();
    LoraLinearImpl lora(nf4, 8, 16.0, 0.0, false);
    const auto x = torch::randn({5, 64});
    EXPECT_TRUE(torch::equal(lora.forward(x), nf4->forward(x)));
    {
        torch::NoGradGuard noGrad;
        lora.loraB.normal_();
    }
    const auto copy = lora.mergedCopy();
    const auto expected = nf4->dequantizedWeight() + 2.0 * torch::mm(lora.loraB, lora.loraA);
    EXPECT_TRUE(torch::allclose(copy->weight, expected, 0.0, 1e-6));
    EXPECT_TRUE(torch::allclose(copy->forward(x), lora.forward(x), 0.0, 1e-4));
    EXPECT_TRUE(torch::equal(nf4->quantized().packed, packedBefore));  // never re-quantized
}
