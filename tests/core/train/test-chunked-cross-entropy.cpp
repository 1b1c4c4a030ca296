// The chunked vocabulary loss against torch's cross-entropy on float64 logits: the summed loss and the
// gradients of the hidden states and the head weight, with ignored positions and chunks that split the rows
// unevenly, for float32 and (at bfloat16 tolerance) bfloat16 hidden states, with and without gradients; and the trainer's dispatch
// gives the same loss through a LoRA head, which only the model's own projection can apply.
#include <gtest/gtest.h>

#include "core/kernels/cpu-kernels.h"
#include "core/lora/apply-lora.h"
#include "core/model/model-factory.h"
#include "core/train/chunked-cross-entropy.h"
#include "core/train/instruction-dataset.h"
#include "support/tensor-compare.h"
#include "support/tiny-model.h"

using namespace srllm::core;
using srllm::test::maxAbsDiff;

namespace {

struct Reference {
    double loss;
    torch::Tensor dHidden, dWeight;
};

// The textbook: float64 logits, summed cross-entropy, autograd.
Reference float64Reference(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& targets,
                           double upstream) {
    torch::AutoGradMode grad(true);
    const auto h = hidden.to(torch::kFloat64).requires_grad_();
    const auto w = weight.to(torch::kFloat64).requires_grad_();
    const auto loss = torch::nn::functional::cross_entropy(
        h.matmul(w.t()), targets, torch::nn::functional::CrossEntropyFuncOptions().ignore_index(kIgnoreLabel).reduction(torch::kSum));
    (loss * upstream).backward();
    return {loss.item<double>(), h.grad(), w.grad()};
}

}  // namespace

TEST(ChunkedCrossEntropy, LossAndGradientsEqualFloat64ForBothDtypesAndEveryKernelSet) {
    torch::manual_seed(11);
    const int64_t rows = 23, width = 24, vocab = 67;
    const auto hidden0 = torch::randn({rows, width});
    const auto weight0 = torch::randn({vocab, width}) * 0.5;
    auto targets = torch::randint(0, vocab, {rows}, torch::kInt64);
    targets.index_put_({torch::tensor({0, 5, 22})}, kIgnoreLabel);
    const double upstream = 0.37;
    for (const CpuIsa isa : {bestCpuIsa(), CpuIsa::Generic}) {
        limitCpuIsa(isa);
        for (const auto dtype : {torch::kFloat32, torch::kBFloat16}) {
            const auto hidden = hidden0.to(dtype).detach().requires_grad_();
            const auto weight = weight0.clone().requires_grad_();  // the float32 master weight
            const auto loss = chunkedCrossEntropySum(hidden, weight, targets, kIgnoreLabel, 7);  // 7+7+7+2 rows
            (loss * upstream).backward();
            // bfloat16: the reference sees the same rounded inputs; products keep float32 sums, the
            // gradients pass through bfloat16 once (relative 2^-8).
            const auto expected = float64Reference(hidden.detach(), weight0.to(dtype), targets, upstream);
            const bool exact = dtype == torch::kFloat32;
            EXPECT_NEAR(loss.item<double>(), expected.loss, exact ? 1e-3 : 2e-2) << cpuIsaName(isa);
            EXPECT_LT(maxAbsDiff(hidden.grad(), expected.dHidden), exact ? 1e-5 : 1e-2) << cpuIsaName(isa);
            EXPECT_LT(maxAbsDiff(weight.grad(), expected.dWeight), exact ? 1e-5 : 1e-2) << cpuIsaName(isa);
            EXPECT_EQ(weight.grad().scalar_type(), torch::kFloat32);
        }
    }
    limitCpuIsa(CpuIsa::Avx512);
}

// Evaluation (no gradients wanted) in bfloat16 once failed: the loss only, no bf16 copy of the logits.
TEST(ChunkedCrossEntropy, EvaluationWithoutGradientsGivesTheLossForBothDtypes) {
    torch::manual_seed(12);
    const auto hidden0 = torch::randn({23, 24});
    const auto weight = torch::randn({67, 24}) * 0.5;
    auto targets = torch::randint(0, 67, {23}, torch::kInt64);
    targets.index_put_({torch::tensor({3, 9})}, kIgnoreLabel);
    torch::NoGradGuard noGrad;
    for (const auto dtype : {torch::kFloat32, torch::kBFloat16}) {
        const auto hidden = hidden0.to(dtype);
        const double expected = float64Reference(hidden, weight.to(dtype), targets, 1.0).loss;
        const auto loss = chunkedCrossEntropySum(hidden, weight, targets, kIgnoreLabel, 7);
        EXPECT_NEAR(loss.item<double>(), expected, dtype == torch::kFloat32 ? 1e-3 : 2e-2);
    }
}

TEST(ChunkedCrossEntropy, ModelsWithAndWithoutAPlainHeadGiveTheSameLoss) {
    torch::manual_seed(12);
    auto config = srllm::test::tinyLlamaConfig();
    auto model = buildModel(config, 3);
    const auto ids = torch::randint(0, config.vocabSize, {2, 9}, torch::kInt64);
    const auto targets = torch::randint(0, config.vocabSize, {2, 9}, torch::kInt64);
    torch::NoGradGuard noGrad;
    const auto hidden = model->forwardHidden(ids);
    const auto head = model->plainHeadWeight().clone();
    ASSERT_TRUE(head.defined());
    const double chunked = crossEntropySum(*model, hidden, targets, kIgnoreLabel).item<double>();
    EXPECT_NEAR(chunked, float64Reference(hidden.reshape({-1, config.hiddenSize}), head, targets.reshape({-1}), 1).loss, 1e-3);
    LoraConfig lora;
    lora.targetModules = {"lm_head"};
    applyLora(*model, lora);  // B = 0: the same logits through a head only projectVocabulary applies
    ASSERT_FALSE(model->plainHeadWeight().defined());
    EXPECT_NEAR(crossEntropySum(*model, hidden, targets, kIgnoreLabel).item<double>(), chunked, 1e-3);
}
