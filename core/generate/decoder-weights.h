#pragma once
// A Llama-family model's weights as the CPU decoder (cpu-decoder.h) reads them: raw views of the model's
// own tensors (no copy, except small float32 copies of norms, biases and LoRA matrices, and the optional
// int8 copy), so one decoding step streams each weight once for every sequence of the batch.
#include <optional>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/model/causal-lm.h"
#include "core/model/rotary-embedding.h"

namespace srllm::core {

// How the decoder stores the projection weights it streams.
enum class DecoderWeightFormat {
    Model,  // the model's own float32 or bfloat16 tensors, unchanged
    Int8,   // weight-only int8 with one float32 scale per output row (absmax / 127), a copy
};

// One projection y = x·Wᵀ (+ bias) (+ scaling·(x·Aᵀ)·Bᵀ for an active LoRA adapter).
struct DecoderMatrix {
    torch::Tensor weight;  // [out, in] contiguous: float32, bfloat16 or int8
    torch::Tensor scale;   // [out] float32 for int8, else undefined
    torch::Tensor bias;    // [out] float32 or undefined
    torch::Tensor loraA;   // [r, in] float32 or undefined
    torch::Tensor loraB;   // [out, r] float32 or undefined
    float loraScaling = 0;

    int64_t rows() const { return weight.size(0); }
    int64_t cols() const { return weight.size(1); }
    // y[b·ldy + j] = Σ_k W[j,k]·x[b·ldx + k] for j in [j0, j1) and n input rows (no bias, no adapter).
    void multiply(const float* x, int64_t ldx, int64_t n, float* y, int64_t ldy, int64_t j0, int64_t j1) const;
};

struct DecoderLayer {
    DecoderMatrix q, k, v, o, gate, up, down;
    torch::Tensor inputNorm, postNorm;  // [C] float32
};

struct DecoderWeights {
    int64_t hidden = 0, heads = 0, kvHeads = 0, headDim = 0, ffn = 0, vocab = 0;
    float normEps = 0;
    std::optional<int64_t> slidingWindow;
    torch::Dtype cacheDtype = torch::kFloat32;  // the model's dtype: keys and values are kept in it
    torch::Tensor embed;                        // [V, C] the model's own table
    std::vector<DecoderLayer> layers;
    torch::Tensor finalNorm;                    // [C] float32
    DecoderMatrix head;                         // lm_head, or the embedding table when tied
    std::optional<RotaryEmbedding> rotary;      // the model's RoPE (cos/sin tables are made from it)
};

// Every projection of the decoder's view (layers in order, then the head).
std::vector<const DecoderMatrix*> decoderMatrices(const DecoderWeights& weights);

// The decoder's view of `model`, or nullopt with the reason in `whyNot` when the decoder does not cover
// it: not Llama-family, not on the CPU, weights neither float32 nor bfloat16, or a projection that is
// neither dense nor LoRA over dense (NF4 bases decode through the model's own forward).
std::optional<DecoderWeights> decoderWeights(CausalLMImpl& model, DecoderWeightFormat format, std::string* whyNot = nullptr);

}  // namespace srllm::core
