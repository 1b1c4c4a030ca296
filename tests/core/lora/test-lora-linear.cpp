// LoRA wrapper: exactness at init, the forward formula against plain matmuls, merge/unmerge/disable,
// and which tensors train. Expected values are computed here with independent plain tensor ops.
#include <cmath>

#include <gtest/gtest.h>

#include "core/lora/lora-config.h"
#include "core/lora/lora-linear.h"

using namespace srllm::core;

namespace {

std::shared_ptr<DenseProjection> denseLayer(int64_t in, int64_t out, bool bias) {
    torch::manual_seed(7);
    return std::make_shared<DenseProjection>(in, out, bias);
}

// Gives B non-zero values so the adapter contributes (B starts at zero).
void randomiseB(LoraLinearImpl& lora) {
    torch::NoGradGuard noGrad;
    lora.loraB.normal_(0.0, 0.5);
}

}  // namespace

TEST(LoraLinear, ZeroBGivesTheBaseOutputExactly) {
    auto base = denseLayer(16, 12, true);
    LoraLinearImpl lora(base, 4, 8.0, 0.0, false);
    const auto x = torch::randn({2, 5, 16});
    EXPECT_TRUE(torch::equal(lora.forward(x), base->forward(x)));
    EXPECT_TRUE(torch::equal(lora.loraB, torch::zeros({12, 4})));
}

TEST(LoraLinear, ForwardEqualsHandComputedMatmuls) {
    auto base = denseLayer(16, 12, true);
    LoraLinearImpl lora(base, 4, 8.0, 0.0, false);
    randomiseB(lora);
    const auto x = torch::randn({3, 16});
    // y = x·Wᵀ + b + (alpha/r)·(x·Aᵀ)·Bᵀ with alpha/r = 2
    const auto expected = torch::mm(x, base->weight.t()) + base->bias + 2.0 * torch::mm(torch::mm(x, lora.loraA.t()), lora.loraB.t());
    EXPECT_TRUE(torch::allclose(lora.forward(x), expected, 1e-5, 1e-6));
    EXPECT_DOUBLE_EQ(lora.scaling(), 2.0);
}

TEST(LoraLinear, RsLoraScalesByAlphaOverSqrtRank) {
    LoraLinearImpl lora(denseLayer(8, 8, false), 16, 8.0, 0.0, true);
    EXPECT_DOUBLE_EQ(lora.scaling(), 8.0 / 4.0);
    LoraConfig config;
    config.rank = 16;
    config.alpha = 8;
    config.useRslora = true;
    EXPECT_DOUBLE_EQ(config.scaling(), 2.0);
}

TEST(LoraLinear, AInitIsKaimingUniformWithinPeftBound) {
    // kaiming_uniform(a=√5) on [r, in] draws from U(-1/√in, 1/√in): gain √(2/(1+5)), bound gain·√(3/in).
    LoraLinearImpl lora(denseLayer(64, 8, false), 32, 16.0, 0.0, false);
    const double bound = 1.0 / std::sqrt(64.0);
    EXPECT_LE(lora.loraA.abs().max().item<double>(), bound);
    EXPECT_GT(lora.loraA.abs().max().item<double>(), 0.9 * bound);  // 2048 draws reach the edge
}

TEST(LoraLinear, MergedEqualsUnmergedAndUnmergeRestoresTheBase) {
    auto base = denseLayer(16, 12, true);
    const auto weightBefore = base->weight.clone();
    LoraLinearImpl lora(base, 4, 16.0, 0.0, false);
    randomiseB(lora);
    const auto x = torch::randn({4, 16});
    const auto unmerged = lora.forward(x);
    lora.merge();
    EXPECT_TRUE(lora.merged());
    EXPECT_TRUE(torch::allclose(lora.forward(x), unmerged, 0.0, 1e-4));
    // the merged copy holds W + scaling·B·A, computed here independently
    const auto copy = lora.mergedCopy();
    EXPECT_TRUE(torch::allclose(copy->weight, weightBefore + 4.0 * torch::mm(lora.loraB, lora.loraA), 0.0, 1e-6));
    EXPECT_TRUE(torch::equal(base->weight, weightBefore));  // the base is never written
    lora.unmerge();
    EXPECT_FALSE(lora.merged());
    EXPECT_TRUE(torch::equal(lora.forward(x), unmerged));
}

TEST(LoraLinear, DisabledAdapterGivesTheBaseOnly) {
    auto base = denseLayer(16, 12, false);
    LoraLinearImpl lora(base, 4, 8.0, 0.0, false);
    randomiseB(lora);
    const auto x = torch::randn({2, 16});
    lora.setAdapterEnabled(false);
    EXPECT_TRUE(torch::equal(lora.forward(x), base->forward(x)));
    lora.setAdapterEnabled(true);
    EXPECT_FALSE(torch::equal(lora.forward(x), base->forward(x)));
}

TEST(LoraLinear, OnlyAAndBRequireGradAndReceiveIt) {
    auto base = denseLayer(16, 12, true);
    LoraLinearImpl lora(base, 4, 8.0, 0.0, false);
    for (const auto& item : lora.named_parameters()) {
        const bool adapter = item.key() == "lora_A" || item.key() == "lora_B";
        EXPECT_EQ(item.value().requires_grad(), adapter) << item.key();
    }
    lora.forward(torch::randn({3, 16})).sum().backward();
    EXPECT_TRUE(lora.loraB.grad().defined());
    EXPECT_FALSE(base->weight.grad().defined());
}

TEST(LoraLinear, DropoutActsOnlyInTrainingModeAndOnlyOnTheAdapterPath) {
    auto base = denseLayer(16, 12, false);
    LoraLinearImpl lora(base, 4, 8.0, 0.5, false);
    randomiseB(lora);
    const auto x = torch::randn({64, 16});
    lora.eval();
    const auto expected = torch::mm(x, base->weight.t()) + 2.0 * torch::mm(torch::mm(x, lora.loraA.t()), lora.loraB.t());
    EXPECT_TRUE(torch::allclose(lora.forward(x), expected, 1e-5, 1e-6));
    lora.train();
    lora.setAdapterEnabled(false);
    EXPECT_TRUE(torch::equal(lora.forward(x), base->forward(x)));
    lora.setAdapterEnabled(true);
    EXPECT_FALSE(torch::allclose(lora.forward(x), expected, 1e-5, 1e-6));
}
