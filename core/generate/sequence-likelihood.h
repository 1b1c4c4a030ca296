#pragma once
// The log-likelihood of whole texts under a causal LM: the sum over tokens t_i (i >= 1) of
// log p(t_i | t_<i), the text encoded with the tokenizer's special tokens (BOS when it adds one, so the
// first word is scored too). Bias benchmarks compare these; perplexity under the base model is
// exp(-logLikelihood / tokens).
#include <string>
#include <vector>

#include "core/model/causal-lm.h"
#include "core/tokenizer/tokenizer.h"

namespace srllm::core {

struct SequenceLikelihood {
    double logLikelihood = 0;  // natural log
    int64_t tokens = 0;        // tokens scored (all but the first)
    double perplexity() const;  // NaN when no token was scored
};

// One forward per text (no padding), on the model's device, under NoGradGuard.
std::vector<SequenceLikelihood> sequenceLikelihoods(CausalLMImpl& model, const Tokenizer& tokenizer,
                                                    const std::vector<std::string>& texts);

}  // namespace srllm::core
