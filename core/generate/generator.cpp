#include "core/generate/generator.h"

#include <ATen/CPUGeneratorImpl.h>

#include "core/common/diagnostics.h"

namespace srllm::core {

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
    const auto batch = static_cast<int64_t>(prompts.size());
    int64_t longest = 0;
    for (size_t i = 0; i < prompts.size(); ++i) {
        if (prompts[i].empty()) throw InputError("", 0, "prompt " + std::to_string(i), "is empty");
        longest = std::max<int64_t>(longest, static_cast<int64_t>(prompts[i].size()));
    }
    torch::NoGradGuard noGrad;
    const auto device = m_model.parameters().front().device();
    // Left padding: every row's last prompt token sits in the last column, so one step serves all rows.
    auto ids = torch::full({batch, longest}, options.padTokenId, torch::kInt64);
    auto mask = torch::zeros({batch, longest}, torch::kInt64);
    for (int64_t b = 0; b < batch; ++b) {
        const auto n = static_cast<int64_t>(prompts[b].size());
        ids[b].slice(0, longest - n).copy_(torch::tensor(prompts[b], torch::kInt64));
        mask[b].slice(0, longest - n).fill_(1);
    }
    ids = ids.to(device);
    mask = mask.to(device);
    auto history = torch::where(mask.to(torch::kBool), ids, torch::full_like(ids, -1));  // -1 = padding

    std::optional<torch::Generator> rng;
    if (options.seed) rng = at::detail::createCPUGenerator(*options.seed);
    KvCache cache(m_model.config().numLayers);
    GenerationResult result;
    result.tokens.resize(batch);
    result.texts.resize(batch);
    result.finishReasons.assign(batch, FinishReason::Length);
    std::vector<bool> finished(batch, false);
    int64_t live = batch;
    torch::Tensor stepIds = ids, stepMask = mask;
    auto allIds = ids, allMask = mask;
    for (int64_t step = 0; step < options.maxNewTokens && live > 0; ++step) {
        const auto logits = options.useCache ? m_model.forward(stepIds, &cache, stepMask, 1)
                                             : m_model.forward(allIds, nullptr, allMask, 1);
        const auto last = logits.select(1, logits.size(1) - 1);  // [B,V]
        if (options.keepStepLogits) result.stepLogits.push_back(last.to(torch::kFloat32).cpu());
        // Sampling runs on the CPU with a CPU generator, so a seed gives the same text on every device.
        const auto next = chooseNextTokens(last.cpu(), history.cpu(), options.sampling, rng);  // [B]
        const auto* nextData = next.data_ptr<int64_t>();
        for (int64_t b = 0; b < batch; ++b) {
            if (finished[b]) continue;
            const int64_t token = nextData[b];
            result.tokens[b].push_back(token);
            bool done = std::find(options.eosTokenIds.begin(), options.eosTokenIds.end(), token) != options.eosTokenIds.end();
            if (done) result.finishReasons[b] = FinishReason::Eos;
            if (!done && !options.stopStrings.empty()) {
                const std::string text = m_decode(result.tokens[b]);
                for (const auto& stop : options.stopStrings) {
                    if (text.find(stop) == std::string::npos) continue;
                    result.finishReasons[b] = FinishReason::StopString;
                    done = true;
                    // Drop tokens until the decoded text no longer contains the stop string.
                    while (!result.tokens[b].empty() && m_decode(result.tokens[b]).find(stop) != std::string::npos)
                        result.tokens[b].pop_back();
                }
            }
            if (done) {
                finished[b] = true;
                --live;
            }
        }
        const auto nextColumn = next.to(device).unsqueeze(1);  // [B,1]
        const auto nextMask = torch::ones_like(nextColumn);
        history = torch::cat({history, nextColumn}, 1);
        stepIds = nextColumn;
        stepMask = nextMask;
        if (!options.useCache) {
            allIds = torch::cat({allIds, nextColumn}, 1);
            allMask = torch::cat({allMask, nextMask}, 1);
        }
        if (progress && !progress(step + 1, options.maxNewTokens)) {
            for (int64_t b = 0; b < batch; ++b)
                if (!finished[b]) result.finishReasons[b] = FinishReason::Cancelled;
            break;
        }
    }
    if (m_decode)
        for (int64_t b = 0; b < batch; ++b) result.texts[b] = m_decode(result.tokens[b]);
    return result;
}

}  // namespace srllm::core
