// Training and LoRA configs from JSON: the paper's defaults, overrides, validation naming the field,
// unknown keys warned (never fatal), PEFT's per-architecture default targets.
#include <set>

#include <gtest/gtest.h>

#include "core/train/train-config.h"

using namespace srllm::core;

TEST(TrainConfig, DefaultsAreTheSrLlmRecipe) {
    const TrainConfig c;
    EXPECT_EQ(c.method, TrainMethod::Lora);
    EXPECT_DOUBLE_EQ(c.learningRate, 2e-4);
    EXPECT_DOUBLE_EQ(c.warmupRatio, 0.03);
    EXPECT_DOUBLE_EQ(c.weightDecay, 0.001);
    EXPECT_DOUBLE_EQ(c.maxGradNorm, 0.3);
    EXPECT_EQ(c.epochs, 1);
    EXPECT_EQ(c.checkpointEvery, 25);
    EXPECT_EQ(c.earlyStoppingPatience, 3);
    EXPECT_EQ(c.maxLength, 512);
    EXPECT_EQ(c.lora.rank, 64);
    EXPECT_DOUBLE_EQ(c.lora.alpha, 16);
    EXPECT_DOUBLE_EQ(c.lora.dropout, 0.2);
    EXPECT_DOUBLE_EQ(c.lora.scaling(), 0.25);
}

TEST(TrainConfig, ParsesOverridesAndRoundTripsThroughJson) {
    const auto json = nlohmann::json::parse(R"({"method": "qlora", "learning_rate": 1e-4, "lr_scheduler_type": "cosine",
        "num_train_epochs": 3, "precision": "bf16", "seed": 7, "lora": {"r": 8, "lora_alpha": 32, "target_modules": "all-linear"}})");
    const auto parsed = parseTrainConfig(json, "t.json");
    EXPECT_TRUE(parsed.warnings.empty());
    const auto& c = parsed.config;
    EXPECT_EQ(c.method, TrainMethod::Qlora);
    EXPECT_EQ(c.schedule, LrSchedule::Cosine);
    EXPECT_EQ(c.epochs, 3);
    EXPECT_EQ(c.precision, Precision::Bf16);
    EXPECT_EQ(c.lora.rank, 8);
    EXPECT_EQ(c.lora.targetModules, std::vector<std::string>{"all-linear"});
    EXPECT_EQ(parseTrainConfig(c.toJson(), "").config.toJson(), c.toJson());
}

TEST(TrainConfig, BadValuesNameTheFileAndField) {
    try {
        parseTrainConfig(nlohmann::json::parse(R"({"max_grad_norm": -1})"), "t.json");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().file, "t.json");
        EXPECT_EQ(e.diagnostic().field, "max_grad_norm");
    }
    EXPECT_THROW(parseTrainConfig(nlohmann::json::parse(R"({"num_train_epochs": "two"})"), "t.json"), InputError);
    EXPECT_THROW(parseTrainConfig(nlohmann::json::parse(R"({"method": "dpo"})"), "t.json"), InputError);
    EXPECT_THROW(parseTrainConfig(nlohmann::json::parse(R"({"lora": {"r": 0}})"), "t.json"), InputError);
    EXPECT_THROW(parseTrainConfig(nlohmann::json::parse(R"({"lora": {"lora_dropout": 1.0}})"), "t.json"), InputError);
    EXPECT_THROW(parseTrainConfig(nlohmann::json::parse(R"({"lora": {"bias": "all"}})"), "t.json"), InputError);
}

TEST(TrainConfig, UnknownKeysAreWarnedNotFatal) {
    const auto parsed = parseTrainConfig(nlohmann::json::parse(R"({"report_to": "wandb", "lora": {"use_dora": false, "x": 1}})"), "t.json");
    std::set<std::string> fields;
    for (const auto& w : parsed.warnings) fields.insert(w.field);
    EXPECT_EQ(fields, (std::set<std::string>{"report_to", "x"}));  // use_dora is a known PEFT field
}

TEST(LoraConfigDefaults, TargetsFollowPeftPerArchitecture) {
    EXPECT_EQ(defaultTargetModules("llama"), (std::vector<std::string>{"q_proj", "v_proj"}));
    EXPECT_EQ(defaultTargetModules("gpt2"), (std::vector<std::string>{"c_attn"}));
    EXPECT_THROW(defaultTargetModules("bert"), InputError);
    LoraConfig c;
    c.targetModules = {"o_proj"};
    EXPECT_EQ(resolvedTargetModules(c, "llama"), std::vector<std::string>{"o_proj"});
}
