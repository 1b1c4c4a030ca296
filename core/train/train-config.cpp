#include "core/train/train-config.h"

#include <algorithm>
#include <variant>

#include "core/common/input-file.h"
#include "core/io/peft-format.h"

namespace srllm::core {

namespace {

using FieldRef = std::variant<double TrainConfig::*, int64_t TrainConfig::*, bool TrainConfig::*, uint64_t TrainConfig::*>;

// NOTE: one row per JSON key; toJson and parseTrainConfig both walk this table.
const std::vector<std::pair<const char*, FieldRef>>& fieldTable() {
    static const std::vector<std::pair<const char*, FieldRef>> table = {
        {"learning_rate", &TrainConfig::learningRate},
        {"warmup_ratio", &TrainConfig::warmupRatio},
        {"weight_decay", &TrainConfig::weightDecay},
        {"max_grad_norm", &TrainConfig::maxGradNorm},
        {"adam_beta1", &TrainConfig::adamBeta1},
        {"adam_beta2", &TrainConfig::adamBeta2},
        {"adam_epsilon", &TrainConfig::adamEps},
        {"num_train_epochs", &TrainConfig::epochs},
        {"per_device_train_batch_size", &TrainConfig::batchSize},
        {"gradient_accumulation_steps", &TrainConfig::gradAccumulation},
        {"max_length", &TrainConfig::maxLength},
        {"save_steps", &TrainConfig::checkpointEvery},
        {"save_total_limit", &TrainConfig::keepCheckpoints},
        {"eval_steps", &TrainConfig::evalEvery},
        {"early_stopping_patience", &TrainConfig::earlyStoppingPatience},
        {"seed", &TrainConfig::seed},
        {"max_steps", &TrainConfig::maxSteps},
    };
    return table;
}

void requireRange(bool ok, const std::string& file, const char* field, const std::string& message) {
    if (!ok) throw InputError(file, 0, field, message);
}

}  // namespace

std::string trainMethodName(TrainMethod method) {
    switch (method) {
        case TrainMethod::Full: return "full";
        case TrainMethod::Lora: return "lora";
        case TrainMethod::Qlora: return "qlora";
    }
    return "lora";
}

TrainMethod parseTrainMethod(const std::string& name, const std::string& file) {
    for (auto m : {TrainMethod::Full, TrainMethod::Lora, TrainMethod::Qlora}) {
        if (trainMethodName(m) == name) return m;
    }
    throw InputError(file, 0, "method", "unknown method '" + name + "' (hint: full, lora or qlora)");
}

std::string precisionName(Precision precision) {
    switch (precision) {
        case Precision::Fp32: return "fp32";
        case Precision::Bf16: return "bf16";
        case Precision::Fp16: return "fp16";
    }
    return "fp32";
}

Precision parsePrecision(const std::string& name, const std::string& file) {
    for (auto p : {Precision::Fp32, Precision::Bf16, Precision::Fp16}) {
        if (precisionName(p) == name) return p;
    }
    throw InputError(file, 0, "precision", "unknown precision '" + name + "' (hint: fp32, bf16 or fp16)");
}

std::string earlyStoppingMetricName(EarlyStoppingMetric metric) {
    return metric == EarlyStoppingMetric::ToxicPercent ? "toxic_percent" : "loss_eval";
}

EarlyStoppingMetric parseEarlyStoppingMetric(const std::string& name, const std::string& file) {
    for (auto m : {EarlyStoppingMetric::LossEval, EarlyStoppingMetric::ToxicPercent}) {
        if (earlyStoppingMetricName(m) == name) return m;
    }
    throw InputError(file, 0, "early_stopping_metric", "unknown metric '" + name + "' (hint: loss_eval or toxic_percent)");
}

nlohmann::json TrainConfig::toJson() const {
    nlohmann::json json;
    for (const auto& [key, ref] : fieldTable()) {
        std::visit([&json, key = key, this](auto member) { json[key] = this->*member; }, ref);  // clang 14: no binding captures
    }
    json["method"] = trainMethodName(method);
    json["precision"] = precisionName(precision);
    // Written only when not the default, so checkpoints from before the key existed still resume.
    if (earlyStoppingMetric != TrainConfig{}.earlyStoppingMetric)
        json["early_stopping_metric"] = earlyStoppingMetricName(earlyStoppingMetric);
    json["lr_scheduler_type"] = schedule == LrSchedule::Cosine ? "cosine" : "constant";
    json["lora"] = nlohmann::json{{peft::kFieldRank, lora.rank},           {peft::kFieldAlpha, lora.alpha},
                                  {peft::kFieldDropout, lora.dropout},     {peft::kFieldTargetModules, lora.targetModules},
                                  {peft::kFieldUseRslora, lora.useRslora}, {peft::kFieldBias, lora.bias}};
    return json;
}

TrainConfigParse parseTrainConfig(const nlohmann::json& json, const std::string& file) {
    if (!json.is_object()) throw InputError(file, 0, "", "a training config must be a JSON object");
    TrainConfigParse out;
    TrainConfig& c = out.config;
    for (const auto& item : json.items()) {  // no structured binding: clang 14 cannot capture one
        const std::string& key = item.key();
        const nlohmann::json& value = item.value();
        const auto row = std::find_if(fieldTable().begin(), fieldTable().end(),
                                      [&](const auto& r) { return key == r.first; });
        try {
            if (row != fieldTable().end()) {
                std::visit(
                    [&](auto member) {
                        using T = std::remove_reference_t<decltype(c.*member)>;
                        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) c.*member = jsonInteger<T>(value, file, key);
                        else c.*member = value.get<T>();
                    },
                    row->second);
            } else if (key == "method") {
                c.method = parseTrainMethod(value.get<std::string>(), file);
            } else if (key == "precision") {
                c.precision = parsePrecision(value.get<std::string>(), file);
            } else if (key == "early_stopping_metric") {
                c.earlyStoppingMetric = parseEarlyStoppingMetric(value.get<std::string>(), file);
            } else if (key == "lr_scheduler_type") {
                const auto name = value.get<std::string>();
                if (name != "constant" && name != "cosine") {
                    throw InputError(file, 0, key, "unknown schedule '" + name + "' (hint: constant or cosine)");
                }
                c.schedule = name == "cosine" ? LrSchedule::Cosine : LrSchedule::Constant;
            } else if (key == "lora") {
                auto lora = parseLoraConfig(value, file);
                c.lora = lora.config;
                out.warnings.insert(out.warnings.end(), lora.warnings.begin(), lora.warnings.end());
            } else {
                out.warnings.push_back({file, 0, key, "unknown field ignored"});
            }
        } catch (const nlohmann::json::exception&) {
            throw InputError(file, 0, key, "has the wrong type (" + std::string(value.type_name()) + ")");
        }
    }
    validateTrainConfig(c, file);
    return out;
}

