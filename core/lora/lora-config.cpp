#include "core/lora/lora-config.h"

#include <cmath>
#include <set>
#include <type_traits>

#include "core/common/input-file.h"
#include "core/io/peft-format.h"

namespace srllm::core {

namespace {

// Fields PEFT writes that we read or knowingly ignore; anything else is warned about.
const std::set<std::string>& knownFields() {
    static const std::set<std::string> known = {
        peft::kFieldRank, peft::kFieldAlpha, peft::kFieldDropout, peft::kFieldTargetModules, peft::kFieldBias,
        peft::kFieldFanInFanOut, peft::kFieldUseRslora, peft::kFieldPeftType, peft::kFieldTaskType,
        peft::kFieldBaseModel, peft::kFieldInferenceMode, "revision", "modules_to_save", "init_lora_weights",
        "layers_to_transform", "layers_pattern", "rank_pattern", "alpha_pattern", "auto_mapping",
        "megatron_config", "megatron_core", "loftq_config", "use_dora", "layer_replication", "exclude_modules",
        "lora_bias", "eva_config", "corda_config", "runtime_config", "trainable_token_indices"};
    return known;
}

template <typename T>
T readField(const nlohmann::json& json, const char* key, T fallback, const std::string& file) {
    const auto it = json.find(key);
    if (it == json.end() || it->is_null()) return fallback;
    // #12 (fuzz finding 9): get<int64_t> turned "r": 8.5 into 8 and "r": 1e100 into undefined behaviour.
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) return jsonInteger<T>(*it, file, key);
    try {
        return it->get<T>();
    } catch (const nlohmann::json::exception&) {
        throw InputError(file, 0, key, "has the wrong type (" + std::string(it->type_name()) + ")");
    }
}

bool endsWithComponent(const std::string& name, const std::string& target) {
    if (name == target) return true;
    return name.size() > target.size() && name.compare(name.size() - target.size(), target.size(), target) == 0 &&
           name[name.size() - target.size() - 1] == '.';
}

}  // namespace

bool matchesTarget(const std::string& qualifiedName, const std::vector<std::string>& targets) {
    for (const auto& target : targets) {
        if (target == kAllLinearTarget ? qualifiedName != kLmHeadName : endsWithComponent(qualifiedName, target)) {
            return true;
        }
    }
    return false;
}

double LoraConfig::scaling() const {
    return useRslora ? alpha / std::sqrt(static_cast<double>(rank)) : alpha / static_cast<double>(rank);
}

LoraConfigParse parseLoraConfig(const nlohmann::json& json, const std::string& file) {
    if (!json.is_object()) throw InputError(file, 0, "", "a LoRA config must be a JSON object");
    LoraConfigParse out;
    LoraConfig& c = out.config;
    c.rank = readField<int64_t>(json, peft::kFieldRank, c.rank, file);
    c.alpha = readField<double>(json, peft::kFieldAlpha, c.alpha, file);
    c.dropout = readField<double>(json, peft::kFieldDropout, c.dropout, file);
    c.useRslora = readField<bool>(json, peft::kFieldUseRslora, c.useRslora, file);
    c.bias = readField<std::string>(json, peft::kFieldBias, c.bias, file);
    c.baseModelNameOrPath = readField<std::string>(json, peft::kFieldBaseModel, c.baseModelNameOrPath, file);
    // PEFT accepts a list of names or a single string ("all-linear" or a regex we do not support).
    if (const auto it = json.find(peft::kFieldTargetModules); it != json.end() && !it->is_null()) {
        if (it->is_string()) {
            c.targetModules = {it->get<std::string>()};
        } else {
            c.targetModules = readField<std::vector<std::string>>(json, peft::kFieldTargetModules, {}, file);
        }
    }
    c.fanInFanOut = readField<bool>(json, peft::kFieldFanInFanOut, c.fanInFanOut, file);
    for (const auto& [key, value] : json.items()) {
        if (!knownFields().count(key)) out.warnings.push_back({file, 0, key, "unknown field ignored"});
    }
    validateLoraConfig(c, file);
    return out;
}

void validateLoraConfig(const LoraConfig& c, const std::string& file) {
    if (c.rank < 1 || c.rank > 4096) {
        throw InputError(file, 0, peft::kFieldRank,
                         "must be between 1 and 4096, got " + std::to_string(c.rank) + " (hint: 8-64 is usual)");
    }
    if (!(c.alpha > 0) || !std::isfinite(c.alpha)) throw InputError(file, 0, peft::kFieldAlpha, "must be > 0");
    if (!(c.dropout >= 0.0 && c.dropout < 1.0)) {
        throw InputError(file, 0, peft::kFieldDropout, "must be in [0, 1), got " + std::to_string(c.dropout));
    }
    if (c.bias != "none") {
        throw InputError(file, 0, peft::kFieldBias, "only \"none\" is supported, got \"" + c.bias + "\"");
    }
    for (const auto& target : c.targetModules) {
        if (target.empty()) throw InputError(file, 0, peft::kFieldTargetModules, "holds an empty name");
        if (target == kAllLinearTarget && c.targetModules.size() > 1) {
            throw InputError(file, 0, peft::kFieldTargetModules, "\"all-linear\" must be the only entry");
        }
    }
}

std::vector<std::string> defaultTargetModules(const std::string& modelType) {
    // NOTE: mirrors PEFT's TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING; extend both together.
    static const std::vector<std::pair<std::string, std::vector<std::string>>> table = {
        {"llama", {"q_proj", "v_proj"}}, {"mistral", {"q_proj", "v_proj"}}, {"qwen2", {"q_proj", "v_proj"}},
        {"gpt2", {"c_attn"}}};
    for (const auto& [type, targets] : table) {
        if (type == modelType) return targets;
    }
    throw InputError("", 0, peft::kFieldTargetModules,
                     "no default target modules for model type '" + modelType +
                         "' (hint: list them, e.g. [\"q_proj\",\"v_proj\"], or use \"all-linear\")");
}

std::vector<std::string> resolvedTargetModules(const LoraConfig& config, const std::string& modelType) {
    return config.targetModules.empty() ? defaultTargetModules(modelType) : config.targetModules;
}

}  // namespace srllm::core
