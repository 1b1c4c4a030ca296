#include "core/generate/decoder-weights.h"

#include <map>

#include "core/kernels/cpu-kernels.h"
#include "core/lora/lora-linear.h"

namespace srllm::core {
namespace {

torch::Tensor floatCopy(const torch::Tensor& t) {
    return t.defined() ? t.detach().to(torch::kFloat32).contiguous().clone() : t;
}

// Weight-only int8: one scale per output row, absmax / 127, values rounded to nearest.
void quantizeInt8(DecoderMatrix& m) {
    const auto weight = m.weight.to(torch::kFloat32);
    m.scale = (weight.abs().amax(1) / 127.0).clamp_min(1e-30).contiguous();
    m.weight = (weight / m.scale.unsqueeze(1)).round().clamp(-127, 127).to(torch::kInt8).contiguous();
}

// The matrix of a dense projection or of LoRA over a dense one; nullopt for anything else (NF4).
std::optional<DecoderMatrix> matrixOf(const ProjectionImpl& projection) {
    DecoderMatrix m;
    const ProjectionImpl* base = &projection;
    std::shared_ptr<DenseProjection> merged;
    if (const auto* lora = dynamic_cast<const LoraLinearImpl*>(&projection)) {
        if (lora->merged()) {
            merged = lora->mergedCopy();
            base = merged.get();
        } else {
            base = lora->base().get();
            if (lora->adapterEnabled()) {
                m.loraA = floatCopy(lora->loraA);
                m.loraB = floatCopy(lora->loraB);
                m.loraScaling = static_cast<float>(lora->scaling());
            }
        }
    }
    const auto* dense = dynamic_cast<const DenseProjection*>(base);
    if (!dense) return std::nullopt;
    m.weight = dense->weight.detach();
    m.bias = floatCopy(dense->bias);
    return m;
}

}  // namespace

void DecoderMatrix::multiply(const float* x, int64_t ldx, int64_t n, float* y, int64_t ldy, int64_t j0, int64_t j1) const {
    const auto& kernels = cpuKernels();
    const int64_t in = cols();
    switch (weight.scalar_type()) {
        case torch::kFloat32:
            kernels.matVecF32(weight.data_ptr<float>(), in, in, x, ldx, n, y, ldy, j0, j1);
            break;
        case torch::kBFloat16:
            kernels.matVecBf16(reinterpret_cast<const Bf16*>(weight.data_ptr()), in, in, x, ldx, n, y, ldy, j0, j1);
            break;
        default:
            kernels.matVecInt8(weight.data_ptr<int8_t>(), scale.data_ptr<float>(), in, in, x, ldx, n, y, ldy, j0, j1);
    }
}

std::vector<const DecoderMatrix*> decoderMatrices(const DecoderWeights& weights) {
    std::vector<const DecoderMatrix*> out;
    for (const auto& l : weights.layers)
        for (const auto* m : {&l.q, &l.k, &l.v, &l.o, &l.gate, &l.up, &l.down}) out.push_back(m);
    out.push_back(&weights.head);
    return out;
}

std::optional<DecoderWeights> decoderWeights(CausalLMImpl& model, DecoderWeightFormat format, std::string* whyNot) {
    const auto fail = [&](const std::string& reason) -> std::optional<DecoderWeights> {
        if (whyNot) *whyNot = reason;
        return std::nullopt;
    };
    const auto& config = model.config();
    if (config.family() != ModelFamily::Llama) return fail("not a Llama-family model");
    std::map<std::string, torch::Tensor> params;
    for (const auto& item : model.named_parameters()) params[item.key()] = item.value();
    const auto& embed = params.at("model.embed_tokens.weight");
    if (!embed.is_cpu()) return fail("the model is not on the CPU");
    if (embed.scalar_type() != torch::kFloat32 && embed.scalar_type() != torch::kBFloat16)
        return fail("weights are neither float32 nor bfloat16");

    DecoderWeights w;
    w.hidden = config.hiddenSize;
    w.heads = config.numHeads;
    w.kvHeads = config.numKvHeads;
    w.headDim = config.headDim();
    w.ffn = config.intermediateSize;
    w.vocab = config.vocabSize;
    w.normEps = static_cast<float>(config.normEps);
    w.slidingWindow = config.slidingWindow;
    w.cacheDtype = embed.scalar_type();
    w.embed = embed.detach().contiguous();
    w.rotary.emplace(config.headDim(), config.ropeTheta);
    w.layers.resize(config.numLayers);
    for (int64_t i = 0; i < config.numLayers; ++i) {
        const std::string prefix = "model.layers." + std::to_string(i);
        w.layers[i].inputNorm = floatCopy(params.at(prefix + ".input_layernorm.weight"));
        w.layers[i].postNorm = floatCopy(params.at(prefix + ".post_attention_layernorm.weight"));
    }
    w.finalNorm = floatCopy(params.at("model.norm.weight"));
    w.head.weight = w.embed;  // tied; replaced by lm_head below when the model has one

    std::string uncovered;
    model.forEachProjection([&](const ProjectionSlot& slot) {
        auto matrix = matrixOf(**slot.member);
        if (!matrix || matrix->weight.scalar_type() != w.cacheDtype || !matrix->weight.is_contiguous()) {
            uncovered = slot.qualifiedName;
            return;
        }
        if (format == DecoderWeightFormat::Int8) quantizeInt8(*matrix);
        if (slot.qualifiedName == "lm_head") {
            w.head = std::move(*matrix);
            return;
        }
        auto& layer = w.layers.at(std::stoll(slot.qualifiedName.substr(slot.qualifiedName.find("layers.") + 7)));
        const std::map<std::string, DecoderMatrix*> slots = {{"q_proj", &layer.q},  {"k_proj", &layer.k},
                                                             {"v_proj", &layer.v},  {"o_proj", &layer.o},
                                                             {"gate_proj", &layer.gate}, {"up_proj", &layer.up},
                                                             {"down_proj", &layer.down}};
        *slots.at(slot.shortName) = std::move(*matrix);
    });
    if (!uncovered.empty()) return fail("projection '" + uncovered + "' is neither dense nor LoRA over dense in the model's dtype");
    if (format == DecoderWeightFormat::Int8 && w.head.weight.scalar_type() != torch::kInt8) quantizeInt8(w.head);
    return w;
}

}  // namespace srllm::core
