#pragma once
// The LoRA hyper-parameters (PEFT LoraConfig subset) as a typed struct, parsed from JSON with PEFT's own
// field names so one parser reads both our config files and PEFT's adapter_config.json.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"

namespace srllm::core {

inline constexpr const char* kAllLinearTarget = "all-linear";
inline constexpr const char* kLmHeadName = "lm_head";  // the HF name of the output layer in every family we build

struct LoraConfig {
    int64_t rank = 64;        // SR-LLM paper (QLoRA recipe): r 64
    double alpha = 16.0;      // SR-LLM paper: lora_alpha 16, so scaling = 0.25
    double dropout = 0.2;     // SR-LLM paper: lora_dropout 0.2 (small data sets overfit quickly)
    // Module names matched by suffix as PEFT does; empty = the architecture's PEFT default
    // (defaultTargetModules), "all-linear" = every projection except the LM head.
    std::vector<std::string> targetModules;
    bool useRslora = false;   // PEFT default; rsLoRA scales by alpha/sqrt(r) for large ranks
    std::string bias = "none";  // only "none" is supported: biases stay frozen (PEFT default)
    // PEFT sets this for GPT-2's Conv1D bases ([in,out] storage). A and B have the same shapes either
    // way, and our models hold every weight as [out,in], so it only matters when writing for PEFT.
    bool fanInFanOut = false;
    std::string baseModelNameOrPath;  // informational, written to adapter_config.json

    // alpha/r, or alpha/sqrt(r) with rsLoRA (PEFT LoraLayer.update_layer).
    double scaling() const;
};

struct LoraConfigParse {
    LoraConfig config;
    Diagnostics warnings;  // unknown keys: warned, never fatal (PEFT adds fields between versions)
};

// Reads a LoRA config object; throws InputError naming `file` and the field for a bad value.
LoraConfigParse parseLoraConfig(const nlohmann::json& json, const std::string& file);

// Throws InputError (field + hint) when a value is out of range; `file` names the source in the message.
void validateLoraConfig(const LoraConfig& config, const std::string& file);

// PEFT's TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING for the architectures we build.
std::vector<std::string> defaultTargetModules(const std::string& modelType);

// PEFT's rule: a target matches a module whose qualified name equals it or ends with "." + target;
// "all-linear" matches every projection except the LM head.
bool matchesTarget(const std::string& qualifiedName, const std::vector<std::string>& targets);

// The target list with the empty default resolved for `modelType`.
std::vector<std::string> resolvedTargetModules(const LoraConfig& config, const std::string& modelType);

}  // namespace srllm::core
