#pragma once
// Fleiss' kappa (Fleiss 1971) for nominal ratings by any number of coders.
// With missing ratings it uses the usual generalisation: units with fewer than 2 ratings are dropped, each
// unit's agreement P_i uses its own rating count n_i, P-bar is their plain mean and p_j pools all ratings.
// With equal counts this is exactly Fleiss' formula. Undefined (quiet NaN) when P_e = 1 or no unit is usable.
#include <cstdint>
#include <vector>

#include "core/stats/ratings-table.h"

namespace srllm::core {

// counts[unit][category] = how many coders put the unit in that category.
double fleissKappaFromCounts(const std::vector<std::vector<int64_t>>& counts);

// Categories are the table's distinct values.
double fleissKappa(const RatingsTable& ratings);

}  // namespace srllm::core
