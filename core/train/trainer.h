#pragma once
// The one trainer (full fine-tuning, LoRA, QLoRA are options of it) behind a recipe-style interface
// (torchtune FTRecipeInterface): setup() -> train() -> cleanup(), with saveCheckpoint() in between.
// Not thread-safe: drive one Trainer from one thread (it owns its model while it trains).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <torch/torch.h>

#include "core/common/progress.h"
#include "core/lora/apply-lora.h"
#include "core/model/causal-lm.h"
#include "core/train/checkpoint.h"
#include "core/train/instruction-dataset.h"
#include "core/train/train-config.h"

namespace srllm::core {

inline constexpr const char* kCheckpointsFolder = "checkpoints";
// outDir/best holds the weights of the lowest eval loss so far (same layout as the final result) and
// best-eval.json {"step", "loss_eval"}: early stopping ends past the best step, as HF's load_best_model_at_end knows.
inline constexpr const char* kBestFolder = "best";
inline constexpr const char* kBestInfoFile = "best-eval.json";

struct StepReport {
    int64_t step = 0;        // optimizer steps done, 1-based after the first
    int64_t totalSteps = 0;
    int64_t epoch = 0;
    double lossTrain = 0;    // mean over this step's response tokens
    std::optional<double> lossEval;  // when this step evaluated
    double learningRate = 0;
    double gradNorm = 0;     // before clipping
    int64_t tokens = 0;      // input tokens processed in this step (padding included)
    double seconds = 0;      // wall time of this step
};
using StepCallback = std::function<void(const StepReport&)>;

struct TrainResult {
    int64_t steps = 0;
    int64_t resumedFromStep = 0;  // 0 when started fresh
    bool cancelled = false;       // the progress callback returned false (a checkpoint was saved)
    bool stoppedEarly = false;    // eval loss did not improve for early_stopping_patience evaluations
    std::optional<double> lossEvalBest;
};

class Trainer {
public:
    // outDir receives the adapter / model and checkpoints/. padId pads batches (labels are masked there).
    Trainer(CausalLM model, TrainConfig config, std::vector<TokenizedExample> train,
            std::vector<TokenizedExample> eval, std::filesystem::path outDir, int64_t padId);

    // Seeds the RNG, applies LoRA/QLoRA (or unfreezes everything for full fine-tuning), builds AdamW,
    // and with `resume` restores the newest complete checkpoint under outDir/checkpoints (if any).
    void setup(bool resume);
    // Runs until the step budget, early stopping, or a cancel from `progress` (called after every step
    // with (step, totalSteps)); `onStep` receives each step's losses for live plots.
    TrainResult train(const ProgressCallback& progress = {}, const StepCallback& onStep = {});
    // Writes outDir/checkpoints/step-N (crash-safe) and prunes old ones; returns the folder.
    std::filesystem::path saveCheckpoint();
    // Writes the result: adapter_model.safetensors + adapter_config.json (LoRA/QLoRA) or an HF model
    // folder (full) into outDir.
    void cleanup();
    // Writes the current weights as cleanup() does, into `dir`.
    void writeResult(const std::filesystem::path& dir);

    int64_t totalSteps() const;
    double learningRateAt(int64_t step) const;  // HF schedules: linear warmup, then constant or cosine
    double evaluate();                          // mean eval loss per response token (no dropout, no grad)
    const LoraApplyReport& loraReport() const { return m_loraReport; }
    const Diagnostics& warnings() const { return m_warnings; }
    CausalLM model() const { return m_model; }

private:
    torch::Tensor lossSum(const TrainBatch& batch);  // summed token cross-entropy, float32 scalar
    std::map<std::string, torch::Tensor> trainableWeights();

    CausalLM m_model;
    TrainConfig m_config;
    std::vector<TokenizedExample> m_train;
    std::vector<TokenizedExample> m_eval;
    std::filesystem::path m_outDir;
    int64_t m_padId;
    std::unique_ptr<torch::optim::AdamW> m_optimizer;
    std::vector<torch::Tensor> m_trainable;
    TrainingState m_state;
    LoraApplyReport m_loraReport;
    Diagnostics m_warnings;
};

}  // namespace srllm::core
