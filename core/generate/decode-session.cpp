#include "core/generate/decode-session.h"

#include "core/common/diagnostics.h"
#include "core/generate/cpu-decoder.h"
#include "core/generate/generator.h"
#include "core/model/kv-cache.h"

namespace srllm::core {
namespace {

// The model's forward over a left-padded batch: every row's last token sits in the last column, so one
// step serves all rows; the attention mask hides the padding and positions count real tokens only.
class TensorSession final : public DecodeSession {
public:
    TensorSession(CausalLMImpl& model, const std::vector<std::vector<int64_t>>& prompts, const GenerationOptions& options)
        : m_model(model), m_cache(model.config().numLayers), m_useCache(options.useCache) {
        const auto batch = static_cast<int64_t>(prompts.size());
        int64_t longest = 0;
        for (const auto& p : prompts) longest = std::max<int64_t>(longest, static_cast<int64_t>(p.size()));
        auto ids = torch::full({batch, longest}, options.padTokenId, torch::kInt64);
        auto mask = torch::zeros({batch, longest}, torch::kInt64);
        for (int64_t b = 0; b < batch; ++b) {
            const auto n = static_cast<int64_t>(prompts[b].size());
            ids[b].slice(0, longest - n).copy_(torch::tensor(prompts[b], torch::kInt64));
            mask[b].slice(0, longest - n).fill_(1);
        }
        m_device = model.parameters().front().device();
        m_ids = ids.to(m_device);
        m_mask = mask.to(m_device);
        forward(m_ids, m_mask);
    }

    torch::Tensor logits() override { return m_logits; }

    void keepRows(const std::vector<int64_t>& keep) override {
        const auto rows = torch::tensor(keep, torch::kInt64).to(m_device);
        if (m_useCache) {
            m_cache.keepRows(rows);
        } else {
            m_ids = m_ids.index_select(0, rows);
            m_mask = m_mask.index_select(0, rows);
        }
        m_logits = m_logits.index_select(0, rows.cpu());
    }

    void advance(const std::vector<int64_t>& tokens) override {
        const auto column = torch::tensor(tokens, torch::kInt64).to(m_device).unsqueeze(1);  // [B,1]
        const auto ones = torch::ones_like(column);
        if (m_useCache) {
            forward(column, ones);
            return;
        }
        m_ids = torch::cat({m_ids, column}, 1);
        m_mask = torch::cat({m_mask, ones}, 1);
        forward(m_ids, m_mask);
    }

private:
    void forward(const torch::Tensor& ids, const torch::Tensor& mask) {
        const auto out = m_model.forward(ids, m_useCache ? &m_cache : nullptr, mask, 1);  // [B,1,V]
        m_logits = out.select(1, out.size(1) - 1).to(torch::kFloat32).cpu().contiguous();
    }

    CausalLMImpl& m_model;
    KvCache m_cache;
    bool m_useCache;
    torch::Device m_device = torch::kCPU;
    torch::Tensor m_ids, m_mask;  // [B,S] every position so far (without a cache)
    torch::Tensor m_logits;       // [B,V]
};

}  // namespace

std::unique_ptr<DecodeSession> openTensorSession(CausalLMImpl& model, const std::vector<std::vector<int64_t>>& prompts,
                                                 const GenerationOptions& options) {
    return std::make_unique<TensorSession>(model, prompts, options);
}

std::unique_ptr<DecodeSession> openDecodeSession(CausalLMImpl& model, const std::vector<std::vector<int64_t>>& prompts,
                                                 const GenerationOptions& options) {
    if (!options.useCache || options.decoder == DecoderChoice::Tensor) return openTensorSession(model, prompts, options);
    const bool int8 = options.decoder == DecoderChoice::CpuInt8;
    std::string whyNot;
    auto weights = decoderWeights(model, int8 ? DecoderWeightFormat::Int8 : DecoderWeightFormat::Model, &whyNot);
    if (!weights && int8) throw InputError("", 0, "int8", "the CPU decoder cannot run this model: " + whyNot);
    if (!weights) return openTensorSession(model, prompts, options);
    return std::make_unique<CpuDecoder>(model, std::make_shared<const DecoderWeights>(std::move(*weights)), prompts,
                                        options.maxNewTokens);
}

}  // namespace srllm::core
