#include "core/eval/classification-metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/stats/wilcoxon-signed-rank.h"
#include "core/stats/test-result.h"

namespace srllm::core {

namespace {

void checkSizes(size_t a, size_t b) {
    if (a != b)
        throw std::invalid_argument("classifier metrics: " + std::to_string(a) + " scores but " + std::to_string(b) +
                                    " labels");
}

}  // namespace

double rocAuc(const std::vector<double>& scores, const std::vector<int8_t>& labels) {
    checkSizes(scores.size(), labels.size());
    const std::vector<double> ranks = averageRanks(scores);
    double positiveRankSum = 0;
    double positives = 0;
    for (size_t i = 0; i < labels.size(); ++i)
        if (labels[i] == 1) {
            positiveRankSum += ranks[i];
            ++positives;
        }
    const double negatives = static_cast<double>(labels.size()) - positives;
    if (positives == 0 || negatives == 0) return std::numeric_limits<double>::quiet_NaN();
    return (positiveRankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

double f1AtThreshold(const std::vector<double>& probabilities, const std::vector<int8_t>& labels, double threshold) {
    checkSizes(probabilities.size(), labels.size());
    double tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < labels.size(); ++i) {
        const bool predicted = probabilities[i] >= threshold;
        tp += predicted && labels[i] == 1;
        fp += predicted && labels[i] != 1;
        fn += !predicted && labels[i] == 1;
    }
    return tp == 0 ? 0.0 : 2 * tp / (2 * tp + fp + fn);
}

double expectedCalibrationError(const std::vector<double>& probabilities, const std::vector<int8_t>& labels, int bins) {
    checkSizes(probabilities.size(), labels.size());
    if (probabilities.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::vector<double> confidence(static_cast<size_t>(bins)), accuracy(static_cast<size_t>(bins)), count(static_cast<size_t>(bins));
    for (size_t i = 0; i < labels.size(); ++i) {
        const auto b = static_cast<size_t>(std::clamp(static_cast<int>(probabilities[i] * bins), 0, bins - 1));
        confidence[b] += probabilities[i];
        accuracy[b] += labels[i] == 1;
        count[b] += 1;
    }
    double ece = 0;
    for (size_t b = 0; b < count.size(); ++b)
        if (count[b] > 0) ece += std::fabs(accuracy[b] - confidence[b]) / static_cast<double>(labels.size());
    return ece;
}

double brierScore(const std::vector<double>& probabilities, const std::vector<int8_t>& labels) {
    checkSizes(probabilities.size(), labels.size());
    if (probabilities.empty()) return std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    for (size_t i = 0; i < labels.size(); ++i) sum += std::pow(probabilities[i] - (labels[i] == 1 ? 1.0 : 0.0), 2);
    return sum / static_cast<double>(labels.size());
}

ClassifierMetrics classifierMetrics(const std::vector<double>& probabilities, const std::vector<int8_t>& labels) {
    ClassifierMetrics m;
    m.n = static_cast<int64_t>(labels.size());
    m.positives = std::count(labels.begin(), labels.end(), 1);
    m.rocAuc = rocAuc(probabilities, labels);
    m.f1 = f1AtThreshold(probabilities, labels, 0.5);
    m.ece = expectedCalibrationError(probabilities, labels);
    m.brier = brierScore(probabilities, labels);
    return m;
}

nlohmann::json toJson(const ClassifierMetrics& m) {
    return {{"n", m.n}, {"positives", m.positives}, {"roc_auc", core::jsonNumber(m.rocAuc)}, {"f1", core::jsonNumber(m.f1)},
            {"ece", core::jsonNumber(m.ece)}, {"brier", core::jsonNumber(m.brier)}};
}

}  // namespace srllm::core
