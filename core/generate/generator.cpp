#include "core/generate/generator.h"

#include <algorithm>
#include <numeric>

#include <ATen/CPUGeneratorImpl.h>

#include "core/common/diagnostics.h"
#include "core/generate/decode-session.h"
#include "core/kernels/cpu-kernels.h"

namespace srllm::core {
namespace {

// The next token of live row r from logits [live,V]: greedy reads the row in place; anything else runs
// the logits processors (sampler.h) over that row with the row's prompt and output as its history.
int64_t chooseRow(const torch::Tensor& logits, int64_t r, const std::vector<int64_t>& prompt,
                  const std::vector<int64_t>& generated, const GenerationOptions& options,
                  const std::optional<torch::Generator>& rng) {
    if (options.sampling.greedy() && options.sampling.repetitionPenalty == 1.0)
        return cpuKernels().argmaxF32(logits.data_ptr<float>() + r * logits.size(1), logits.size(1));
    std::vector<int64_t> history = prompt;
    history.insert(history.end(), generated.begin(), generated.end());
    const auto row = logits.narrow(0, r, 1);  // [1,V]
    return chooseNextTokens(row, torch::tensor(history, torch::kInt64).unsqueeze(0), options.sampling, rng).item<int64_t>();
}

// Whether the row whose output is `tokens` is done after its newest token: an EOS id (kept), or a stop
// string in the decoded text (the tokens are cut until it is gone).
bool finished(std::vector<int64_t>& tokens, const GenerationOptions& options, const DecodeFunction& decode,
              FinishReason& reason) {
    if (std::find(options.eosTokenIds.begin(), options.eosTokenIds.end(), tokens.back()) != options.eosTokenIds.end()) {
        reason = FinishReason::Eos;
        return true;
    }
    if (options.stopStrings.empty()) return false;
    const std::string text = decode(tokens);
    bool stopped = false;
    for (const auto& stop : options.stopStrings) {
        if (text.find(stop) == std::string::npos) continue;
        reason = FinishReason::StopString;
        stopped = true;
        while (!tokens.empty() && decode(tokens).find(stop) != std::string::npos) tokens.pop_back();
    }
    return stopped;
}

}  // namespace

const char* finishReasonName(FinishReason reason) {
    switch (reason) {
        case FinishReason::Length: return "length";
        case FinishReason::Eos: return "eos";
        case FinishReason::StopString: return "stop";
        case FinishReason::Cancelled: return "cancelled";
    }
    return "unknown";
}

Generator::Generator(CausalLMImpl& model, DecodeFunction decode) : m_model(model), m_decode(std::move(decode)) {}

GenerationResult Generator::generate(const std::vector<std::vector<int64_t>>& prompts, const GenerationOptions& options,
                                     const ProgressCallback& progress) {
    options.sampling.validate();
    if (options.maxNewTokens < 0) throw InputError("", 0, "max-new-tokens", "must be >= 0");
    if (!options.stopStrings.empty() && !m_decode)
        throw InputError("", 0, "stop", "stop strings need a decode function (a tokenizer)");
    for (size_t i = 0; i < prompts.size(); ++i)
        if (prompts[i].empty()) throw InputError("", 0, "prompt " + std::to_string(i), "is empty");
    const auto batch = static_cast<int64_t>(prompts.size());
    GenerationResult result;
    result.tokens.resize(batch);
    result.texts.resize(batch);
    result.finishReasons.assign(batch, FinishReason::Length);
    if (batch == 0 || options.maxNewTokens == 0) return result;

    torch::NoGradGuard noGrad;
    std::optional<torch::Generator> rng;
    if (options.seed) rng = at::detail::createCPUGenerator(*options.seed);
    const auto session = openDecodeSession(m_model, prompts, options);
    std::vector<int64_t> live(batch);  // prompt index of each row still generating
    std::iota(live.begin(), live.end(), 0);
    for (int64_t step = 0; step < options.maxNewTokens; ++step) {
        const auto logits = session->logits();  // [live,V]
        if (options.keepStepLogits) result.stepLogits.push_back(logits.clone());
        std::vector<int64_t> next(live.size()), keep;
        for (size_t r = 0; r < live.size(); ++r) next[r] = chooseRow(logits, r, prompts[live[r]], result.tokens[live[r]], options, rng);
        for (size_t r = 0; r < live.size(); ++r) {
            const int64_t b = live[r];
            result.tokens[b].push_back(next[r]);
            if (finished(result.tokens[b], options, m_decode, result.finishReasons[b])) continue;
            keep.push_back(static_cast<int64_t>(r));
        }
        const bool cancelled = progress && !progress(step + 1, options.maxNewTokens);
        if (keep.empty() || cancelled || step + 1 == options.maxNewTokens) {
            if (cancelled)
                for (const int64_t r : keep) result.finishReasons[live[r]] = FinishReason::Cancelled;
            break;
        }
        if (keep.size() < live.size()) {  // finished rows leave the batch
            session->keepRows(keep);
            std::vector<int64_t> kept, feed;
            for (const int64_t r : keep) {
                kept.push_back(live[r]);
                feed.push_back(next[r]);
            }
            live = std::move(kept);
            next = std::move(feed);
        }
        session->advance(next);
    }
    if (m_decode)
        for (int64_t b = 0; b < batch; ++b) result.texts[b] = m_decode(result.tokens[b]);
    return result;
}

}  // namespace srllm::core
