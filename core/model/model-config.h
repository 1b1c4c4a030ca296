#pragma once
// The typed form of a Hugging Face config.json for the causal LMs the engine runs. One table
// (architectureTable) lists the supported architectures and what distinguishes them; everything else
// is plain fields shared by all of them.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace srllm::core {

enum class ModelFamily { Llama, Gpt2 };  // which forward pass (core/model/llama.* or core/model/gpt2.*)

// One supported HF architecture. NOTE: adding a row here is all a Llama-like variant needs.
struct ArchitectureInfo {
    const char* hfClass;    // "LlamaForCausalLM", the value in config.json "architectures"
    const char* modelType;  // "llama", the value in config.json "model_type"
    ModelFamily family;
    bool qkvBias;           // q/k/v projections carry a bias (Qwen2)
};
const std::vector<ArchitectureInfo>& architectureTable();
// The row for an HF class name; throws InputError naming it and listing the supported ones.
const ArchitectureInfo& architectureInfo(const std::string& hfClass, const std::string& file = {});

// Llama 3.1/3.2's scaled RoPE (config.json rope_scaling with rope_type "llama3"): low frequencies are
// divided by `factor`, high ones kept, the band between blended (HF _compute_llama3_parameters).
struct RopeScaling {
    double factor = 8.0;
    double lowFreqFactor = 1.0;
    double highFreqFactor = 4.0;
    int64_t originalMaxPositions = 8192;
};

struct ModelConfig {
    // Sizes are required in config.json (0 = unset): a default borrowed from a 7B model would silently
    // build the wrong shape.
    std::string architecture;           // HF class name, a row of architectureTable()
    int64_t vocabSize = 0;
    int64_t hiddenSize = 0;
    int64_t numLayers = 0;
    int64_t numHeads = 0;
    int64_t numKvHeads = 0;             // absent in config.json means plain multi-head attention (= numHeads)
    int64_t intermediateSize = 0;       // GPT-2: n_inner, null meaning 4 * hiddenSize (HF rule)
    int64_t maxPositions = 2048;        // HF LlamaConfig default; rotary models may exceed it, GPT-2 cannot
    double normEps = 1e-6;              // HF rms_norm_eps default; GPT-2 layer_norm_epsilon defaults to 1e-5
    double ropeTheta = 10000.0;         // RoPE base of the original Llama/RoFormer papers, HF's default
    std::optional<RopeScaling> ropeScaling;  // Llama 3.1/3.2; absent = plain RoPE
    bool tieWordEmbeddings = false;     // HF default for Llama-like models; GPT-2 always ties lm_head to wte
    bool qkvBias = false;               // taken from the architecture row (Qwen2: true)
    std::string hiddenAct = "silu";     // SwiGLU in Llama/Mistral/Qwen2; GPT-2 uses "gelu_new"
    std::optional<int64_t> slidingWindow;  // Mistral: a query sees itself and the window-1 keys before it
    std::optional<int64_t> bosTokenId;  // copied through for tokenizers and templates
    std::vector<int64_t> eosTokenIds;   // HF allows an int or a list; generation stops on any of them
    std::optional<int64_t> padTokenId;  // copied through; generation masks padding, so it is never needed
    std::string torchDtype = "float32"; // dtype the weights are saved in, as HF writes it

    const ArchitectureInfo& info() const { return architectureInfo(architecture); }
    ModelFamily family() const { return info().family; }
    int64_t headDim() const { return hiddenSize / numHeads; }

    // Throws InputError (field named, hint given) when sizes are not positive or do not divide.
    void validate(const std::string& file = {}) const;
};

// Parses a config.json document; `file` names it in errors. Unsupported architectures, rope_scaling
// types other than llama3, or activations throw InputError; unknown keys are ignored (HF configs carry many).
ModelConfig parseModelConfig(const nlohmann::json& json, const std::string& file = {});
ModelConfig loadModelConfig(const std::filesystem::path& configJson);

// The config.json HF transformers would write for this config (GPT-2 uses its n_* key names).
nlohmann::json modelConfigToJson(const ModelConfig& config);
void saveModelConfig(const ModelConfig& config, const std::filesystem::path& configJson);

}  // namespace srllm::core
