#include "core/stats/cohen-kappa.h"

#include <algorithm>
#include <limits>

namespace srllm::core {

namespace {

std::vector<std::vector<int64_t>> confusion(const RatingsTable& ratings, const std::vector<double>& categories,
                                            int64_t coderA, int64_t coderB) {
    const auto categoryOf = [&](double v) {
        return static_cast<size_t>(std::lower_bound(categories.begin(), categories.end(), v) - categories.begin());
    };
    std::vector<std::vector<int64_t>> table(categories.size(), std::vector<int64_t>(categories.size(), 0));
    for (int64_t u = 0; u < ratings.units(); ++u) {
        const auto a = ratings.at(u, coderA);
        const auto b = ratings.at(u, coderB);
        if (a && b) ++table[categoryOf(*a)][categoryOf(*b)];
    }
    return table;
}

}  // namespace

double cohenKappaFromConfusion(const std::vector<std::vector<int64_t>>& table) {
    constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
    const size_t k = table.size();
    std::vector<double> rows(k, 0.0), cols(k, 0.0);
    double total = 0;
    double diagonal = 0;
    for (size_t i = 0; i < k; ++i)
        for (size_t j = 0; j < k; ++j) {
            const auto v = static_cast<double>(table[i].at(j));
            rows[i] += v;
            cols[j] += v;
            total += v;
            if (i == j) diagonal += v;
        }
    if (total <= 0) return kUndefined;
    double expected = 0;
    for (size_t i = 0; i < k; ++i) expected += (rows[i] / total) * (cols[i] / total);
    if (expected >= 1.0 - 1e-12) return kUndefined;
    return (diagonal / total - expected) / (1.0 - expected);
}

double cohenKappa(const RatingsTable& ratings, int64_t coderA, int64_t coderB) {
    return cohenKappaFromConfusion(confusion(ratings, ratings.distinctValues(), coderA, coderB));
}

PairwiseKappa pairwiseCohenKappa(const RatingsTable& ratings) {
    const auto n = static_cast<size_t>(ratings.coders());
    const std::vector<double> categories = ratings.distinctValues();
    PairwiseKappa out{std::vector<std::vector<double>>(n, std::vector<double>(n, 1.0)),
                      std::vector<std::vector<int64_t>>(n, std::vector<int64_t>(n, 0))};
    for (size_t a = 0; a < n; ++a) {
        for (size_t b = a; b < n; ++b) {
            const auto table = confusion(ratings, categories, static_cast<int64_t>(a), static_cast<int64_t>(b));
            int64_t shared = 0;
            for (const auto& row : table)
                for (int64_t v : row) shared += v;
            out.shared[a][b] = out.shared[b][a] = shared;
            if (a != b) out.kappa[a][b] = out.kappa[b][a] = cohenKappaFromConfusion(table);
        }
    }
    return out;
}

}  // namespace srllm::core
