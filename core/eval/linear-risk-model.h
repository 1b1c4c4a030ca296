#pragma once
// One logistic regression per risk over shared hashed features, trained together by AdaGrad SGD with
// labels a source does not give left out of the loss (a paradetox sentence teaches toxicity, not bias).
// Weights are stored bucket-major, [bucket][risk], so scoring a text touches one cache line per feature.
#include <array>
#include <cstdint>
#include <vector>

#include "core/common/progress.h"
#include "core/eval/hashed-features.h"
#include "core/eval/risk-labels.h"

namespace srllm::core {

struct SgdOptions {
    int epochs = 10;             // cross-set AUC (docs/EVALUATION.md) still gains a little past 10, in-set AUC not
    double learningRate = 0.5;   // AdaGrad's base step; per-weight steps shrink with their gradients
    double l2 = 1e-6;            // light: most regularisation comes from early stopping and hashing
    uint64_t seed = 1;           // order of examples per epoch
};

struct LinearRiskModel {
    int hashBits = 20;
    std::vector<float> weights;                 // (1 << hashBits) * kRiskCount, [bucket][risk]
    std::array<float, kRiskCount> bias{};
    std::array<int64_t, kRiskCount> trainedOn{};  // examples with a known label per risk; 0 = not trained
                                                  // (also 0 when the labels were all of one class)

    std::array<double, kRiskCount> logits(const SparseFeatures& features) const;
};

// `features[i]` and `labels[i]` describe one training text; `weights[i]` scales its loss (e.g. to
// balance sources). Throws std::invalid_argument when sizes differ. Cancelled via progress: returns
// the model trained so far.
LinearRiskModel trainLinearRiskModel(const std::vector<SparseFeatures>& features, const std::vector<RiskLabels>& labels,
                                     const std::vector<float>& weights, int hashBits, const SgdOptions& options,
                                     const ProgressCallback& progress = {});

}  // namespace srllm::core
