#include "core/model/model-loader.h"

#include <set>

#include "core/common/folder-file.h"
#include "core/model/model-factory.h"

namespace srllm::core {
namespace {

// Tensors HF checkpoints may hold that are derived buffers, not weights: skipped without a warning.
bool isKnownBuffer(const std::string& key) {
    return key.ends_with(".attn.bias") || key.ends_with(".attn.masked_bias") || key.ends_with("rotary_emb.inv_freq");
}

// The key under which a model parameter is stored: GPT-2 files saved from GPT2Model (the original
// openai-community/gpt2 upload) lack the "transformer." prefix.
std::string storeKeyFor(const SafetensorsStore& store, const std::string& key) {
    const std::string prefix = "transformer.";
    if (!store.contains(key) && key.starts_with(prefix) && store.contains(key.substr(prefix.size())))
        return key.substr(prefix.size());
    return key;
}

}  // namespace

Diagnostics loadModelWeights(CausalLMImpl& model, const SafetensorsStore& store, const std::string& where) {
    const std::string arch = model.config().architecture;
    std::set<std::string> used;
    torch::NoGradGuard noGrad;
    for (auto& item : model.named_parameters()) {
        const std::string& key = item.key();
        auto& parameter = item.value();
        const std::string storeKey = storeKeyFor(store, key);
        if (!store.contains(storeKey))
            throw InputError(where, 0, "tensor '" + key + "'",
                             "missing from the safetensors files (hint: config.json says " + arch +
                                 "; were the weights saved for another architecture?)");
        const auto& entry = store.entry(storeKey);
        const bool transposed = model.storedTransposed(key);
        auto expected = parameter.sizes().vec();
        if (transposed) std::reverse(expected.begin(), expected.end());
        if (entry.shape != expected)
            throw InputError(store.fileOf(storeKey).string(), 0, "tensor '" + storeKey + "'",
                             "has shape " + formatShape(entry.shape) + ", expected " + formatShape(expected) +
                                 " (hint: config.json sizes do not match the weights, or the file belongs to another model)");
        auto tensor = store.tensor(storeKey);
        if (!tensor.is_floating_point())
            throw InputError(store.fileOf(storeKey).string(), 0, "tensor '" + storeKey + "'",
                             "has dtype " + entry.dtype + "; weights must be F32, F16, BF16 or F64");
        parameter.copy_(transposed ? tensor.t() : tensor);
        used.insert(storeKey);
    }
    Diagnostics warnings;
    for (const auto& name : store.names()) {
        if (used.count(name) || isKnownBuffer(name)) continue;
        const std::string why = name == "lm_head.weight" && model.config().tieWordEmbeddings
                                    ? "ignored: tie_word_embeddings is true, so lm_head reuses the embedding"
                                    : "not a weight of " + arch + "; ignored";
        warnings.push_back({store.fileOf(name).string(), 0, "tensor '" + name + "'", why});
    }
    return warnings;
}

LoadedModel loadModel(const std::filesystem::path& folder, const ModelLoadOptions& options) {
    if (!std::filesystem::is_directory(folder))
        throw InputError(folder.string(), 0, "", "not a folder (hint: pass the model folder holding config.json)");
    folderHas(folder, "config.json");  // #12: refuses a link out of the folder; loadModelConfig names a missing one
    const ModelConfig config = loadModelConfig(folder / "config.json");
    const SafetensorsStore store = SafetensorsStore::open(folder);
    // #12: checked before buildModel allocates, so absurd sizes in config.json fail here instead of in malloc.
    uint64_t stored = 0;
    for (const auto& name : store.names()) {
        uint64_t count = 1;
        for (const int64_t dim : store.entry(name).shape) count *= static_cast<uint64_t>(dim);
        stored += count;  // tensors lie in their files without overlap: the sum is below the files' size
    }
    if (minimumParameterCount(config) > stored)
        throw InputError((folder / "config.json").string(), 0, "",
                         "describes a model of at least " + std::to_string(minimumParameterCount(config)) +
                             " weights, but the safetensors files hold " + std::to_string(stored) +
                             " (hint: config.json belongs to another model?)");
    LoadedModel loaded;
    loaded.model = buildModel(config);
    loaded.warnings = loadModelWeights(*loaded.model, store, folder.string());
    loaded.model->to(options.dtype);
    loaded.model->eval();
    return loaded;
}

std::map<std::string, torch::Tensor> hfStateDict(CausalLMImpl& model) {
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& item : model.named_parameters()) {
        const std::string& key = item.key();
        const auto value = item.value().detach();
        tensors[key] = model.storedTransposed(key) ? value.t().contiguous() : value;
    }
    return tensors;
}

void saveModel(CausalLMImpl& model, const std::filesystem::path& folder, torch::Dtype dtype) {
    std::filesystem::create_directories(folder);
    ModelConfig config = model.config();
    config.torchDtype = dtype == torch::kFloat16 ? "float16" : dtype == torch::kBFloat16 ? "bfloat16" : "float32";
    if (dtype != torch::kFloat32 && dtype != torch::kFloat16 && dtype != torch::kBFloat16)
        throw InputError(folder.string(), 0, "dtype", "models are saved as float32, float16 or bfloat16");
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& [key, value] : hfStateDict(model)) tensors[key] = value.to(dtype);
    saveSafetensors(folder / "model.safetensors", tensors, {{"format", "pt"}});
    saveModelConfig(config, folder / "config.json");
}

}  // namespace srllm::core
