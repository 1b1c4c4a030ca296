#include "core/lora/apply-lora.h"

#include "core/io/peft-format.h"
#include "core/lora/nf4-linear.h"

namespace srllm::core {

namespace {

ProjectionPtr quantizedBase(const ProjectionPtr& projection, torch::Dtype computeDtype) {
    const auto* dense = dynamic_cast<const DenseProjection*>(projection.get());
    if (!dense) throw std::invalid_argument("applyLora: QLoRA needs dense projections to quantize");
    return quantizeProjection(*dense, computeDtype);
}

}  // namespace

LoraApplyReport applyLora(CausalLMImpl& model, const LoraConfig& config, const LoraApplyOptions& options) {
    validateLoraConfig(config, "");
    const auto targets = resolvedTargetModules(config, model.config().info().modelType);
    for (auto& p : model.parameters()) p.set_requires_grad(false);
    LoraApplyReport report;
    model.forEachProjection([&](const ProjectionSlot& slot) {
        const bool target = matchesTarget(slot.qualifiedName, targets);
        // bitsandbytes' load_in_4bit also keeps lm_head in full precision.
        const bool quantize = options.quantizeBase && slot.qualifiedName != kLmHeadName;
        if (!target && !quantize) return;
        ProjectionPtr base = quantize ? quantizedBase(*slot.member, options.computeDtype) : *slot.member;
        report.quantized += quantize ? 1 : 0;
        if (target) {
            base = std::make_shared<LoraLinearImpl>(base, config);
            report.wrapped.push_back(slot.qualifiedName);
        }
        replaceProjection(slot, base);
    });
    if (report.wrapped.empty()) {
        std::string joined;
        for (const auto& t : targets) joined += (joined.empty() ? "" : ", ") + t;
        throw InputError("", 0, peft::kFieldTargetModules,
                         "no projection matches [" + joined + "] (hint: names are suffixes such as q_proj for Llama "
                         "or c_attn for GPT-2)");
    }
    report.trainableParams = countParameters(model, true);
    report.totalParams = countParameters(model, false);
    model.forEachProjection([&](const ProjectionSlot& slot) {
        auto* projection = slot.member->get();
        if (auto* lora = dynamic_cast<LoraLinearImpl*>(projection)) projection = lora->base().get();
        if (auto* nf4 = dynamic_cast<Nf4ProjectionImpl*>(projection)) report.totalParams += nf4->quantized().numel;
    });
    return report;
}

std::vector<std::pair<std::string, std::shared_ptr<LoraLinearImpl>>> loraLayers(CausalLMImpl& model) {
    std::vector<std::pair<std::string, std::shared_ptr<LoraLinearImpl>>> out;
    model.forEachProjection([&](const ProjectionSlot& slot) {
        if (auto lora = std::dynamic_pointer_cast<LoraLinearImpl>(*slot.member)) out.emplace_back(slot.qualifiedName, lora);
    });
    return out;
}

void mergeAndUnload(CausalLMImpl& model) {
    model.forEachProjection([&](const ProjectionSlot& slot) {
        if (auto lora = std::dynamic_pointer_cast<LoraLinearImpl>(*slot.member)) {
            replaceProjection(slot, lora->mergedCopy());
        } else if (auto nf4 = std::dynamic_pointer_cast<Nf4ProjectionImpl>(*slot.member)) {
            auto dense = std::make_shared<DenseProjection>(nf4->inFeatures(), nf4->outFeatures(), nf4->bias().defined());
            dense->weight.set_data(nf4->dequantizedWeight());
            if (nf4->bias().defined()) dense->bias.set_data(nf4->bias().to(torch::kFloat32).clone());
            replaceProjection(slot, dense);
        }
    });
}

int64_t countParameters(torch::nn::Module& module, bool trainableOnly) {
    int64_t n = 0;
    for (const auto& p : module.parameters()) {
        if (!trainableOnly || p.requires_grad()) n += p.numel();
    }
    return n;
}

}  // namespace srllm::core
