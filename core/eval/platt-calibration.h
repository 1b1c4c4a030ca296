#pragma once
// Platt scaling (Platt 1999; the target smoothing and Newton fit of Lin, Lin & Weng 2007): maps a raw
// logit s to P(y = 1) = 1 / (1 + exp(-(a s + b))), fitted on held-out texts so that "0.5" means an even
// chance on data like the calibration split. Pure, any thread.
#include <cstdint>
#include <vector>

namespace srllm::core {

// 1 / (1 + e^-z), computed without overflow for any z.
double logistic(double z);

struct PlattParameters {
    double a = 1.0;
    double b = 0.0;
    double apply(double logit) const;
};

// Needs both classes among the labels; otherwise returns the identity (a = 1, b = 0).
PlattParameters fitPlatt(const std::vector<double>& logits, const std::vector<int8_t>& labels);

}  // namespace srllm::core
