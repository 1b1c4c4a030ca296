#include "core/model/model-config.h"

#include <fstream>
#include <limits>

#include "core/common/diagnostics.h"
#include "core/common/durable-file.h"
#include "core/common/input-file.h"

namespace srllm::core {
namespace {

using Json = nlohmann::json;

int64_t readInt(const Json& json, const char* key, const std::string& file, std::optional<int64_t> fallback) {
    const auto it = json.find(key);
    if (it == json.end() || it->is_null()) {
        if (!fallback) throw InputError(file, 0, key, "required field is missing");
        return *fallback;
    }
    if (!it->is_number_integer()) throw InputError(file, 0, key, "must be an integer, found " + it->dump());
    return jsonInteger<int64_t>(*it, file, key);  // #12: 2^64-1 read as -1
}

double readDouble(const Json& json, const char* key, const std::string& file, double fallback) {
    const auto it = json.find(key);
    if (it == json.end() || it->is_null()) return fallback;
    if (!it->is_number()) throw InputError(file, 0, key, "must be a number, found " + it->dump());
    return it->get<double>();
}

bool readBool(const Json& json, const char* key, const std::string& file, bool fallback) {
    const auto it = json.find(key);
    if (it == json.end() || it->is_null()) return fallback;
    if (!it->is_boolean()) throw InputError(file, 0, key, "must be true or false, found " + it->dump());
    return it->get<bool>();
}

std::optional<int64_t> readOptionalInt(const Json& json, const char* key, const std::string& file) {
    if (!json.contains(key) || json[key].is_null()) return std::nullopt;
    return readInt(json, key, file, std::nullopt);
}

std::string readString(const Json& json, const char* key, const std::string& file, const std::string& fallback) {
    const auto it = json.find(key);
    if (it == json.end() || it->is_null()) return fallback;
    if (!it->is_string()) throw InputError(file, 0, key, "must be a string, found " + it->dump());
    return it->get<std::string>();
}

// Fails on a feature that would change the forward pass when it is present with a non-default value.
void rejectIf(bool condition, const char* key, const std::string& file, const std::string& why) {
    if (condition) throw InputError(file, 0, key, "unsupported: " + why);
}

std::optional<RopeScaling> parseRopeScaling(const Json& json, const std::string& file) {
    const auto it = json.find("rope_scaling");
    if (it == json.end() || it->is_null()) return std::nullopt;
    if (!it->is_object()) throw InputError(file, 0, "rope_scaling", "must be an object or null, found " + it->dump());
    // Older configs name the type "type"; HF reads rope_type first.
    const std::string type = readString(*it, "rope_type", file, readString(*it, "type", file, ""));
    rejectIf(type != "llama3", "rope_scaling", file,
             "RoPE scaling type '" + type + "' (only llama3, as in Llama 3.1/3.2; hint: remove it only if the model " +
                 "was trained without it)");
    RopeScaling s;
    s.factor = readDouble(*it, "factor", file, 0);
    s.lowFreqFactor = readDouble(*it, "low_freq_factor", file, 0);
    s.highFreqFactor = readDouble(*it, "high_freq_factor", file, 0);
    s.originalMaxPositions = readInt(*it, "original_max_position_embeddings", file, std::nullopt);
    if (!(s.factor > 0) || !(s.lowFreqFactor > 0) || !(s.highFreqFactor > s.lowFreqFactor) || s.originalMaxPositions <= 0)
        throw InputError(file, 0, "rope_scaling",
                         "llama3 needs factor > 0, 0 < low_freq_factor < high_freq_factor and "
                         "original_max_position_embeddings > 0, found " + it->dump());
    return s;
}

void parseLlamaFields(const Json& json, const std::string& file, ModelConfig& c) {
    c.vocabSize = readInt(json, "vocab_size", file, std::nullopt);
    c.hiddenSize = readInt(json, "hidden_size", file, std::nullopt);
    c.numLayers = readInt(json, "num_hidden_layers", file, std::nullopt);
    c.numHeads = readInt(json, "num_attention_heads", file, std::nullopt);
    c.numKvHeads = readInt(json, "num_key_value_heads", file, c.numHeads);
    c.intermediateSize = readInt(json, "intermediate_size", file, std::nullopt);
    c.maxPositions = readInt(json, "max_position_embeddings", file, c.maxPositions);
    c.normEps = readDouble(json, "rms_norm_eps", file, c.normEps);
    c.ropeTheta = readDouble(json, "rope_theta", file, c.ropeTheta);
    c.tieWordEmbeddings = readBool(json, "tie_word_embeddings", file, c.tieWordEmbeddings);
    c.hiddenAct = readString(json, "hidden_act", file, "silu");
    rejectIf(c.hiddenAct != "silu", "hidden_act", file, "'" + c.hiddenAct + "' (only silu, as SwiGLU)");
    c.ropeScaling = parseRopeScaling(json, file);
    rejectIf(readBool(json, "attention_bias", file, false) && !c.qkvBias, "attention_bias", file,
             "biases on attention projections of a Llama model");
    rejectIf(readBool(json, "mlp_bias", file, false), "mlp_bias", file, "biases on MLP projections");
    const auto headDim = readOptionalInt(json, "head_dim", file);
    rejectIf(headDim && c.numHeads > 0 && *headDim != c.hiddenSize / c.numHeads, "head_dim", file,
             "a head_dim other than hidden_size / num_attention_heads");
    // Mistral windows every layer whenever sliding_window is set; Qwen2 only with use_sliding_window
    // (default false), and then only the layers from max_window_layers on, which is not supported here.
    const bool qwen2 = c.architecture == "Qwen2ForCausalLM";
    if (readBool(json, "use_sliding_window", file, !qwen2 && json.contains("sliding_window"))) {
        c.slidingWindow = readOptionalInt(json, "sliding_window", file);
        rejectIf(c.slidingWindow && qwen2, "use_sliding_window", file,
                 "Qwen2's per-layer sliding window (released Qwen2 models set use_sliding_window false)");
        rejectIf(c.slidingWindow && *c.slidingWindow < 1, "sliding_window", file,
                 "a window of " + std::to_string(c.slidingWindow.value_or(0)) + " positions (must be at least 1)");
    }
}

void parseGpt2Fields(const Json& json, const std::string& file, ModelConfig& c) {
    c.vocabSize = readInt(json, "vocab_size", file, std::nullopt);
    c.hiddenSize = readInt(json, "n_embd", file, std::nullopt);
    c.numLayers = readInt(json, "n_layer", file, std::nullopt);
    c.numHeads = readInt(json, "n_head", file, std::nullopt);
    c.numKvHeads = c.numHeads;
    // HF GPT2Config: n_inner null means 4 * n_embd; a huge n_embd saturates (#12: it overflowed) and validate() refuses it.
    const auto inner = readOptionalInt(json, "n_inner", file);
    c.intermediateSize = inner ? *inner : c.hiddenSize > kMaxModelSize ? c.hiddenSize : 4 * c.hiddenSize;
    c.maxPositions = readInt(json, "n_positions", file, std::nullopt);
    c.normEps = readDouble(json, "layer_norm_epsilon", file, 1e-5);
    c.tieWordEmbeddings = true;
    c.hiddenAct = readString(json, "activation_function", file, "gelu_new");
    rejectIf(c.hiddenAct != "gelu_new", "activation_function", file, "'" + c.hiddenAct + "' (only gelu_new)");
    rejectIf(readBool(json, "scale_attn_by_inverse_layer_idx", file, false), "scale_attn_by_inverse_layer_idx", file,
             "per-layer attention scaling");
    rejectIf(!readBool(json, "scale_attn_weights", file, true), "scale_attn_weights", file, "unscaled attention");
}

}  // namespace

const std::vector<ArchitectureInfo>& architectureTable() {
    static const std::vector<ArchitectureInfo> table = {
        {"LlamaForCausalLM", "llama", ModelFamily::Llama, false},
        {"MistralForCausalLM", "mistral", ModelFamily::Llama, false},
        {"Qwen2ForCausalLM", "qwen2", ModelFamily::Llama, true},
        {"GPT2LMHeadModel", "gpt2", ModelFamily::Gpt2, false},
    };
    return table;
}

const ArchitectureInfo& architectureInfo(const std::string& hfClass, const std::string& file) {
    std::string supported;
    for (const auto& row : architectureTable()) {
        if (hfClass == row.hfClass) return row;
        supported += (supported.empty() ? "" : ", ") + std::string(row.hfClass);
    }
    throw InputError(file, 0, "architectures",
                     "architecture '" + hfClass + "' is not supported (supported: " + supported + ")");
}

void ModelConfig::validate(const std::string& file) const {
    const std::pair<const char*, int64_t> sizes[] = {{"vocab_size", vocabSize},
                                                     {"hidden_size", hiddenSize},
                                                     {"num_hidden_layers", numLayers},
                                                     {"num_attention_heads", numHeads},
                                                     {"num_key_value_heads", numKvHeads},
                                                     {"intermediate_size", intermediateSize},
                                                     {"max_position_embeddings", maxPositions}};
    for (const auto& [key, value] : sizes) {
        if (value <= 0) throw InputError(file, 0, key, "must be positive, found " + std::to_string(value));
        if (value > kMaxModelSize)
            throw InputError(file, 0, key, "is " + std::to_string(value) + ", more than any model has (limit " +
                                               std::to_string(kMaxModelSize) + ")");
    }
    if (hiddenSize % numHeads != 0)
        throw InputError(file, 0, "num_attention_heads",
                         "hidden size " + std::to_string(hiddenSize) + " is not divisible by " + std::to_string(numHeads) + " heads");
    if (numHeads % numKvHeads != 0)
        throw InputError(file, 0, "num_key_value_heads",
                         std::to_string(numHeads) + " heads are not divisible by " + std::to_string(numKvHeads) + " key/value heads");
    if (family() == ModelFamily::Llama && headDim() % 2 != 0)
        throw InputError(file, 0, "hidden_size", "rotary embeddings need an even head dimension, found " + std::to_string(headDim()));
    if (!(normEps > 0)) throw InputError(file, 0, "rms_norm_eps", "must be positive");
    if (!(ropeTheta > 0)) throw InputError(file, 0, "rope_theta", "must be positive");
    for (const auto id : eosTokenIds)
        if (id < 0 || id >= vocabSize) throw InputError(file, 0, "eos_token_id", "token id " + std::to_string(id) + " is outside the vocabulary");
}

uint64_t minimumParameterCount(const ModelConfig& c) {
    const auto h = static_cast<uint64_t>(c.hiddenSize);
    // Every architecture has at least: the embedding, and per layer two [h,h] attention projections and two
    // MLP projections of h x intermediate. Saturates instead of overflowing.
    uint64_t perLayer = 0, total = 0;
    const bool overflow = __builtin_mul_overflow(2 * h, h + static_cast<uint64_t>(c.intermediateSize), &perLayer) ||
                          __builtin_mul_overflow(perLayer, static_cast<uint64_t>(c.numLayers), &total) ||
                          __builtin_add_overflow(total, static_cast<uint64_t>(c.vocabSize) * h, &total);
    return overflow ? std::numeric_limits<uint64_t>::max() : total;
}

ModelConfig parseModelConfig(const Json& json, const std::string& file) {
    if (!json.is_object()) throw InputError(file, 0, "", "config.json is not a JSON object");
    ModelConfig c;
    const auto architectures = json.find("architectures");
    if (architectures != json.end() && architectures->is_array() && !architectures->empty() && (*architectures)[0].is_string()) {
        c.architecture = (*architectures)[0].get<std::string>();
    } else {
        const std::string type = readString(json, "model_type", file, "");
        for (const auto& row : architectureTable())
            if (type == row.modelType) c.architecture = row.hfClass;
        if (c.architecture.empty())
            throw InputError(file, 0, "architectures", "missing, and model_type '" + type + "' names no supported architecture");
    }
    const ArchitectureInfo& info = architectureInfo(c.architecture, file);
    c.qkvBias = info.qkvBias;
    if (info.family == ModelFamily::Gpt2) parseGpt2Fields(json, file, c);
    else parseLlamaFields(json, file, c);
    c.bosTokenId = readOptionalInt(json, "bos_token_id", file);
    c.padTokenId = readOptionalInt(json, "pad_token_id", file);
    if (json.contains("eos_token_id") && json["eos_token_id"].is_array()) {
        for (const auto& id : json["eos_token_id"]) {
            if (!id.is_number_integer()) throw InputError(file, 0, "eos_token_id", "list holds a non-integer " + id.dump());
            c.eosTokenIds.push_back(jsonInteger<int64_t>(id, file, "eos_token_id"));
        }
    } else if (const auto eos = readOptionalInt(json, "eos_token_id", file)) {
        c.eosTokenIds.push_back(*eos);
    }
    c.torchDtype = readString(json, "torch_dtype", file, c.torchDtype);
    c.validate(file);
    return c;
}

ModelConfig loadModelConfig(const std::filesystem::path& configJson) {
    if (!std::filesystem::exists(configJson))
        throw InputError(configJson.string(), 0, "", "cannot open (hint: a model folder needs a config.json)");
    return parseModelConfig(readJsonFile(configJson), configJson.string());
}

Json modelConfigToJson(const ModelConfig& c) {
    const ArchitectureInfo& info = c.info();
    Json json = {{"architectures", {c.architecture}}, {"model_type", info.modelType}, {"vocab_size", c.vocabSize},
                 {"torch_dtype", c.torchDtype}, {"tie_word_embeddings", c.tieWordEmbeddings}};
    if (info.family == ModelFamily::Gpt2) {
        json.update({{"n_embd", c.hiddenSize}, {"n_layer", c.numLayers}, {"n_head", c.numHeads},
                     {"n_inner", c.intermediateSize}, {"n_positions", c.maxPositions}, {"n_ctx", c.maxPositions},
                     {"layer_norm_epsilon", c.normEps}, {"activation_function", c.hiddenAct}});
    } else {
        json.update({{"hidden_size", c.hiddenSize}, {"num_hidden_layers", c.numLayers},
                     {"num_attention_heads", c.numHeads}, {"num_key_value_heads", c.numKvHeads},
                     {"intermediate_size", c.intermediateSize}, {"max_position_embeddings", c.maxPositions},
                     {"rms_norm_eps", c.normEps}, {"rope_theta", c.ropeTheta}, {"hidden_act", c.hiddenAct},
                     {"rope_scaling", nullptr}});
        if (const auto& r = c.ropeScaling)
            json["rope_scaling"] = {{"rope_type", "llama3"},
                                    {"factor", r->factor},
                                    {"low_freq_factor", r->lowFreqFactor},
                                    {"high_freq_factor", r->highFreqFactor},
                                    {"original_max_position_embeddings", r->originalMaxPositions}};
        if (c.slidingWindow) json["sliding_window"] = *c.slidingWindow;
    }
    if (c.bosTokenId) json["bos_token_id"] = *c.bosTokenId;
    if (c.padTokenId) json["pad_token_id"] = *c.padTokenId;
    if (c.eosTokenIds.size() == 1) json["eos_token_id"] = c.eosTokenIds[0];
    else if (!c.eosTokenIds.empty()) json["eos_token_id"] = c.eosTokenIds;
    return json;
}

void saveModelConfig(const ModelConfig& config, const std::filesystem::path& configJson) {
    writeFileDurable(configJson, modelConfigToJson(config).dump(2) + "\n");
}

}  // namespace srllm::core
