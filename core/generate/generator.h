#pragma once
// Autoregressive generation for a batch of prompts: left padding with an attention mask, KV cache,
// greedy or sampled decoding (see sampler.h), EOS ids and stop strings, cancel via ProgressCallback.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/common/progress.h"
#include "core/generate/sampler.h"
#include "core/model/causal-lm.h"

namespace srllm::core {

// Turns token ids back into text; needed only for stop strings.
using DecodeFunction = std::function<std::string(const std::vector<int64_t>&)>;

// Which decoder runs the steps (core/generate/decode-session.h).
enum class DecoderChoice {
    Auto,     // the CPU decoder where it covers the model (Llama family on the CPU), else the tensor path
    Tensor,   // always the model's own forward (the reference; tests and benchmarks compare against it)
    CpuInt8,  // the CPU decoder over weight-only int8 copies: a quarter of float32's memory traffic, a small
              // loss (docs/BENCHMARKS.md); InputError where the CPU decoder does not cover the model
};

struct GenerationOptions {
    int64_t maxNewTokens = 128;         // enough for the paper's one-sentence rewrites
    SamplingOptions sampling;           // greedy by default
    std::optional<uint64_t> seed;       // sampling seed; unset = non-deterministic
    std::vector<int64_t> eosTokenIds;   // generation of a row stops after emitting one (it is kept)
    std::vector<std::string> stopStrings;  // stops a row when its decoded output contains one (cut there)
    int64_t padTokenId = 0;             // fills left padding; masked out, so its value never matters
    bool useCache = true;               // false recomputes the full sequence each step (for tests/benchmarks)
    DecoderChoice decoder = DecoderChoice::Auto;
    bool keepStepLogits = false;        // fill GenerationResult::stepLogits (for tests)
};

enum class FinishReason { Length, Eos, StopString, Cancelled };
const char* finishReasonName(FinishReason reason);

struct GenerationResult {
    std::vector<std::vector<int64_t>> tokens;  // new tokens per prompt (EOS included, stop string cut)
    std::vector<std::string> texts;            // decoded new tokens (stop string cut); empty without decode
    std::vector<FinishReason> finishReasons;
    std::vector<torch::Tensor> stepLogits;     // per step the raw logits of the rows still generating then,
                                               // [live,V] in prompt order (only with keepStepLogits)
};

class Generator {
public:
    // `decode` is required only when options use stop strings. The model must outlive the generator.
    explicit Generator(CausalLMImpl& model, DecodeFunction decode = {});

    // Generates for every prompt (each non-empty). progress(done steps, maxNewTokens) returning false
    // stops early with FinishReason::Cancelled for unfinished rows. Runs under NoGradGuard; one call at a time.
    GenerationResult generate(const std::vector<std::vector<int64_t>>& prompts, const GenerationOptions& options,
                              const ProgressCallback& progress = {});

private:
    CausalLMImpl& m_model;
    DecodeFunction m_decode;
};

}  // namespace srllm::core
