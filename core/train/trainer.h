#pragma once
// The one trainer (full fine-tuning, LoRA, QLoRA are options of it) behind a recipe-style interface
// (torchtune FTRecipeInterface): setup() -> train() -> cleanup(), with saveCheckpoint() in between.
// It writes into a job folder (core/job/job-layout.h): checkpoints/, best/, and adapter/ or model/.
// Runs on the CPU or a CUDA device; batches move to the device, autocast follows the precision.
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
#include "core/train/data-parallel.h"
#include "core/train/instruction-dataset.h"
#include "core/train/train-config.h"

namespace srllm::core {

struct StepReport {
    int64_t step = 0;        // optimizer steps done, 1-based after the first
    int64_t totalSteps = 0;
    int64_t epoch = 0;
    double lossTrain = 0;    // mean over this step's response tokens
    std::optional<double> lossEval;  // when this step evaluated
    std::optional<double> toxicPercent;  // when this step evaluated and a toxicity probe is set
    double learningRate = 0;
    double gradNorm = 0;     // before clipping
    int64_t tokens = 0;      // input tokens processed in this step (padding included)
    double seconds = 0;      // wall time of this step (evaluation included)
    int64_t memoryBytes = 0; // peak device memory so far (core/train/train-device.h)
};
using StepCallback = std::function<void(const StepReport&)>;
using CheckpointCallback = std::function<void(int64_t step, const std::filesystem::path& folder)>;
// Measures the toxic % of the model's outputs after `step` (the model in eval mode, no grad).
using ToxicityCallback = std::function<double(CausalLM model, int64_t step)>;

struct TrainResult {
    int64_t steps = 0;
    int64_t resumedFromStep = 0;  // 0 when started fresh
    bool cancelled = false;       // the progress callback returned false (a checkpoint was saved)
    bool stoppedEarly = false;    // the early-stopping metric did not improve for early_stopping_patience evaluations
    std::optional<double> lossEvalBest;
    std::optional<int64_t> bestStep;
    std::optional<double> lossTrainLast;
    std::filesystem::path checkpoint;  // the newest complete checkpoint ("" when none was written)
};

class Trainer {
public:
    // jobDir receives checkpoints/, best/ and the result. padId pads batches (labels are masked there).
    Trainer(CausalLM model, TrainConfig config, std::vector<TokenizedExample> train,
            std::vector<TokenizedExample> eval, std::filesystem::path jobDir, int64_t padId,
            torch::Device device = torch::kCPU);

    // Full fine-tunes write the tokenizer files of this folder beside their weights (model/ and best/).
    void setTokenizerSource(std::filesystem::path dir) { m_tokenizerDir = std::move(dir); }
    // Trains as one rank of a data-parallel group (before setup): each rank takes its shard of every
    // micro-batch of config.batchSize examples, gradients are averaged, only the group's writer writes.
    void setDataParallel(std::shared_ptr<DataParallel> parallel) { m_parallel = std::move(parallel); }
    // Each evaluation also measures toxicity (core/train/toxicity-probe.h); only the group's writer calls
    // `measure`, the others receive its value. Required when early stopping watches toxic_percent.
    void setToxicityProbe(ToxicityCallback measure) { m_toxicity = std::move(measure); }
    // Seeds the RNG, applies LoRA/QLoRA (or unfreezes everything for full fine-tuning), moves the model to
    // the device, builds AdamW, and with `resume` restores the newest complete checkpoint (if any).
    void setup(bool resume);
    // Runs until the step budget, early stopping, or a cancel from `progress` (called after every step
    // with (step, totalSteps); a cancel saves a checkpoint first). `onStep` receives each step's figures,
    // `onCheckpoint` each checkpoint written.
    TrainResult train(const ProgressCallback& progress = {}, const StepCallback& onStep = {},
                      const CheckpointCallback& onCheckpoint = {});
    // Writes jobDir/checkpoints/step-N (crash-safe) and prunes old ones; returns the folder (written by the
    // writer alone in a data-parallel run).
    std::filesystem::path saveCheckpoint();
    // Writes the result into jobDir/adapter (LoRA/QLoRA, PEFT layout) or jobDir/model (full, HF layout);
    // nothing on a data-parallel rank other than the writer.
    void cleanup();
    // The folder name cleanup() writes: kAdapterFolder or kModelFolder.
    const char* resultFolder() const;
    // Writes the current weights as cleanup() does, into the folder `dir` as it is (callers that need the
    // folder to appear whole pass writeFolderDurable's temporary).
    void writeResult(const std::filesystem::path& dir);

    int64_t totalSteps() const;
    int64_t step() const { return m_state.step; }  // optimizer steps done (after setup: the resumed step)
    double learningRateAt(int64_t step) const;  // HF schedules: linear warmup, then constant or cosine
    double evaluate();  // mean eval loss per response token (no dropout, no grad; sharded over the ranks)
    const LoraApplyReport& loraReport() const { return m_loraReport; }
    int64_t trainableParams() const;
    int64_t totalParams() const;
    const Diagnostics& warnings() const { return m_warnings; }
    CausalLM model() const { return m_model; }
    const torch::Device& device() const { return m_device; }

private:
    torch::Tensor lossSum(const TrainBatch& batch);  // summed token cross-entropy, float32 scalar
    std::map<std::string, torch::Tensor> trainableWeights();
    // fp16: unscales the gradients; false (and the scale halved) when they overflowed.
    bool unscaleGradients();
    double measureToxicity();
    void restoreLatestCheckpoint();
    bool writer() const { return !m_parallel || m_parallel->writer(); }

    CausalLM m_model;
    TrainConfig m_config;
    std::vector<TokenizedExample> m_train;
    std::vector<TokenizedExample> m_eval;
    std::filesystem::path m_jobDir;
    std::filesystem::path m_tokenizerDir;
    int64_t m_padId;
    torch::Device m_device;
    std::optional<torch::Dtype> m_autocast;
    std::unique_ptr<torch::optim::AdamW> m_optimizer;
    std::vector<torch::Tensor> m_trainable;
    TrainingState m_state;
    LoraApplyReport m_loraReport;
    Diagnostics m_warnings;
    std::shared_ptr<DataParallel> m_parallel;
    ToxicityCallback m_toxicity;
};

}  // namespace srllm::core
