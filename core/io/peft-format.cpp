#include "core/io/peft-format.h"

#include <set>

#include "core/common/durable-file.h"
#include "core/io/safetensors.h"
#include "core/lora/apply-lora.h"
#include "core/tokenizer/tokenizer-files.h"

namespace srllm::core {

namespace {

std::string shapeText(at::IntArrayRef shape) {
    std::string out = "[";
    for (size_t i = 0; i < shape.size(); ++i) out += (i ? "," : "") + std::to_string(shape[i]);
    return out + "]";
}

// Copies `source` into `target` after checking its shape; the error names the tensor and gives a hint.
void loadChecked(torch::Tensor& target, const torch::Tensor& source, const std::string& key, const std::string& file) {
    if (source.sizes() != target.sizes()) {
        throw InputError(file, 0, key,
                         "tensor '" + key + "' has shape " + shapeText(source.sizes()) + ", expected " +
                             shapeText(target.sizes()) +
                             " (hint: adapter trained for a different base model, or with a different r?)");
    }
    torch::NoGradGuard noGrad;
    target.copy_(source);
}

}  // namespace

std::string peftLoraAKey(const std::string& qualifiedName) {
    return peft::kKeyPrefix + qualifiedName + peft::kLoraASuffix;
}

std::string peftLoraBKey(const std::string& qualifiedName) {
    return peft::kKeyPrefix + qualifiedName + peft::kLoraBSuffix;
}

nlohmann::json adapterConfigJson(const LoraConfig& config) {
    nlohmann::json json;  // an object is a std::map: keys come out sorted, as the house style asks
    json[peft::kFieldBaseModel] = config.baseModelNameOrPath;
    json[peft::kFieldBias] = config.bias;
    json[peft::kFieldFanInFanOut] = config.fanInFanOut;
    json[peft::kFieldInferenceMode] = true;
    json[peft::kFieldAlpha] = config.alpha;
    json[peft::kFieldDropout] = config.dropout;
    json[peft::kFieldPeftType] = peft::kPeftTypeLora;
    json[peft::kFieldRank] = config.rank;
    json[peft::kFieldTargetModules] = config.targetModules;
    json[peft::kFieldTaskType] = peft::kTaskTypeCausalLm;
    json[peft::kFieldUseRslora] = config.useRslora;
    return json;
}

void saveAdapter(CausalLMImpl& model, const LoraConfig& config, const std::filesystem::path& dir) {
    const auto layers = loraLayers(model);
    if (layers.empty()) throw std::invalid_argument("saveAdapter: the model has no LoRA layers");
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& [name, lora] : layers) {
        tensors[peftLoraAKey(name)] = lora->loraA.detach().to(torch::kFloat32).contiguous();
        tensors[peftLoraBKey(name)] = lora->loraB.detach().to(torch::kFloat32).contiguous();
    }
    LoraConfig written = config;
    written.targetModules = resolvedTargetModules(config, model.config().info().modelType);
    written.fanInFanOut = model.storedTransposed(layers.front().first + ".weight");
    std::filesystem::create_directories(dir);
    saveSafetensors(dir / peft::kAdapterWeightsFile, tensors, {{"format", "pt"}});  // PEFT writes format=pt
    writeFileDurable(dir / peft::kAdapterConfigFile, adapterConfigJson(written).dump(2) + "\n");
}

AdapterLoad readAdapterConfig(const std::filesystem::path& dir) {
    const auto file = dir / peft::kAdapterConfigFile;
    if (!std::filesystem::exists(file)) {
        throw InputError(dir.string(), 0, "", std::string("no ") + peft::kAdapterConfigFile +
                                                  " here (hint: pass the folder a PEFT adapter was saved to)");
    }
    const auto json = readJsonFile(file);
    AdapterLoad out;
    if (json.value(peft::kFieldPeftType, std::string(peft::kPeftTypeLora)) != peft::kPeftTypeLora) {
        throw InputError(file.string(), 0, peft::kFieldPeftType,
                         "is '" + json[peft::kFieldPeftType].dump() + "'; only LORA adapters are supported");
    }
    auto parsed = parseLoraConfig(json, file.string());
    out.config = std::move(parsed.config);
    out.warnings = std::move(parsed.warnings);
    return out;
}

AdapterLoad loadAdapter(CausalLMImpl& model, const std::filesystem::path& dir, bool quantizeBase) {
    AdapterLoad out = readAdapterConfig(dir);
    const auto weightsPath = dir / peft::kAdapterWeightsFile;
    if (!std::filesystem::exists(weightsPath)) {
        throw InputError(dir.string(), 0, "", std::string("no ") + peft::kAdapterWeightsFile +
                                                  " here (hint: adapter_model.bin is not supported; re-save with "
                                                  "safe_serialization=True)");
    }
    const auto file = SafetensorsFile::open(weightsPath);
    LoraApplyOptions options;
    options.quantizeBase = quantizeBase;
    applyLora(model, out.config, options);
    std::set<std::string> used;
    for (auto& [name, lora] : loraLayers(model)) {
        for (const auto& [key, target] : {std::pair{peftLoraAKey(name), &lora->loraA}, {peftLoraBKey(name), &lora->loraB}}) {
            if (!file->find(key)) {
                throw InputError(weightsPath.string(), 0, key,
                                 "tensor '" + key + "' is missing (hint: target_modules in " +
                                     peft::kAdapterConfigFile + " do not match the saved tensors?)");
            }
            loadChecked(*target, file->tensor(key).to(torch::kFloat32), key, weightsPath.string());
            used.insert(key);
            ++out.tensors;
        }
    }
    for (const auto& entry : file->entries()) {
        if (!used.count(entry.name)) out.warnings.push_back({weightsPath.string(), 0, entry.name, "tensor not used"});
    }
    return out;
}

}  // namespace srllm::core
