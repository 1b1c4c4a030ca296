#pragma once
// Spearman's rank correlation (Pearson's r of mid-ranks, ties averaged), as scipy.stats.spearmanr computes
// it: how well reviewer judgements follow an automatic metric. Pure functions, any thread.
#include <cstdint>
#include <vector>

namespace srllm::core {

struct Correlation {
    double rho = 0;  // NaN when n < 2 or either side is constant
    int64_t n = 0;
};

// Mid-ranks from 1 (ties share the mean of the ranks they span).
std::vector<double> midRanks(const std::vector<double>& values);
double pearsonCorrelation(const std::vector<double>& x, const std::vector<double>& y);  // NaN when undefined
// Throws std::invalid_argument when the sizes differ.
Correlation spearmanCorrelation(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace srllm::core
