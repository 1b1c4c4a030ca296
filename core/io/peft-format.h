#pragma once
// The PEFT / Hugging Face adapter format: every file name, key prefix and config field name lives here
// and nowhere else, so an adapter we write loads in PEFT (PeftModel.from_pretrained) and vice versa.
#include <filesystem>
#include <string>

#include "core/common/diagnostics.h"
#include "core/lora/lora-config.h"

namespace srllm::core {

class CausalLMImpl;

namespace peft {
inline constexpr const char* kAdapterWeightsFile = "adapter_model.safetensors";
inline constexpr const char* kAdapterConfigFile = "adapter_config.json";
inline constexpr const char* kKeyPrefix = "base_model.model.";  // PeftModel -> LoraModel -> HF model
inline constexpr const char* kLoraASuffix = ".lora_A.weight";
inline constexpr const char* kLoraBSuffix = ".lora_B.weight";
// adapter_config.json fields
inline constexpr const char* kFieldRank = "r";
inline constexpr const char* kFieldAlpha = "lora_alpha";
inline constexpr const char* kFieldDropout = "lora_dropout";
inline constexpr const char* kFieldTargetModules = "target_modules";
inline constexpr const char* kFieldBias = "bias";
inline constexpr const char* kFieldFanInFanOut = "fan_in_fan_out";
inline constexpr const char* kFieldUseRslora = "use_rslora";
inline constexpr const char* kFieldPeftType = "peft_type";
inline constexpr const char* kFieldTaskType = "task_type";
inline constexpr const char* kFieldBaseModel = "base_model_name_or_path";
inline constexpr const char* kFieldInferenceMode = "inference_mode";
inline constexpr const char* kPeftTypeLora = "LORA";
inline constexpr const char* kTaskTypeCausalLm = "CAUSAL_LM";
}  // namespace peft

// "model.layers.0.self_attn.q_proj" -> "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight".
std::string peftLoraAKey(const std::string& qualifiedName);
std::string peftLoraBKey(const std::string& qualifiedName);

// adapter_config.json content for `config` (PEFT field names; nlohmann::json keeps keys sorted).
nlohmann::json adapterConfigJson(const LoraConfig& config);

// Writes adapter_model.safetensors + adapter_config.json for every LoraLinear in `model` into `dir`
// (created if missing). Files are written to temporaries and renamed, so a crash leaves no half adapter.
void saveAdapter(CausalLMImpl& model, const LoraConfig& config, const std::filesystem::path& dir);

struct AdapterLoad {
    LoraConfig config;
    Diagnostics warnings;  // unknown config keys, fan_in_fan_out etc.
    int64_t tensors = 0;   // lora_A + lora_B tensors loaded
};

// Reads `dir`'s adapter_config.json only (no tensors).
AdapterLoad readAdapterConfig(const std::filesystem::path& dir);

// Wraps `model`'s target projections in LoRA per `dir`'s config and loads the A/B weights; with
// quantizeBase every projection but lm_head becomes NF4 first, as in the QLoRA run that trained the
// adapter. A missing or mis-shaped tensor throws InputError naming the tensor, the shapes and a hint.
AdapterLoad loadAdapter(CausalLMImpl& model, const std::filesystem::path& dir, bool quantizeBase = false);

}  // namespace srllm::core
