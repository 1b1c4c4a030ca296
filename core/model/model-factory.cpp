#include "core/model/model-factory.h"

#include <cmath>

#include <ATen/CPUGeneratorImpl.h>

#include "core/model/gpt2.h"
#include "core/model/llama.h"

namespace srllm::core {

CausalLM buildModel(const ModelConfig& config, uint64_t seed) {
    config.validate();
    CausalLM model;
    if (config.family() == ModelFamily::Gpt2) model = std::make_shared<Gpt2Impl>(config);
    else model = std::make_shared<LlamaImpl>(config);

    // HF's _init_weights with initializer_range 0.02; a local generator keeps the global seed untouched.
    auto generator = at::detail::createCPUGenerator(seed);
    const double gpt2ProjectionStd = 0.02 / std::sqrt(2.0 * static_cast<double>(config.numLayers));
    torch::NoGradGuard noGrad;
    for (auto& item : model->named_parameters()) {
        const std::string& name = item.key();
        auto& parameter = item.value();
        if (name.ends_with(".bias")) parameter.zero_();
        else if (parameter.dim() == 1) parameter.fill_(1.0);  // RMSNorm / LayerNorm scale
        else if (config.family() == ModelFamily::Gpt2 && name.ends_with("c_proj.weight"))
            parameter.normal_(0.0, gpt2ProjectionStd, generator);  // GPT-2 paper: residual projections scaled
        else parameter.normal_(0.0, 0.02, generator);
    }
    return model;
}

}  // namespace srllm::core
