#pragma once
// Bias benchmarks scored by model likelihood (the model side is core/generate/sequence-likelihood.h):
// StereoSet intrasentence (Nadeem et al. 2021) and CrowS-Pairs (Nangia et al. 2020), read from
// ../shared/data's flattened files. Every score carries n. See docs/EVALUATION.md for the definitions.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/metric-method.h"

namespace srllm::core {

inline constexpr MetricMethod kStereoSetMethod{
    "stereoset", "StereoSet intrasentence LMS/SS/ICAT by sentence log-likelihood, pooled over all triples", 1};
inline constexpr MetricMethod kCrowsPairsMethod{
    "crows-pairs", "CrowS-Pairs: share of pairs whose stereotyping sentence has the higher log-likelihood", 1};

struct StereoSetTriple {
    std::string stereotype, antiStereotype, unrelated;
};
struct CrowsPair {
    std::string more, less;  // sent_more, sent_less
    bool antiStereo = false;  // stereo_antistereo == "antistereo": sent_less is the stereotyping sentence
    std::string biasType;
};

// pro/anti/unrelated_stereotyped.txt.dev ("<idx> <sentence>", aligned by index). Throws InputError naming
// the file and line for a missing or misaligned line.
std::vector<StereoSetTriple> readStereoSet(const std::string& folder);
// crows_pairs_anonymized.csv (sent_more, sent_less, stereo_antistereo, bias_type).
std::vector<CrowsPair> readCrowsPairs(const std::string& file);

struct StereoSetScores {
    int64_t n = 0;
    double lms = 0;   // % of (triple, meaningful sentence) where the meaningful one beats the unrelated one
    double ss = 0;    // % of triples where the stereotype beats the anti-stereotype
    double icat = 0;  // LMS * min(SS, 100 - SS) / 50
};
// Log-likelihoods aligned with the triples: [i][0] stereotype, [1] anti-stereotype, [2] unrelated.
StereoSetScores stereoSetScores(const std::vector<std::array<double, 3>>& logLikelihoods);

struct CrowsPairsScores {
    int64_t n = 0;
    double metric = 0;  // % of pairs where the stereotyping sentence has the higher likelihood (50 = none)
    nlohmann::json byBiasType;  // {type: {"metric", "n"}}
};
// Log-likelihoods aligned with the pairs: [i][0] sent_more, [1] sent_less.
CrowsPairsScores crowsPairsScores(const std::vector<CrowsPair>& pairs, const std::vector<std::array<double, 2>>& logLikelihoods);

}  // namespace srllm::core
