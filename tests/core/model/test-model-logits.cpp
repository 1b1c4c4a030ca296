// Logits of tiny GPT-2, Llama (GQA, untied) and Qwen2 (q/k/v bias, tied, bf16 file) models loaded through
// model-loader equal those of the independent float64 reference tests/data/reference-logits.py.
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/io/safetensors.h"
#include "core/model/model-factory.h"
#include "core/model/model-loader.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

std::filesystem::path modelDir(const std::string& name) { return srllm::test::sourceDir() / "tests/data/models" / name; }

}  // namespace

class ReferenceLogits : public ::testing::TestWithParam<std::string> {};

TEST_P(ReferenceLogits, MatchTheIndependentReferenceAtRealPositions) {
    const auto loaded = loadModel(modelDir(GetParam()));
    EXPECT_TRUE(loaded.warnings.empty());
    const auto golden = loadSafetensors(modelDir(GetParam()) / "golden-logits.safetensors");
    torch::NoGradGuard noGrad;
    const auto logits = loaded.model->forward(golden.at("input_ids"), nullptr, golden.at("attention_mask"));
    const auto real = golden.at("attention_mask").to(torch::kBool);
    const auto diff = (logits - golden.at("logits")).abs().index({real}).max().item<double>();
    EXPECT_LT(diff, 1e-4) << GetParam();
}

TEST_P(ReferenceLogits, LogitsToKeepGivesTheReferenceAtTheLastPositions) {
    const auto loaded = loadModel(modelDir(GetParam()));
    const auto golden = loadSafetensors(modelDir(GetParam()) / "golden-logits.safetensors");
    torch::NoGradGuard noGrad;
    const auto logits = loaded.model->forward(golden.at("input_ids"), nullptr, golden.at("attention_mask"), 2);
    const auto& expected = golden.at("logits");
    ASSERT_EQ(logits.sizes(), (std::vector<int64_t>{expected.size(0), 2, expected.size(2)}));
    // Left padding puts every row's real tokens last, so the last two positions are real.
    EXPECT_LT((logits - expected.slice(1, expected.size(1) - 2)).abs().max().item<double>(), 1e-4) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Models, ReferenceLogits,
                         ::testing::Values("tiny-gpt2", "tiny-llama-gqa", "tiny-qwen2-bias", "tiny-llama3-rope"));

// #8: the llama3 fixture's frequencies are chosen so that scaling changes them; the same weights with plain
// RoPE must miss the reference, or matching it would prove nothing. The config also round-trips.
TEST(ModelLoader, Llama3RopeScalingChangesTheLogitsAndRoundTrips) {
    const auto dir = modelDir("tiny-llama3-rope");
    auto config = loadModelConfig(dir / "config.json");
    ASSERT_TRUE(config.ropeScaling);
    EXPECT_EQ(config.ropeScaling->originalMaxPositions, 64);
    EXPECT_EQ(parseModelConfig(modelConfigToJson(config)).ropeScaling->factor, 8.0);
    config.ropeScaling.reset();
    auto plain = buildModel(config);
    loadModelWeights(*plain, SafetensorsStore::open(dir), dir.string());
    const auto golden = loadSafetensors(dir / "golden-logits.safetensors");
    torch::NoGradGuard noGrad;
    const auto logits = plain->forward(golden.at("input_ids"), nullptr, golden.at("attention_mask"));
    const auto real = golden.at("attention_mask").to(torch::kBool);
    EXPECT_GT((logits - golden.at("logits")).abs().index({real}).max().item<double>(), 1e-3);
    auto bad = nlohmann::json::parse(R"({"architectures":["LlamaForCausalLM"],"vocab_size":8,"hidden_size":8,
        "num_hidden_layers":1,"num_attention_heads":2,"intermediate_size":8,"rope_scaling":{"rope_type":"yarn","factor":4}})");
    EXPECT_THROW(parseModelConfig(bad, "c.json"), InputError);
    bad["rope_scaling"] = {{"rope_type", "llama3"}, {"factor", 8.0}};  // original_max_position_embeddings missing
    EXPECT_THROW(parseModelConfig(bad, "c.json"), InputError);
}

