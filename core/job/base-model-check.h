#pragma once
// Checks a base-model folder without loading it (torch-free, for `srllm job new` and the GUI's Train
// page): config.json readable and supported, weights present as safetensors, a tokenizer present. Each
// missing piece gets its own message, so a person sees everything to fix at once.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "core/common/diagnostics.h"
#include "core/model/model-config.h"

namespace srllm::core {

struct BaseModelCheck {
    std::filesystem::path folder;
    std::optional<ModelConfig> config;                 // when config.json parsed
    std::vector<std::filesystem::path> weightFiles;    // model.safetensors or the shards of the index
    int64_t weightBytes = 0;
    std::vector<std::filesystem::path> tokenizerFiles; // tokenizer.json, vocab.json + merges.txt, ...
    Diagnostics problems;                              // one per missing or broken piece

    bool ok() const { return problems.empty(); }
};

BaseModelCheck checkBaseModel(const std::filesystem::path& folder);

// checkBaseModel, throwing InputError with every problem joined ("; ") when there is any.
BaseModelCheck requireBaseModel(const std::filesystem::path& folder);

// The files that make the model: config.json, the weight files and the tokenizer files, sorted by name.
std::vector<std::filesystem::path> baseModelFiles(const BaseModelCheck& check);

}  // namespace srllm::core
