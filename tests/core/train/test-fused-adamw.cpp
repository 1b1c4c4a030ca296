// FusedAdamW against torch::optim::AdamW (the reference implementation) on the same parameters and
// gradients: two groups (with and without weight decay), five steps, then a save → load into the other class.
#include <gtest/gtest.h>

#include "core/train/fused-adamw.h"

using namespace srllm::core;

namespace {

struct Params {
    std::vector<torch::Tensor> decay, noDecay;

    explicit Params(uint64_t seed) {
        torch::manual_seed(seed);
        decay = {torch::randn({40, 30}).requires_grad_(), torch::randn({7, 5}).requires_grad_()};
        noDecay = {torch::randn({30}).requires_grad_()};
    }

    std::vector<torch::optim::OptimizerParamGroup> groups() const {
        auto options = [](double weightDecay) {
            return std::make_unique<torch::optim::AdamWOptions>(
                torch::optim::AdamWOptions(1e-2).betas({0.9, 0.95}).eps(1e-8).weight_decay(weightDecay));
        };
        std::vector<torch::optim::OptimizerParamGroup> g;
        g.emplace_back(decay, options(0.1));
        g.emplace_back(noDecay, options(0.0));
        return g;
    }

    // The same pseudo-random gradients for both optimizers at a given step.
    void setGradients(int step) {
        torch::manual_seed(100 + step);
        for (auto* list : {&decay, &noDecay})
            for (auto& p : *list) p.mutable_grad() = torch::randn_like(p);
    }
};

double maxDiff(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, (a[i] - b[i]).abs().max().item<double>());
    return worst;
}

}  // namespace

TEST(FusedAdamW, FiveStepsEqualTorchAdamW) {
    Params fused(1), reference(1);
    FusedAdamW fusedOptimizer(fused.groups(), torch::optim::AdamWOptions(1e-2));
    torch::optim::AdamW referenceOptimizer(reference.groups(), torch::optim::AdamWOptions(1e-2));
    for (int step = 0; step < 5; ++step) {
        fused.setGradients(step);
        reference.setGradients(step);
        fusedOptimizer.step();
        referenceOptimizer.step();
    }
    EXPECT_LT(maxDiff(fused.decay, reference.decay), 1e-6);
    EXPECT_LT(maxDiff(fused.noDecay, reference.noDecay), 1e-6);
    // Parameters did move: weight decay and the updates are applied, not skipped by both.
    EXPECT_GT(maxDiff(fused.decay, Params(1).decay), 1e-2);
}

TEST(FusedAdamW, StateSavedByOneLoadsIntoTheOther) {
    Params fused(2), reference(2);
    FusedAdamW fusedOptimizer(fused.groups(), torch::optim::AdamWOptions(1e-2));
    for (int step = 0; step < 3; ++step) {
        fused.setGradients(step);
        fusedOptimizer.step();
    }
    std::stringstream archive;
    torch::save(fusedOptimizer, archive);
    for (size_t i = 0; i < fused.decay.size(); ++i) reference.decay[i].detach().copy_(fused.decay[i].detach());
    for (size_t i = 0; i < fused.noDecay.size(); ++i) reference.noDecay[i].detach().copy_(fused.noDecay[i].detach());
    torch::optim::AdamW referenceOptimizer(reference.groups(), torch::optim::AdamWOptions(1e-2));
    torch::load(referenceOptimizer, archive);

    fused.setGradients(3);
    reference.setGradients(3);
    fusedOptimizer.step();
    referenceOptimizer.step();
    EXPECT_LT(maxDiff(fused.decay, reference.decay), 1e-6);
    EXPECT_LT(maxDiff(fused.noDecay, reference.noDecay), 1e-6);
}