TEST(ModelLoader, SaveThenLoadRoundTripsTheLogits) {
    srllm::test::ScratchDir dir;
    for (const std::string name : {"tiny-gpt2", "tiny-llama-gqa"}) {
        const auto original = loadModel(modelDir(name)).model;
        saveModel(*original, dir / name);
        const auto reloaded = loadModel(dir / name).model;
        const auto ids = torch::tensor({{3, 1, 4, 1, 5}}, torch::kInt64);
        torch::NoGradGuard noGrad;
        EXPECT_TRUE(torch::equal(original->forward(ids), reloaded->forward(ids))) << name;
    }
}

TEST(ModelLoader, ShapeMismatchNamesTheTensorAndBothShapes) {
    srllm::test::ScratchDir dir;
    auto config = loadModelConfig(modelDir("tiny-llama-gqa") / "config.json");
    auto tensors = loadSafetensors(modelDir("tiny-llama-gqa") / "model.safetensors");
    tensors["model.layers.1.self_attn.k_proj.weight"] = torch::zeros({8, 32});
    std::filesystem::create_directories(dir / "m");
    saveSafetensors(dir / "m" / "model.safetensors", tensors);
    saveModelConfig(config, dir / "m" / "config.json");
    try {
        loadModel(dir / "m");
        FAIL() << "no error";
    } catch (const InputError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("tensor 'model.layers.1.self_attn.k_proj.weight'"), std::string::npos) << what;
        EXPECT_NE(what.find("has shape [8,32], expected [16,32] (hint:"), std::string::npos) << what;
    }
}

TEST(ModelConfig, UnsupportedArchitectureIsNamedWithTheSupportedList) {
    try {
        parseModelConfig({{"architectures", {"FalconForCausalLM"}}}, "config.json");
        FAIL() << "no error";
    } catch (const InputError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("FalconForCausalLM"), std::string::npos);
        EXPECT_NE(what.find("Qwen2ForCausalLM"), std::string::npos);
    }
}

TEST(ModelConfig, RejectsRopeScalingAndIndivisibleHeads) {
    auto json = modelConfigToJson(loadModelConfig(modelDir("tiny-llama-gqa") / "config.json"));
    json["rope_scaling"] = {{"type", "linear"}, {"factor", 2.0}};
    EXPECT_THROW(parseModelConfig(json), InputError);
    json["rope_scaling"] = nullptr;
    json["num_key_value_heads"] = 3;
    EXPECT_THROW(parseModelConfig(json), InputError);
}

TEST(ModelConfig, SlidingWindowIsMistralsAndRefusedForQwen2) {
    auto json = modelConfigToJson(loadModelConfig(modelDir("tiny-llama-gqa") / "config.json"));
    json["architectures"] = {"MistralForCausalLM"};
    json["sliding_window"] = 4096;
    EXPECT_EQ(parseModelConfig(json).slidingWindow, 4096);
    json["sliding_window"] = nullptr;  // Mistral v0.2 and later
    EXPECT_FALSE(parseModelConfig(json).slidingWindow);

    auto qwen = modelConfigToJson(loadModelConfig(modelDir("tiny-qwen2-bias") / "config.json"));
    qwen["sliding_window"] = 32768;  // as released Qwen2 configs: recorded but off
    qwen["use_sliding_window"] = false;
    EXPECT_FALSE(parseModelConfig(qwen).slidingWindow);
    qwen.erase("use_sliding_window");
    EXPECT_FALSE(parseModelConfig(qwen).slidingWindow);
    qwen["use_sliding_window"] = true;
    try {
        parseModelConfig(qwen, "config.json");
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().field, "use_sliding_window");
    }
}

TEST(ModelFactory, ProjectionsAreVisitedWithHfNames) {
    const auto model = buildModel(loadModelConfig(modelDir("tiny-gpt2") / "config.json"), 7);
    std::vector<std::string> names;
    model->forEachProjection([&](const ProjectionSlot& slot) { names.push_back(slot.qualifiedName); });
    ASSERT_EQ(names.size(), 8u);
    EXPECT_EQ(names[0], "transformer.h.0.attn.c_attn");
    EXPECT_EQ(names[3], "transformer.h.0.mlp.c_proj");
    const auto again = buildModel(model->config(), 7);
    EXPECT_TRUE(torch::equal(model->named_parameters()["transformer.wte.weight"], again->named_parameters()["transformer.wte.weight"]));
}
