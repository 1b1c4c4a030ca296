#include "core/eval/platt-calibration.h"

#include <cmath>

namespace srllm::core {

double logistic(double z) { return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z)); }

double PlattParameters::apply(double logit) const { return logistic(a * logit + b); }

PlattParameters fitPlatt(const std::vector<double>& logits, const std::vector<int8_t>& labels) {
    double positives = 0, negatives = 0;
    for (int8_t y : labels) (y == 1 ? positives : negatives) += 1;
    if (positives == 0 || negatives == 0) return {};
    // Smoothed targets keep the fit finite when the classes separate perfectly.
    const double hi = (positives + 1) / (positives + 2), lo = 1 / (negatives + 2);
    std::vector<double> target(labels.size());
    for (size_t i = 0; i < labels.size(); ++i) target[i] = labels[i] == 1 ? hi : lo;
    auto loss = [&](double a, double b) {
        double sum = 0;
        for (size_t i = 0; i < logits.size(); ++i) {
            const double z = a * logits[i] + b;  // log(1 + e^z) - t z, computed stably
            sum += (z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z))) - target[i] * z;
        }
        return sum;
    };
    PlattParameters p{1.0, std::log((positives + 1) / (negatives + 1))};
    double current = loss(p.a, p.b);
    for (int iteration = 0; iteration < 100; ++iteration) {
        double gA = 0, gB = 0, hAA = 1e-12, hAB = 0, hBB = 1e-12;
        for (size_t i = 0; i < logits.size(); ++i) {
            const double prob = p.apply(logits[i]);
            const double d = prob - target[i], w = prob * (1 - prob);
            gA += d * logits[i];
            gB += d;
            hAA += w * logits[i] * logits[i];
            hAB += w * logits[i];
            hBB += w;
        }
        if (std::fabs(gA) < 1e-9 && std::fabs(gB) < 1e-9) break;
        const double det = hAA * hBB - hAB * hAB;
        const double stepA = (hBB * gA - hAB * gB) / det, stepB = (hAA * gB - hAB * gA) / det;
        double scale = 1.0;  // backtracking keeps each Newton step downhill
        while (scale > 1e-10 && loss(p.a - scale * stepA, p.b - scale * stepB) > current) scale /= 2;
        if (scale <= 1e-10) break;
        p.a -= scale * stepA;
        p.b -= scale * stepB;
        current = loss(p.a, p.b);
    }
    return p;
}

}  // namespace srllm::core
