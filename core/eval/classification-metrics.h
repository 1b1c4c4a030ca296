#pragma once
// How well a probabilistic classifier separates and calibrates: ROC AUC (the Mann-Whitney statistic,
// ties counted half), F1 at a threshold, expected calibration error over equal-width bins (Naeini et
// al. 2015; Guo et al. 2017) and the Brier score. Pure, any thread.
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

namespace srllm::core {

// NaN unless both classes are present. Throws std::invalid_argument when the sizes differ.
double rocAuc(const std::vector<double>& scores, const std::vector<int8_t>& labels);

// F1 of "score >= threshold" against the labels (0 when there are no positives at all).
double f1AtThreshold(const std::vector<double>& probabilities, const std::vector<int8_t>& labels, double threshold = 0.5);

// Sum over bins of (bin share) x |mean label - mean probability|; probabilities in [0, 1].
double expectedCalibrationError(const std::vector<double>& probabilities, const std::vector<int8_t>& labels, int bins = 10);

double brierScore(const std::vector<double>& probabilities, const std::vector<int8_t>& labels);

struct ClassifierMetrics {
    int64_t n = 0;
    int64_t positives = 0;
    double rocAuc = 0;
    double f1 = 0;   // at 0.5
    double ece = 0;  // 10 bins
    double brier = 0;
};

ClassifierMetrics classifierMetrics(const std::vector<double>& probabilities, const std::vector<int8_t>& labels);
nlohmann::json toJson(const ClassifierMetrics& metrics);

}  // namespace srllm::core