void validateTrainConfig(const TrainConfig& c, const std::string& file) {
    requireRange(c.learningRate > 0 && c.learningRate < 1, file, "learning_rate",
                 "must be in (0, 1), got " + std::to_string(c.learningRate) + " (hint: 2e-4)");
    requireRange(c.warmupRatio >= 0 && c.warmupRatio < 1, file, "warmup_ratio", "must be in [0, 1)");
    requireRange(c.weightDecay >= 0 && c.weightDecay < 1, file, "weight_decay", "must be in [0, 1)");
    requireRange(c.maxGradNorm >= 0, file, "max_grad_norm", "must be >= 0 (0 turns clipping off)");
    requireRange(c.adamBeta1 >= 0 && c.adamBeta1 < 1, file, "adam_beta1", "must be in [0, 1)");
    requireRange(c.adamBeta2 >= 0 && c.adamBeta2 < 1, file, "adam_beta2", "must be in [0, 1)");
    requireRange(c.adamEps > 0, file, "adam_epsilon", "must be > 0");
    requireRange(c.epochs >= 1 && c.epochs <= 1000, file, "num_train_epochs", "must be between 1 and 1000");
    requireRange(c.batchSize >= 1 && c.batchSize <= 4096, file, "per_device_train_batch_size", "must be 1-4096");
    requireRange(c.gradAccumulation >= 1, file, "gradient_accumulation_steps", "must be >= 1");
    requireRange(c.maxLength >= 2 && c.maxLength <= 1 << 20, file, "max_length",
                 "must be between 2 and 1048576 tokens, got " + std::to_string(c.maxLength) + " (hint: 512)");
    requireRange(c.checkpointEvery >= 1, file, "save_steps", "must be >= 1");
    requireRange(c.keepCheckpoints >= 1, file, "save_total_limit", "must be >= 1 (one complete checkpoint is kept)");
    requireRange(c.evalEvery >= 1, file, "eval_steps", "must be >= 1");
    requireRange(c.earlyStoppingPatience >= 0, file, "early_stopping_patience", "must be >= 0 (0 = off)");
    requireRange(c.maxSteps == -1 || c.maxSteps >= 1, file, "max_steps", "must be -1 (off) or >= 1");
    if (c.method != TrainMethod::Full) validateLoraConfig(c.lora, file);
}

}  // namespace srllm::core
