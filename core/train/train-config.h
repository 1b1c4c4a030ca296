#pragma once
// Every training hyper-parameter as one typed struct, parsed from JSON (snake_case keys, HF
// TrainingArguments names) and validated. Defaults follow the SR-LLM paper's QLoRA recipe; each carries its
// reason. Torch-free (compiled into srllm_job) so the GUI validates a job before it starts.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"
#include "core/lora/lora-config.h"

namespace srllm::core {

enum class TrainMethod { Full, Lora, Qlora };
enum class LrSchedule { Constant, Cosine };
enum class Precision { Fp32, Bf16, Fp16 };  // autocast dtype of the forward/backward; weights stay fp32
enum class EarlyStoppingMetric { LossEval, ToxicPercent };  // what early stopping watches (lower is better)

struct TrainConfig {
    TrainMethod method = TrainMethod::Lora;  // adapters train on a laptop; full fine-tuning rarely fits
    LoraConfig lora;                         // r 64, alpha 16, dropout 0.2 (see lora-config.h)
    double learningRate = 2e-4;              // QLoRA paper / SR-LLM: 2e-4 for 7B-13B adapters
    LrSchedule schedule = LrSchedule::Constant;  // QLoRA paper: constant after warmup beat cosine
    double warmupRatio = 0.03;               // QLoRA/HF recipe: 3% linear warmup steadies Adam's first steps
    double weightDecay = 0.001;              // SR-LLM paper: a touch of decay, adapters barely need it
    double maxGradNorm = 0.3;                // QLoRA paper: clipping at 0.3 for every model size
    double adamBeta1 = 0.9;                  // AdamW defaults (HF Trainer)
    double adamBeta2 = 0.999;                // AdamW defaults (HF Trainer)
    double adamEps = 1e-8;                   // AdamW defaults (HF Trainer)
    int64_t epochs = 1;                      // SR-LLM paper: one pass; more overfits small data sets
    int64_t batchSize = 4;                   // fits 512-token examples of a 7B QLoRA in 24 GB
    int64_t gradAccumulation = 4;            // effective batch 16, as the QLoRA paper's smaller runs
    int64_t maxLength = 512;                 // SR-LLM texts + rewrites fit; longer ones are truncated
    int64_t checkpointEvery = 25;            // SR-LLM paper: save every 25 steps
    int64_t keepCheckpoints = 2;             // the newest two; never fewer than one complete checkpoint
    int64_t evalEvery = 25;                  // evaluate with every checkpoint so early stopping can act
    int64_t earlyStoppingPatience = 3;       // SR-LLM paper: stop after 3 evaluations without improvement
    EarlyStoppingMetric earlyStoppingMetric = EarlyStoppingMetric::LossEval;  // HF's default metric; toxic_percent needs a job scorer
    Precision precision = Precision::Fp32;   // exact everywhere; bf16 pays on GPUs and AVX-512 BF16 CPUs
    uint64_t seed = 42;                      // HF Trainer default; fixes init, shuffling and dropout
    int64_t maxSteps = -1;                   // > 0 caps the optimizer steps (and sets the schedule length)

    nlohmann::json toJson() const;
};

struct TrainConfigParse {
    TrainConfig config;
    Diagnostics warnings;  // unknown keys (warned, ignored)
};

// Reads a config object on top of the defaults; throws InputError naming the file and field.
TrainConfigParse parseTrainConfig(const nlohmann::json& json, const std::string& file);
// Throws InputError (field + hint) for out-of-range values.
void validateTrainConfig(const TrainConfig& config, const std::string& file);

std::string trainMethodName(TrainMethod method);  // "full" | "lora" | "qlora"
TrainMethod parseTrainMethod(const std::string& name, const std::string& file = {});
std::string precisionName(Precision precision);   // "fp32" | "bf16" | "fp16"
std::string earlyStoppingMetricName(EarlyStoppingMetric metric);  // "loss_eval" | "toxic_percent"
EarlyStoppingMetric parseEarlyStoppingMetric(const std::string& name, const std::string& file = {});
Precision parsePrecision(const std::string& name, const std::string& file = {});

}  // namespace srllm::core
