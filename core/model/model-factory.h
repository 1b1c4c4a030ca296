#pragma once
// Builds the model class for a config's architecture.
#include <cstdint>

#include "core/model/causal-lm.h"

namespace srllm::core {

// A model for `config` (validated first) with HF's initialisation: every weight of a projection and
// embedding ~ N(0, 0.02), biases 0, norms 1 (GPT-2 also scales c_proj by 1/sqrt(2·layers)).
// Same seed and config -> bit-identical weights. Float32, CPU.
CausalLM buildModel(const ModelConfig& config, uint64_t seed = 0);

}  // namespace srllm::core
