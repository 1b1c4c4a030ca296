#pragma once
// Crash-safe training checkpoints (llm.c, nanoGPT): each checkpoint is its own folder step-NNNNNNNN
// holding state.bin (magic + format version + a torch archive of the trainable weights, the optimizer,
// the RNG and the data position) and a DONE marker written last. A folder without DONE is ignored,
// older checkpoints are pruned only after a newer one is complete, and none is overwritten in place.
// Folder and file names live in core/job/job-layout.h (the job folder's layout).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include <torch/torch.h>

#include "core/common/diagnostics.h"

namespace srllm::core {

inline constexpr char kCheckpointMagic[8] = {'S', 'R', 'L', 'L', 'M', 'C', 'K', 'P'};
inline constexpr uint32_t kCheckpointVersion = 1;

// Everything besides tensors that an exact resume needs.
struct TrainingState {
    int64_t step = 0;           // optimizer steps done
    int64_t epoch = 0;          // current epoch (0-based)
    int64_t nextExample = 0;    // position in this epoch's shuffled order
    double bestLossEval = 1e300;
    int64_t bestStep = 0;       // the step of bestLossEval (0: none yet)
    double bestToxicPercent = 1e300;  // the lowest toxic % so far (jobs with a scorer)
    int64_t evalsWithoutImprovement = 0;  // of the early-stopping metric
    double lossScale = 65536.0; // fp16 only: the dynamic loss scale (torch GradScaler's initial value)
    int64_t goodSteps = 0;      // fp16 only: steps since the scale last changed
    std::string configJson;     // the TrainConfig, to refuse resuming with different hyper-parameters
};

// Writes root/step-<step>/ (state.bin, then DONE) and prunes all but the newest `keep` complete
// checkpoints. `weights` are the trainable tensors by name (on any device; saved as they are, with the RNG
// of `device`). Returns the new folder.
std::filesystem::path writeCheckpoint(const std::filesystem::path& root, const TrainingState& state,
                                      const std::map<std::string, torch::Tensor>& weights,
                                      torch::optim::Optimizer& optimizer, int64_t keep,
                                      const torch::Device& device = torch::kCPU);

// The newest folder under root with a DONE marker and a readable header; folders without DONE (a crash
// mid-write) are skipped and noted in `warnings`. nullopt when there is none.
std::optional<std::filesystem::path> latestCheckpoint(const std::filesystem::path& root, Diagnostics& warnings);

// Restores a checkpoint written by writeCheckpoint into the given weights (copied in place), the optimizer
// (its state placed on `device`) and the RNG of the CPU and of `device`. Reads the file in place (never
// all of it into memory at once). Throws InputError naming the file for a bad magic, version, or a
// missing/mis-shaped tensor.
TrainingState readCheckpoint(const std::filesystem::path& folder, std::map<std::string, torch::Tensor>& weights,
                             torch::optim::Optimizer& optimizer, const torch::Device& device = torch::kCPU);

}  // namespace srllm::core
