// One training step in bfloat16 as the trainer runs it (autocast, forwardHidden, the chunked vocabulary
// loss, core/train/trainer.cpp) against the same step in float32: the activations stay bfloat16, the
// gradients reach the float32 master weights, and the loss and every parameter's gradient stay within the
// stated bfloat16 tolerance, on the CPU's best kernel set and on the generic fallback (where oneDNN has no
// bfloat16 products the fallbacks are torch's, so this runs on any CPU).
#include <gtest/gtest.h>

#include "core/kernels/cpu-kernels.h"
#include "core/model/autocast-scope.h"
#include "core/model/model-factory.h"
#include "core/train/chunked-cross-entropy.h"
#include "core/train/instruction-dataset.h"
#include "support/tiny-model.h"

using namespace srllm::core;

namespace {

// Stated tolerances: bfloat16 keeps 8 significant bits (relative rounding 2^-9 ≈ 0.2%) and each layer
// rounds its activations a few times. Measured here: loss 1e-5 relative, gradients 0.3–0.8% of their norm
// on both kernel sets; a wrong kernel (a missed term, a transposed product) misses by far more.
constexpr double kLossTolerance = 1e-3;      // relative
constexpr double kGradientTolerance = 0.02;  // ‖g_bf16 − g_fp32‖ / ‖g_fp32‖ per parameter

struct Step {
    double loss = 0;
    torch::ScalarType hiddenType = torch::kFloat32;
    std::vector<torch::Tensor> gradients;  // in named_parameters() order
};

Step runStep(CausalLMImpl& model, const torch::Tensor& ids, const torch::Tensor& targets, bool bf16) {
    model.zero_grad();
    Step step;
    {
        AutocastScope autocast(torch::kCPU, bf16 ? std::optional<torch::Dtype>(torch::kBFloat16) : std::nullopt);
        const auto hidden = model.forwardHidden(ids);
        step.hiddenType = hidden.scalar_type();
        const auto loss = crossEntropySum(model, hidden, targets, kIgnoreLabel);
        loss.backward();
        step.loss = loss.item<double>();
    }
    for (const auto& p : model.named_parameters()) step.gradients.push_back(p.value().grad().clone());
    return step;
}

}  // namespace

TEST(Bf16TrainingStep, LossAndGradientsStayWithinBfloat16ToleranceOfFloat32OnEveryKernelSet) {
    torch::manual_seed(21);
    auto config = srllm::test::tinyLlamaConfig();
    config.vocabSize = 320;
    config.hiddenSize = 64;
    config.numKvHeads = 2;  // grouped-query attention
    config.intermediateSize = 160;
    auto model = buildModel(config, 0);
    model->train();
    const auto ids = torch::randint(0, config.vocabSize, {2, 24}, torch::kInt64);
    // Token t predicts t+1 (the trainer's shift); the last position and a prompt-like prefix count nothing.
    auto targets = torch::constant_pad_nd(ids.narrow(1, 1, 23), {0, 1}, kIgnoreLabel);
    targets.narrow(1, 0, 5).fill_(kIgnoreLabel);

    const auto reference = runStep(*model, ids, targets, false);
    ASSERT_EQ(reference.hiddenType, torch::kFloat32);
    const auto params = model->named_parameters();
    for (const CpuIsa isa : {bestCpuIsa(), CpuIsa::Generic}) {
        limitCpuIsa(isa);
        const auto step = runStep(*model, ids, targets, true);
        EXPECT_EQ(step.hiddenType, torch::kBFloat16) << cpuIsaName(isa);  // activations stay bfloat16
        EXPECT_NEAR(step.loss, reference.loss, kLossTolerance * reference.loss) << cpuIsaName(isa);
        for (size_t i = 0; i < params.size(); ++i) {
            const auto& name = params[i].key();
            const auto& expected = reference.gradients[i];
            ASSERT_EQ(step.gradients[i].scalar_type(), torch::kFloat32) << name;  // float32 master weights
            const double error = (step.gradients[i].to(torch::kFloat64) - expected.to(torch::kFloat64)).norm().item<double>();
            EXPECT_LT(error, kGradientTolerance * expected.to(torch::kFloat64).norm().item<double>()) << name << " on "
                                                                                                        << cpuIsaName(isa);
        }
    }
    limitCpuIsa(CpuIsa::Avx512);
}
