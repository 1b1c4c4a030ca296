#pragma once
// The workbench's own toxicity and risk scorer: a calibrated multi-label linear model over hashed word and
// character n-grams (hashed-features.h, linear-risk-model.h, platt-calibration.h), saved as a folder:
//   scorer.json  format name and version, risks, features, Platt parameters, training card, content hash
//   weights.bin  "SRLLMRSK", format version, hash bits, risk count (uint32 LE), then float32 LE weights
//                [bucket][risk] and one bias per risk
// The content hash (SHA-256 of scorer.json without the hash, then weights.bin) identifies the scorer in
// every stored score. Loading checks the format version and the hash. score() is const: any thread.
#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/hashed-features.h"
#include "core/eval/linear-risk-model.h"
#include "core/eval/metric-method.h"
#include "core/eval/platt-calibration.h"
#include "core/stats/proportion-interval.h"

namespace srllm::core {

inline constexpr int kScorerFormatVersion = 1;
inline constexpr const char* kScorerFormatName = "srllm-risk-scorer";
inline constexpr MetricMethod kScorerMethod{
    "risk-scorer", "calibrated logistic regression over hashed word 1-2-grams and char 3-5-grams (Platt)", 1};

struct RiskScores {
    std::array<double, kRiskCount> probability{};  // calibrated P(risk); NaN for a risk the scorer was not trained on
};

class RiskScorer {
public:
    RiskScorer(FeatureOptions features, LinearRiskModel model, std::array<PlattParameters, kRiskCount> calibration,
               nlohmann::json card);

    // Throws InputError naming the file and field: missing files, another format or version, a hash that
    // does not match the contents, a truncated weights file.
    static RiskScorer load(const std::filesystem::path& folder);
    // Writes the folder whole (under a temporary name, then renamed). Throws InputError when `folder`
    // already exists, so a saved scorer is never overwritten.
    void save(const std::filesystem::path& folder) const;

    RiskScores score(std::string_view text) const;
    std::vector<RiskScores> score(const std::vector<std::string>& texts) const;

    bool trained(size_t risk) const { return m_model.trainedOn[risk] > 0; }
    const std::string& contentHash() const { return m_contentHash; }  // 64 hex digits
    const nlohmann::json& card() const { return m_card; }             // training data and held-out metrics
    const FeatureOptions& features() const { return m_features; }

    // {"id": "risk-scorer", "method": ..., "version": 1, "format_version": 1, "content_hash": ...}
    nlohmann::json provenance() const;

private:
    nlohmann::json configJson() const;  // scorer.json without the content hash
    std::string weightsBytes() const;

    FeatureOptions m_features;
    LinearRiskModel m_model;
    std::array<PlattParameters, kRiskCount> m_calibration;
    nlohmann::json m_card;
    std::string m_contentHash;
};

// The paper's "toxic generation %": the share of probabilities >= threshold, with a Wilson interval.
ProportionEstimate flaggedRate(const std::vector<double>& probabilities, double threshold = 0.5);

}  // namespace srllm::core
