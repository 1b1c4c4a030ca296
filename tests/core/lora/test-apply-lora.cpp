// Applying LoRA/QLoRA to whole models: PEFT's suffix matching, defaults per architecture, freezing,
// parameter counts (worked by hand from the shapes), and merge-and-unload.
#include <gtest/gtest.h>

#include "core/lora/apply-lora.h"
#include "core/lora/nf4-linear.h"
#include "core/model/model-factory.h"
#include "support/input-error.h"
#include "support/tiny-model.h"

using namespace srllm::core;
using srllm::test::tinyGpt2Config;
using srllm::test::tinyLlamaConfig;

TEST(ApplyLora, MatchesTargetsBySuffixComponentAsPeft) {
    const std::vector<std::string> targets = {"q_proj", "mlp.up_proj"};
    EXPECT_TRUE(matchesTarget("model.layers.0.self_attn.q_proj", targets));
    EXPECT_TRUE(matchesTarget("model.layers.3.mlp.up_proj", targets));
    EXPECT_TRUE(matchesTarget("q_proj", targets));
    EXPECT_FALSE(matchesTarget("model.layers.0.self_attn.xq_proj", targets));  // not a whole component
    EXPECT_FALSE(matchesTarget("model.layers.0.self_attn.k_proj", targets));
    EXPECT_TRUE(matchesTarget("model.layers.0.mlp.down_proj", {"all-linear"}));
    EXPECT_FALSE(matchesTarget("lm_head", {"all-linear"}));
}

TEST(ApplyLora, LlamaDefaultWrapsQAndVAndCountsTrainableParameters) {
    auto model = buildModel(tinyLlamaConfig(), 1);
    LoraConfig config;
    config.rank = 4;
    const auto report = applyLora(*model, config);
    EXPECT_EQ(report.wrapped, (std::vector<std::string>{"model.layers.0.self_attn.q_proj", "model.layers.0.self_attn.v_proj",
                                                        "model.layers.1.self_attn.q_proj", "model.layers.1.self_attn.v_proj"}));
    // 4 wrapped [32 -> 32] layers, each r·(in + out) = 4·64 = 256
    EXPECT_EQ(report.trainableParams, 4 * 256);
    int64_t trainable = 0;
    for (const auto& item : model->named_parameters()) {
        const auto& key = item.key();
        const bool adapter = key.find("lora_A") != std::string::npos || key.find("lora_B") != std::string::npos;
        EXPECT_EQ(item.value().requires_grad(), adapter) << key;
        trainable += adapter ? item.value().numel() : 0;
    }
    EXPECT_EQ(trainable, report.trainableParams);
}

TEST(ApplyLora, Gpt2DefaultWrapsCAttn) {
    auto model = buildModel(tinyGpt2Config(), 1);
    const auto report = applyLora(*model, LoraConfig{});
    ASSERT_EQ(report.wrapped.size(), 2u);
    EXPECT_EQ(report.wrapped[0], "transformer.h.0.attn.c_attn");
}

TEST(ApplyLora, AllLinearWrapsEveryProjectionButTheLmHead) {
    auto model = buildModel(tinyLlamaConfig(), 1);
    LoraConfig config;
    config.targetModules = {"all-linear"};
    const auto report = applyLora(*model, config);
    EXPECT_EQ(report.wrapped.size(), 2u * 7u);  // q k v o gate up down per layer
    for (const auto& name : report.wrapped) EXPECT_NE(name, "lm_head");
}

TEST(ApplyLora, NoMatchingTargetIsAnInputErrorWithAHint) {
    auto model = buildModel(tinyLlamaConfig(), 1);
    LoraConfig config;
    config.targetModules = {"c_attn"};
    const auto e = srllm::test::catchInputError([&] { applyLora(*model, config); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->diagnostic.field, "target_modules");
    EXPECT_NE(e->what.find("hint"), std::string::npos);
}

TEST(ApplyLora, FreshAdapterLeavesTheModelOutputUnchanged) {
    auto model = buildModel(tinyLlamaConfig(), 2);
    const auto ids = torch::randint(0, 48, {2, 7}, torch::kLong);
    const auto before = model->forward(ids);
    applyLora(*model, LoraConfig{});
    EXPECT_TRUE(torch::equal(model->forward(ids), before));
}

TEST(ApplyLora, QloraQuantizesEveryProjectionExceptTheLmHead) {
    auto config = tinyLlamaConfig();
    auto model = buildModel(config, 3);
    LoraApplyOptions options;
    options.quantizeBase = true;
    const auto report = applyLora(*model, LoraConfig{}, options);
    EXPECT_EQ(report.quantized, 2 * 7);
    model->forEachProjection([](const ProjectionSlot& slot) {
        auto* projection = slot.member->get();
        if (auto* lora = dynamic_cast<LoraLinearImpl*>(projection)) projection = lora->base().get();
        const bool nf4 = dynamic_cast<Nf4ProjectionImpl*>(projection) != nullptr;
        EXPECT_EQ(nf4, slot.qualifiedName != "lm_head") << slot.qualifiedName;
    });
}

TEST(ApplyLora, MergeAndUnloadGivesAPlainModelWithTheAdaptedOutput) {
    auto model = buildModel(tinyLlamaConfig(), 4);
    LoraConfig config;
    config.targetModules = {"all-linear"};
    applyLora(*model, config);
    for (auto& [name, lora] : loraLayers(*model)) {
        torch::NoGradGuard noGrad;
        lora->loraB.normal_(0.0, 0.1);
    }
    model->eval();
    const auto ids = torch::randint(0, 48, {2, 9}, torch::kLong);
    const auto adapted = model->forward(ids);
    mergeAndUnload(*model);
    EXPECT_TRUE(loraLayers(*model).empty());
    EXPECT_TRUE(torch::allclose(model->forward(ids), adapted, 1e-4, 1e-4));
}
