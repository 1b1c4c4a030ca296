#pragma once
// Training the risk scorer end to end: split the labelled texts by a hash of their normalised text (so
// duplicates never straddle splits) into train / calibration / test, fit the linear model on train,
// Platt-calibrate each risk on calibration, and report held-out ROC AUC, F1 and calibration error on
// test. Evaluating a saved scorer on another labelled set uses the same metrics.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/progress.h"
#include "core/eval/classification-metrics.h"
#include "core/eval/risk-scorer.h"

namespace srllm::core {

struct ScorerTrainingOptions {
    FeatureOptions features;
    SgdOptions sgd;
    int calibrationPercent = 10;  // enough texts for two Platt parameters per risk
    int testPercent = 10;         // the held-out figures printed at training
};

using RiskMetrics = std::array<std::optional<ClassifierMetrics>, kRiskCount>;  // nullopt: no labels for it

struct ScorerTrainingReport {
    std::map<std::string, int64_t> textsPerSource;
    int64_t trainTexts = 0, calibrationTexts = 0, testTexts = 0;
    RiskMetrics uncalibrated;  // on test, probabilities from the raw logits
    RiskMetrics test;          // on test, calibrated
    nlohmann::json toJson() const;
};

// Throws InputError when no text has a known toxicity label (the scorer's one required risk).
RiskScorer trainRiskScorer(const std::vector<LabelledText>& texts, const ScorerTrainingOptions& options,
                           ScorerTrainingReport& report, const ProgressCallback& progress = {});

// ROC AUC, F1 at 0.5, ECE and Brier per risk over the texts that carry a label for it.
RiskMetrics evaluateRiskScorer(const RiskScorer& scorer, const std::vector<LabelledText>& texts);
nlohmann::json toJson(const RiskMetrics& metrics);

}  // namespace srllm::core
