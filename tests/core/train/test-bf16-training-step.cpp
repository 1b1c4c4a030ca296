// One training step in bfloat16 as the trainer runs it (autocast, forwardHidden, the chunked vocabulary
// loss, core/train/trainer.cpp) against the same step in float32: the activations stay bfloat16, the
// gradients reach the float32 master weights, and the loss and every parameter's gradient stay within the
// stated bfloat16 tolerance, on the CPU's best kernel set and on the generic fallback (where oneDNN has no
// bfloat16 products the fallbacks are torch's, so this runs on any CPU).
#include <gtest/gtest.h>

#include "core/kernels/cpu-kernels.h"
#include "core/lora/apply-lora.h"
#include "core/lora/lora-linear.h"
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
    std::vector<torch::Tensor> gradients;  // of the trainable parameters, in named_parameters() order
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
    for (const auto& p : model.named_parameters())
        if (p.value().requires_grad()) step.gradients.push_back(p.value().grad().clone());
    return step;
}

std::vector<std::string> trainableNames(CausalLMImpl& model) {
    std::vector<std::string> names;
    for (const auto& p : model.named_parameters())
        if (p.value().requires_grad()) names.push_back(p.key());
    return names;
}

// The bf16 step against the float32 one: bf16 activations, float32 gradients, loss and gradients in tolerance.
void expectWithinTolerance(const Step& step, const Step& reference, const std::vector<std::string>& names,
                           const std::string& label) {
    EXPECT_EQ(step.hiddenType, torch::kBFloat16) << label;  // activations stay bfloat16
    EXPECT_NEAR(step.loss, reference.loss, kLossTolerance * reference.loss) << label;
    ASSERT_EQ(step.gradients.size(), names.size());
    for (size_t i = 0; i < names.size(); ++i) {
        const auto& expected = reference.gradients[i];
        ASSERT_EQ(step.gradients[i].scalar_type(), torch::kFloat32) << names[i];  // float32 master weights
        const double error = (step.gradients[i].to(torch::kFloat64) - expected.to(torch::kFloat64)).norm().item<double>();
        EXPECT_LT(error, kGradientTolerance * expected.to(torch::kFloat64).norm().item<double>()) << names[i] << " on " << label;
    }
}

CausalLM benchmarkLikeTinyModel() {
    auto config = srllm::test::tinyLlamaConfig();
    config.vocabSize = 320;
    config.hiddenSize = 64;
    config.numKvHeads = 2;  // grouped-query attention
    config.intermediateSize = 160;
    auto model = buildModel(config, 0);
    model->train();
    return model;
}

}  // namespace

TEST(Bf16TrainingStep, LossAndGradientsStayWithinBfloat16ToleranceOfFloat32OnEveryKernelSet) {
    torch::manual_seed(21);
    auto model = benchmarkLikeTinyModel();
    const int64_t vocab = 320;
    const auto ids = torch::randint(0, vocab, {2, 24}, torch::kInt64);
    // Token t predicts t+1 (the trainer's shift); the last position and a prompt-like prefix count nothing.
    auto targets = torch::constant_pad_nd(ids.narrow(1, 1, 23), {0, 1}, kIgnoreLabel);
    targets.narrow(1, 0, 5).fill_(kIgnoreLabel);

    const auto reference = runStep(*model, ids, targets, false);
    ASSERT_EQ(reference.hiddenType, torch::kFloat32);
    for (const CpuIsa isa : {bestCpuIsa(), CpuIsa::Generic}) {
        limitCpuIsa(isa);
        expectWithinTolerance(runStep(*model, ids, targets, true), reference, trainableNames(*model), cpuIsaName(isa));
    }
    limitCpuIsa(CpuIsa::Avx512);
}

// LoRA: the base weights frozen (multiplied in float32 on CPUs without AMX, core/model/projection.cpp), the
// adapters trained; B is made non-zero so A gets a gradient too.
TEST(Bf16TrainingStep, LoraStepStaysWithinBfloat16ToleranceOfFloat32) {
    torch::manual_seed(22);
    auto model = benchmarkLikeTinyModel();
    LoraConfig lora;
    lora.rank = 8;
    lora.dropout = 0.0;
    applyLora(*model, lora);
    {
        torch::NoGradGuard noGrad;
        for (auto& [name, layer] : loraLayers(*model)) layer->loraB.normal_(0.0, 0.02);
    }
    const auto ids = torch::randint(0, 320, {2, 24}, torch::kInt64);
    auto targets = torch::constant_pad_nd(ids.narrow(1, 1, 23), {0, 1}, kIgnoreLabel);
    const auto reference = runStep(*model, ids, targets, false);
    const auto names = trainableNames(*model);
    ASSERT_EQ(names.size(), loraLayers(*model).size() * 2);  // A and B of each layer, nothing else
    expectWithinTolerance(runStep(*model, ids, targets, true), reference, names, "lora");
}
