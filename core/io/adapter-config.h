#pragma once
// Reading a PEFT adapter folder's adapter_config.json. Torch-free (unlike the rest of core/io), so the
// fuzzer and tools that only inspect an adapter build without libtorch.
#include <cstdint>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"
#include "core/lora/lora-config.h"

namespace srllm::core {

struct AdapterLoad {
    LoraConfig config;
    Diagnostics warnings;  // unknown config keys, fan_in_fan_out etc.
    int64_t tensors = 0;   // lora_A + lora_B tensors loaded
};

// Checks an adapter_config.json document (peft_type LORA, then the LoRA fields); `file` names it in errors.
AdapterLoad parseAdapterConfig(const nlohmann::json& json, const std::string& file);

// Reads `dir`'s adapter_config.json only (no tensors); throws InputError naming the file and field.
AdapterLoad readAdapterConfig(const std::filesystem::path& dir);

}  // namespace srllm::core
