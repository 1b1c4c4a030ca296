#pragma once
// Loading a Hugging Face model folder (config.json + model.safetensors or a sharded index) into a
// CausalLM, and saving one back in the same layout (what lora-train uses for merged models).
#include <filesystem>
#include <map>
#include <string>

#include <torch/torch.h>

#include "core/common/diagnostics.h"
#include "core/io/safetensors.h"
#include "core/model/causal-lm.h"

namespace srllm::core {

struct ModelLoadOptions {
    torch::Dtype dtype = torch::kFloat32;  // compute dtype; F16/BF16 files are converted to it
};

struct LoadedModel {
    CausalLM model;
    Diagnostics warnings;  // unexpected tensors in the files (ignored), and similar
};

// Loads config.json and every expected weight; throws InputError for a missing tensor or a shape
// mismatch ("tensor 'X' has shape [a,b], expected [c,d] (hint: ...)"). Call from one thread at a time.
LoadedModel loadModel(const std::filesystem::path& folder, const ModelLoadOptions& options = {});

// Copies the weights of `store` into `model` under the same checks as loadModel; `where` names the
// source in errors. Tensors the model does not have become warnings.
Diagnostics loadModelWeights(CausalLMImpl& model, const SafetensorsStore& store, const std::string& where);

// The HF state dict of a model: keys as in HF files, Conv1D weights transposed back to [in,out], tied
// lm_head left out. Tensors share storage with the model unless transposed.
std::map<std::string, torch::Tensor> hfStateDict(CausalLMImpl& model);

// Writes folder/config.json and folder/model.safetensors (weights converted to `dtype`), creating the
// folder. Existing files of those names are replaced.
void saveModel(CausalLMImpl& model, const std::filesystem::path& folder, torch::Dtype dtype = torch::kFloat32);

}  // namespace srllm::core
