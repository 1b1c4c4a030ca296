#pragma once
// Memory and time of a job before it starts, from the config's parameter counts, the method, the
// precision, the batch and the token counts of the frozen data. A planning figure with its assumptions
// stated, not a measurement: the `step` events report the real peak memory and pace.
#include <cstdint>
#include <string>

#include "core/model/model-config.h"
#include "core/train/train-config.h"

namespace srllm::core {

struct EstimateInput {
    int64_t examples = 0;          // training records
    double meanTokens = 0;         // mean tokens per record after truncation to max_length
    bool cuda = false;             // the device the job will run on
    int cpuThreads = 1;            // torch threads on CPU
    int64_t valExamples = 0;       // validation records (each evaluation runs a forward pass over them)
};

struct JobEstimate {
    int64_t totalParams = 0;
    int64_t trainableParams = 0;   // LoRA A/B of the targeted projections, or every parameter (full)
    int64_t weightBytes = 0;       // the base weights as held in memory (NF4 + absmax for QLoRA)
    int64_t optimizerBytes = 0;    // gradients + AdamW moments of the trainable parameters (fp32)
    int64_t activationBytes = 0;   // one micro-batch kept for backward, logits included
    int64_t runtimeBytes = 0;      // libtorch, the tokenizer and the data (CPU), or the CUDA context
    int64_t memoryBytes = 0;       // the sum: what the run needs at its peak
    int64_t steps = 0;             // optimizer steps
    double flops = 0;              // 6N per token (full), 4N (adapters: no weight gradients of the base),
                                   // N counting the LM head; plus 2N per token of every evaluation
    double flopsPerSecond = 0;     // the assumed sustained rate (see assumption)
    double seconds = 0;
    std::string assumption;        // how flopsPerSecond was chosen, for the person reading the figure
};

// Throws InputError (as validateTrainConfig) for a config out of range, or for LoRA targets the
// architecture does not have.
JobEstimate estimateJob(const ModelConfig& model, const TrainConfig& train, const EstimateInput& input);

// Parameters of the model built from `model` (embeddings, blocks, norms, untied head).
int64_t modelParameterCount(const ModelConfig& model);

}  // namespace srllm::core
