#include "core/eval/linear-risk-model.h"

#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

#include "core/eval/platt-calibration.h"

namespace srllm::core {

std::array<double, kRiskCount> LinearRiskModel::logits(const SparseFeatures& features) const {
    std::array<double, kRiskCount> z{};
    for (size_t r = 0; r < kRiskCount; ++r) z[r] = bias[r];
    for (size_t k = 0; k < features.index.size(); ++k) {
        const float* w = weights.data() + static_cast<size_t>(features.index[k]) * kRiskCount;
        const double v = features.value[k];
        for (size_t r = 0; r < kRiskCount; ++r) z[r] += v * w[r];
    }
    return z;
}

LinearRiskModel trainLinearRiskModel(const std::vector<SparseFeatures>& features, const std::vector<RiskLabels>& labels,
                                     const std::vector<float>& weights, int hashBits, const SgdOptions& options,
                                     const ProgressCallback& progress) {
    if (features.size() != labels.size() || features.size() != weights.size())
        throw std::invalid_argument("scorer training: features, labels and weights differ in number");
    LinearRiskModel model;
    model.hashBits = hashBits;
    const size_t buckets = size_t{1} << hashBits;
    model.weights.assign(buckets * kRiskCount, 0.0f);
    std::vector<float> squared(buckets * kRiskCount, 0.0f);  // AdaGrad's sum of squared gradients
    std::array<double, kRiskCount> biasSquared{};
    std::array<int64_t, kRiskCount> positives{};
    for (const auto& l : labels)
        for (size_t r = 0; r < kRiskCount; ++r) {
            model.trainedOn[r] += l[r] != kLabelUnknown;
            positives[r] += l[r] == 1;
        }
    std::array<bool, kRiskCount> learn{};  // a risk seen with one class only teaches nothing: left untrained
    for (size_t r = 0; r < kRiskCount; ++r) {
        learn[r] = positives[r] > 0 && positives[r] < model.trainedOn[r];
        if (!learn[r]) model.trainedOn[r] = 0;
    }

    std::vector<size_t> order(features.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(options.seed);
    const auto total = static_cast<int64_t>(features.size()) * options.epochs;
    int64_t done = 0;
    const auto lr = static_cast<float>(options.learningRate);
    const auto l2 = static_cast<float>(options.l2);
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        std::shuffle(order.begin(), order.end(), rng);
        for (size_t i : order) {
            const auto& x = features[i];
            const auto z = model.logits(x);
            std::array<float, kRiskCount> g{};
            bool any = false;
            for (size_t r = 0; r < kRiskCount; ++r) {
                if (labels[i][r] == kLabelUnknown || !learn[r]) continue;
                g[r] = static_cast<float>((logistic(z[r]) - labels[i][r]) * weights[i]);
                biasSquared[r] += static_cast<double>(g[r]) * g[r];
                model.bias[r] -= static_cast<float>(options.learningRate * g[r] / (std::sqrt(biasSquared[r]) + 1e-8));
                any = true;
            }
            if (any) {
                for (size_t k = 0; k < x.index.size(); ++k) {
                    const size_t base = static_cast<size_t>(x.index[k]) * kRiskCount;
                    for (size_t r = 0; r < kRiskCount; ++r) {
                        if (labels[i][r] == kLabelUnknown || !learn[r]) continue;
                        float& w = model.weights[base + r];
                        const float grad = g[r] * x.value[k] + l2 * w;
                        float& s = squared[base + r];
                        s += grad * grad;
                        w -= lr * grad / (std::sqrt(s) + 1e-8f);
                    }
                }
            }
            if (progress && (++done & 4095) == 0 && !progress(done, total)) return model;
        }
    }
    return model;
}

}  // namespace srllm::core
