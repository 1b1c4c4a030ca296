// PEFT adapter files: exact key names for a tiny Llama, sorted config JSON with PEFT's fields, a bitwise
// save->load round trip, and the errors for mis-shaped or missing tensors.
#include <fstream>

#include <gtest/gtest.h>

#include "core/io/peft-format.h"
#include "core/io/safetensors.h"
#include "core/lora/apply-lora.h"
#include "core/lora/nf4-linear.h"
#include "core/model/model-factory.h"
#include "support/input-error.h"
#include "support/test-data.h"
#include "support/tiny-model.h"

using namespace srllm::core;
using srllm::test::ScratchDir;
using srllm::test::tinyLlamaConfig;

namespace {

CausalLM adaptedTinyLlama(uint64_t seed) {
    auto model = buildModel(tinyLlamaConfig(), seed);
    LoraConfig config;
    config.rank = 4;
    config.alpha = 8;
    torch::manual_seed(seed);
    applyLora(*model, config);
    for (auto& [name, lora] : loraLayers(*model)) {
        torch::NoGradGuard noGrad;
        lora->loraB.normal_();
    }
    return model;
}

LoraConfig rank4() {
    LoraConfig config;
    config.rank = 4;
    config.alpha = 8;
    config.baseModelNameOrPath = "tiny-llama";
    return config;
}

}  // namespace

TEST(PeftFormat, KeysAreThePeftNamesForATinyLlama) {
    EXPECT_EQ(peftLoraAKey("model.layers.0.self_attn.q_proj"),
              "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight");
    ScratchDir dir;
    auto model = adaptedTinyLlama(1);
    saveAdapter(*model, rank4(), dir.path());
    std::vector<std::string> names;
    for (const auto& [name, tensor] : loadSafetensors(dir / "adapter_model.safetensors")) names.push_back(name);
    const std::vector<std::string> expected = {
        "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight",
        "base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight",
        "base_model.model.model.layers.0.self_attn.v_proj.lora_A.weight",
        "base_model.model.model.layers.0.self_attn.v_proj.lora_B.weight",
        "base_model.model.model.layers.1.self_attn.q_proj.lora_A.weight",
        "base_model.model.model.layers.1.self_attn.q_proj.lora_B.weight",
        "base_model.model.model.layers.1.self_attn.v_proj.lora_A.weight",
        "base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight"};
    EXPECT_EQ(names, expected);
}

TEST(PeftFormat, ConfigHasPeftFieldsWithSortedKeys) {
    ScratchDir dir;
    auto model = adaptedTinyLlama(2);
    saveAdapter(*model, rank4(), dir.path());
    std::ifstream in(dir / "adapter_config.json");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto json = nlohmann::json::parse(text);
    EXPECT_EQ(json["peft_type"], "LORA");
    EXPECT_EQ(json["task_type"], "CAUSAL_LM");
    EXPECT_EQ(json["r"], 4);
    EXPECT_EQ(json["lora_alpha"], 8.0);
    EXPECT_EQ(json["target_modules"], nlohmann::json({"q_proj", "v_proj"}));
    EXPECT_EQ(json["bias"], "none");
    EXPECT_EQ(json["fan_in_fan_out"], false);
    EXPECT_EQ(json["base_model_name_or_path"], "tiny-llama");
    // keys appear in sorted order in the file text
    EXPECT_LT(text.find("\"base_model_name_or_path\""), text.find("\"bias\""));
    EXPECT_LT(text.find("\"lora_alpha\""), text.find("\"peft_type\""));
    EXPECT_LT(text.find("\"task_type\""), text.find("\"use_rslora\""));
}

TEST(PeftFormat, SaveThenLoadIsBitwiseExact) {
    ScratchDir dir;
    auto model = adaptedTinyLlama(3);
    saveAdapter(*model, rank4(), dir.path());
    auto fresh = buildModel(tinyLlamaConfig(), 3);
    const auto loaded = loadAdapter(*fresh, dir.path());
    EXPECT_EQ(loaded.tensors, 8);
    EXPECT_TRUE(loaded.warnings.empty());
    const auto a = loraLayers(*model), b = loraLayers(*fresh);
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].first, b[i].first);
        EXPECT_TRUE(torch::equal(a[i].second->loraA, b[i].second->loraA));
        EXPECT_TRUE(torch::equal(a[i].second->loraB, b[i].second->loraB));
    }
    const auto ids = torch::randint(0, 48, {1, 6}, torch::kLong);
    model->eval();
    fresh->eval();
    EXPECT_TRUE(torch::equal(model->forward(ids), fresh->forward(ids)));
}

TEST(PeftFormat, MisShapedTensorNamesItAndGivesAHint) {
    ScratchDir dir;
    auto model = adaptedTinyLlama(4);
    saveAdapter(*model, rank4(), dir.path());
    auto tensors = loadSafetensors(dir / "adapter_model.safetensors");
    const std::string key = "base_model.model.model.layers.1.self_attn.v_proj.lora_A.weight";
    tensors[key] = torch::zeros({4, 16});
    saveSafetensors(dir / "adapter_model.safetensors", tensors);
    auto fresh = buildModel(tinyLlamaConfig(), 4);
    const auto e = srllm::test::catchInputError([&] { loadAdapter(*fresh, dir.path()); });
    ASSERT_TRUE(e);
    const std::string what = e->what;
    EXPECT_NE(what.find("tensor '" + key + "' has shape [4,16], expected [4,32]"), std::string::npos) << what;
    EXPECT_NE(what.find("hint"), std::string::npos);
}

