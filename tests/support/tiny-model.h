#pragma once
// Tiny model configs for engine tests (header-only: only tests that link srllm_engine include it).
#include "core/model/model-config.h"

namespace srllm::test {

// A 2-layer Llama small enough to train in a test: vocab 48, hidden 32, 4 heads, MLP 64.
inline core::ModelConfig tinyLlamaConfig() {
    core::ModelConfig c;
    c.architecture = "LlamaForCausalLM";
    c.vocabSize = 48;
    c.hiddenSize = 32;
    c.numLayers = 2;
    c.numHeads = 4;
    c.numKvHeads = 4;
    c.intermediateSize = 64;
    c.maxPositions = 64;
    c.eosTokenIds = {2};
    c.bosTokenId = 1;
    return c;
}

// The same sizes as GPT-2 (Conv1D layers, fused c_attn).
inline core::ModelConfig tinyGpt2Config() {
    core::ModelConfig c = tinyLlamaConfig();
    c.architecture = "GPT2LMHeadModel";
    c.hiddenAct = "gelu_new";
    c.normEps = 1e-5;
    c.tieWordEmbeddings = true;
    return c;
}

}  // namespace srllm::test
