#pragma once
// Cohen's kappa (Cohen 1960) for two coders on nominal data, and the pairwise matrix over all coders of a
// table, each pair using only the units both rated. Undefined (quiet NaN) when p_e = 1 or nothing is shared.
#include <cstdint>
#include <vector>

#include "core/stats/ratings-table.h"

namespace srllm::core {

// table[i][j] = units coder 1 put in category i and coder 2 in category j (square).
double cohenKappaFromConfusion(const std::vector<std::vector<int64_t>>& table);

// Coders a and b of the table, over units both rated; categories are the table's distinct values.
double cohenKappa(const RatingsTable& ratings, int64_t coderA, int64_t coderB);

struct PairwiseKappa {
    std::vector<std::vector<double>> kappa;    // [coder][coder], symmetric, 1 on the diagonal
    std::vector<std::vector<int64_t>> shared;  // units both coders rated
};

PairwiseKappa pairwiseCohenKappa(const RatingsTable& ratings);

}  // namespace srllm::core