TEST(PeftFormat, UnknownConfigKeysWarnAndMissingTensorsFail) {
    ScratchDir dir;
    auto model = adaptedTinyLlama(5);
    saveAdapter(*model, rank4(), dir.path());
    auto json = nlohmann::json::parse(std::ifstream(dir / "adapter_config.json"));
    json["future_option"] = 1;
    std::ofstream(dir / "adapter_config.json") << json.dump();
    EXPECT_EQ(readAdapterConfig(dir.path()).warnings.size(), 1u);
    EXPECT_EQ(readAdapterConfig(dir.path()).warnings[0].field, "future_option");

    json["target_modules"] = {"q_proj", "k_proj"};
    std::ofstream(dir / "adapter_config.json") << json.dump();
    auto fresh = buildModel(tinyLlamaConfig(), 5);
    EXPECT_THROW(loadAdapter(*fresh, dir.path()), InputError);
}

// #12, fuzz finding 9 (adapter-config, UBSan): a rank written as a float was cast to an integer, 8.5 quietly
// becoming 8 and 2.2e100 undefined behaviour. PEFT writes `r` as an integer; anything else is refused by name.
TEST(PeftFormat, ARankThatIsNotAnIntegerIsRefusedNamingTheField) {
    ScratchDir dir;
    const auto file = dir / "adapter_config.json";
    for (const char* rank : {"8.5", "2.2e100", "-1e300", "18446744073709551615", "\"8\""}) {
        std::ofstream(file) << R"({"peft_type": "LORA", "r": )" << rank << R"(, "lora_alpha": 16})";
        const auto error = srllm::test::catchInputError([&] { readAdapterConfig(dir.path()); });
        ASSERT_TRUE(error) << rank;
        EXPECT_EQ(error->diagnostic.file, file.string()) << rank;
        EXPECT_EQ(error->diagnostic.field, "r") << rank;
    }
    std::ofstream(file) << R"({"peft_type": "LORA", "r": 8, "lora_alpha": 16})";
    EXPECT_EQ(readAdapterConfig(dir.path()).config.rank, 8);
}

// #8: a QLoRA adapter merges into the base it was trained against: each targeted weight becomes the
// dequantized NF4 weight plus scaling·B·A (computed here from nf4-linear's own quantize/dequantize, checked
// against bitsandbytes' algorithm in test-lora-golden), every other projection its dequantized weight;
// merging into the original weights is a different model.
TEST(PeftFormat, QloraAdapterMergesIntoTheDequantizedNf4Base) {
    ScratchDir dir;
    auto model = adaptedTinyLlama(3);
    saveAdapter(*model, rank4(), dir.path());
    const auto original = buildModel(tinyLlamaConfig(), 3);
    std::map<std::string, torch::Tensor> base, a, b;
    for (const auto& item : original->named_parameters()) base[item.key()] = item.value().detach().clone();
    for (const auto& [name, lora] : loraLayers(*model)) {
        a[name] = lora->loraA.detach().clone();
        b[name] = lora->loraB.detach().clone();
    }
    auto nf4 = buildModel(tinyLlamaConfig(), 3);
    loadAdapter(*nf4, dir.path(), /*quantizeBase=*/true);
    mergeAndUnload(*nf4);
    auto plain = buildModel(tinyLlamaConfig(), 3);
    loadAdapter(*plain, dir.path());
    mergeAndUnload(*plain);
    const double scaling = rank4().scaling();
    std::map<std::string, torch::Tensor> merged, mergedPlain;
    for (const auto& item : nf4->named_parameters()) merged[item.key()] = item.value().detach();
    for (const auto& item : plain->named_parameters()) mergedPlain[item.key()] = item.value().detach();
    int64_t projections = 0;
    nf4->forEachProjection([&](const ProjectionSlot& slot) {
        if (slot.qualifiedName == "lm_head") return;
        const auto key = slot.qualifiedName + ".weight";
        auto expected = dequantizeNf4(quantizeNf4(base.at(key)));
        if (a.count(slot.qualifiedName)) expected = expected + scaling * torch::matmul(b[slot.qualifiedName], a[slot.qualifiedName]);
        EXPECT_TRUE(torch::allclose(merged.at(key), expected, 1e-6, 1e-6)) << key;
        EXPECT_FALSE(torch::allclose(merged.at(key), mergedPlain.at(key), 1e-4, 1e-4)) << key;
        ++projections;
    });
    EXPECT_EQ(projections, 2 * 7);
    EXPECT_TRUE(torch::equal(merged.at("lm_head.weight"), base.at("lm_head.weight")));  // kept dense, as bitsandbytes does
}
