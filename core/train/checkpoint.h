#pragma once
// Crash-safe training checkpoints (llm.c, nanoGPT): each checkpoint is its own folder step-NNNNNNNN
// holding state.bin (magic + format version + a torch archive of the trainable weights, the optimizer,
// the RNG and the data position) and a DONE marker written last. A folder without DONE is ignored,
// older checkpoints are pruned only after a newer one is complete, and none is overwritten in place.
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
inline constexpr const char* kCheckpointStateFile = "state.bin";
inline constexpr const char* kCheckpointDoneFile = "DONE";

// Everything besides tensors that an exact resume needs.
struct TrainingState {
    int64_t step = 0;           // optimizer steps done
    int64_t epoch = 0;          // current epoch (0-based)
    int64_t nextExample = 0;    // position in this epoch's shuffled order
    double bestLossEval = 1e300;
    int64_t evalsWithoutImprovement = 0;
    std::string configJson;     // the TrainConfig, to refuse resuming with different hyper-parameters
};

// Writes root/step-<step>/ (state.bin, then DONE) and prunes all but the newest `keep` complete
// checkpoints. `weights` are the trainable tensors by name. Returns the new folder.
std::filesystem::path writeCheckpoint(const std::filesystem::path& root, const TrainingState& state,
                                      const std::map<std::string, torch::Tensor>& weights,
                                      torch::optim::Optimizer& optimizer, int64_t keep);

// The newest folder under root with a DONE marker and a readable header; folders without DONE (a crash
// mid-write) are skipped and noted in `warnings`. nullopt when there is none.
std::optional<std::filesystem::path> latestCheckpoint(const std::filesystem::path& root, Diagnostics& warnings);

// Restores a checkpoint written by writeCheckpoint into the given weights (copied in place), optimizer and
// the global CPU RNG. Throws InputError naming the file for a bad magic, version, or missing/mis-shaped tensor.
TrainingState readCheckpoint(const std::filesystem::path& folder, std::map<std::string, torch::Tensor>& weights,
                             torch::optim::Optimizer& optimizer);

}  // namespace srllm::core
