#include "core/generate/sequence-likelihood.h"

#include <cmath>
#include <limits>

#include <torch/torch.h>

namespace srllm::core {

double SequenceLikelihood::perplexity() const {
    if (tokens == 0) return std::numeric_limits<double>::quiet_NaN();
    return std::exp(-logLikelihood / static_cast<double>(tokens));
}

std::vector<SequenceLikelihood> sequenceLikelihoods(CausalLMImpl& model, const Tokenizer& tokenizer,
                                                    const std::vector<std::string>& texts) {
    torch::NoGradGuard noGrad;
    const auto device = model.parameters().front().device();
    std::vector<SequenceLikelihood> out;
    for (const auto& text : texts) {
        const auto ids = tokenizer.encode(text, true);
        SequenceLikelihood s;
        if (ids.size() >= 2) {
            const auto input = torch::tensor(ids, torch::kInt64).unsqueeze(0).to(device);
            const auto logits = model.forward(input).squeeze(0).to(torch::kFloat64);  // [T,V]
            const auto logProbs = torch::log_softmax(logits.slice(0, 0, logits.size(0) - 1), -1);
            const auto targets = input.squeeze(0).slice(0, 1).unsqueeze(1);
            s.logLikelihood = logProbs.gather(1, targets).sum().item<double>();
            s.tokens = static_cast<int64_t>(ids.size()) - 1;
        }
        out.push_back(s);
    }
    return out;
}

}  // namespace srllm::core
