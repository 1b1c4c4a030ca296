#include "core/generate/sampler.h"

#include <limits>

#include "core/common/diagnostics.h"

namespace srllm::core {

void SamplingOptions::validate() const {
    if (!(temperature >= 0.0)) throw InputError("", 0, "temperature", "must be >= 0 (0 = greedy)");
    if (topK < 0) throw InputError("", 0, "top-k", "must be >= 0 (0 = off)");
    if (!(topP > 0.0 && topP <= 1.0)) throw InputError("", 0, "top-p", "must be in (0, 1] (1 = off)");
    if (!(repetitionPenalty > 0.0)) throw InputError("", 0, "repetition-penalty", "must be > 0 (1 = off)");
}

torch::Tensor applyRepetitionPenalty(const torch::Tensor& logits, const torch::Tensor& history, double penalty) {
    if (penalty == 1.0 || !history.defined() || history.size(1) == 0) return logits;
    const auto valid = (history >= 0).to(torch::kInt64);
    auto counts = torch::zeros(logits.sizes(), valid.options());
    counts.scatter_add_(1, history.clamp_min(0), valid);  // padding adds 0 to token 0
    const auto penalised = torch::where(logits > 0, logits / penalty, logits * penalty);
    return torch::where(counts > 0, penalised, logits);
}

torch::Tensor applyTopK(const torch::Tensor& logits, int64_t k) {
    if (k <= 0 || k >= logits.size(-1)) return logits;
    const auto kth = std::get<0>(logits.topk(k, -1)).select(-1, k - 1).unsqueeze(-1);  // [B,1]
    return logits.masked_fill(logits < kth, -std::numeric_limits<double>::infinity());
}

torch::Tensor applyTopP(const torch::Tensor& logits, double p) {
    if (p >= 1.0) return logits;
    const auto [sorted, order] = logits.sort(-1, /*descending=*/false);
    const auto cumulative = sorted.softmax(-1).cumsum(-1);
    // HF: drop the ascending-sorted tokens whose cumulative mass is <= 1-p, always keeping the top one.
    auto remove = cumulative <= (1.0 - p);
    remove.select(-1, remove.size(-1) - 1).fill_(false);
    const auto removeByToken = remove.scatter(-1, order, remove);
    return logits.masked_fill(removeByToken, -std::numeric_limits<double>::infinity());
}

torch::Tensor processLogits(const torch::Tensor& logits, const torch::Tensor& history, const SamplingOptions& options) {
    auto out = applyRepetitionPenalty(logits.to(torch::kFloat32), history, options.repetitionPenalty);
    if (!options.greedy()) out = out / options.temperature;
    out = applyTopK(out, options.topK);
    return applyTopP(out, options.topP);
}

torch::Tensor chooseNextTokens(const torch::Tensor& logits, const torch::Tensor& history,
                               const SamplingOptions& options, std::optional<torch::Generator> generator) {
    const auto processed = processLogits(logits, history, options);
    if (options.greedy()) return processed.argmax(-1);
    const auto probs = processed.softmax(-1);
    return torch::multinomial(probs, 1, false, generator ? c10::optional<torch::Generator>(*generator) : c10::nullopt).squeeze(-1);
}

}  // namespace srllm::core
