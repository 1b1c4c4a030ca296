// The first five losses of a LoRA run (q_proj/v_proj, r 4, gradient accumulation 2, AdamW with decay,
// clipping) on tests/data/models/tiny-llama-gqa equal an eager PyTorch loop written out independently
// (tests/data/lora/make-train-losses.py, float64) within 1e-5, from the same weights, adapters and examples.
#include <gtest/gtest.h>

#include "core/io/safetensors.h"
#include "core/model/model-loader.h"
#include "core/train/trainer.h"
#include "support/test-data.h"

using namespace srllm::core;

TEST(LoraTrainGolden, FirstFiveLossesMatchAnEagerPytorchRun) {
    const auto data = srllm::test::sourceDir() / "tests/data";
    auto golden = loadSafetensors(data / "lora/train-losses.safetensors");
    std::vector<TokenizedExample> examples;
    const auto ids = golden.at("input_ids"), labels = golden.at("labels");
    for (int64_t i = 0; i < ids.size(0); ++i) {
        TokenizedExample ex;
        for (int64_t t = 0; t < ids.size(1); ++t) {
            ex.ids.push_back(ids[i][t].item<int64_t>());
            ex.labels.push_back(labels[i][t].item<int64_t>());
        }
        examples.push_back(ex);
    }
    TrainConfig c;  // the script's settings
    c.method = TrainMethod::Lora;
    c.lora.rank = 4;
    c.lora.alpha = 8.0;
    c.lora.dropout = 0.0;
    c.lora.targetModules = {"q_proj", "v_proj"};
    c.learningRate = 1e-2;
    c.warmupRatio = 0.0;
    c.weightDecay = 0.01;
    c.maxGradNorm = 1.0;
    c.batchSize = 4;
    c.gradAccumulation = 2;
    c.maxSteps = 5;
    c.checkpointEvery = 1000;
    c.earlyStoppingPatience = 0;
    srllm::test::ScratchDir dir;
    Trainer trainer(loadModel(data / "models/tiny-llama-gqa").model, c, examples, {}, dir.path(), 0);
    trainer.setup(false);
    {
        torch::NoGradGuard noGrad;  // the script's adapter start, instead of a seeded init
        const auto layers = loraLayers(*trainer.model());
        ASSERT_EQ(layers.size(), 4u);
        for (const auto& [name, lora] : layers) {
            lora->loraA.copy_(golden.at(name + ".lora_A"));
            lora->loraB.copy_(golden.at(name + ".lora_B"));
        }
    }
    std::vector<double> losses;
    trainer.train({}, [&](const StepReport& r) { losses.push_back(r.lossTrain); });
    const auto expected = golden.at("losses");
    ASSERT_EQ(losses.size(), 5u);
    for (size_t i = 0; i < losses.size(); ++i)
        EXPECT_NEAR(losses[i], expected[static_cast<int64_t>(i)].item<double>(), 1e-5) << "step " << i + 1;
}
