#pragma once
// Turning a loaded model into a LoRA / QLoRA model and back: target matching with PEFT's suffix rule,
// replacing projections through their slots, freezing the rest, and merge-and-unload for export.
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "core/lora/lora-config.h"
#include "core/lora/lora-linear.h"
#include "core/model/causal-lm.h"

namespace srllm::core {

struct LoraApplyOptions {
    bool quantizeBase = false;                 // QLoRA: every projection except lm_head becomes NF4
    torch::Dtype computeDtype = torch::kFloat32;  // NF4 dequantization dtype (bf16 halves the bandwidth)
};

struct LoraApplyReport {
    std::vector<std::string> wrapped;  // qualified names that got a LoRA wrapper, in model order
    int64_t quantized = 0;             // projections now stored in NF4
    int64_t trainableParams = 0;       // A and B elements
    int64_t totalParams = 0;           // every weight element, NF4 ones included (as PEFT counts them)
};

// Wraps the matching projections of `model` in LoraLinear (over NF4 with quantizeBase) and freezes every
// other parameter. Throws InputError (field target_modules) when no projection matches.
LoraApplyReport applyLora(CausalLMImpl& model, const LoraConfig& config, const LoraApplyOptions& options = {});

// The LoRA layers of a model, by qualified name, in model order.
std::vector<std::pair<std::string, std::shared_ptr<LoraLinearImpl>>> loraLayers(CausalLMImpl& model);

// Replaces every LoRA layer by its merged dense copy and every NF4 projection by its dequantized dense
// form, so the model is plain again (PEFT merge_and_unload) and can be saved as an HF folder.
void mergeAndUnload(CausalLMImpl& model);

// Element counts over named_parameters(); trainableOnly counts those with requires_grad.
int64_t countParameters(torch::nn::Module& module, bool trainableOnly);

}  // namespace srllm::core
