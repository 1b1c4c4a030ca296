#include "core/stats/bradley-terry.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace srllm::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// wins[i] and games[i][j] (symmetric) with the virtual ties added to every pair that met at least once.
struct Tally {
    std::vector<double> wins;
    std::vector<std::vector<double>> games;
};

Tally tally(int players, const std::vector<PairOutcome>& outcomes, double virtualTies) {
    Tally t{std::vector<double>(size_t(players), 0.0),
            std::vector<std::vector<double>>(size_t(players), std::vector<double>(size_t(players), 0.0))};
    for (const PairOutcome& o : outcomes) {
        t.wins[size_t(o.first)] += o.firstScore;
        t.wins[size_t(o.second)] += 1.0 - o.firstScore;
        t.games[size_t(o.first)][size_t(o.second)] += 1;
        t.games[size_t(o.second)][size_t(o.first)] += 1;
    }
    for (size_t i = 0; i < size_t(players); ++i)
        for (size_t j = 0; j < size_t(players); ++j)
            if (i != j && t.games[i][j] > 0) {
                t.games[i][j] += virtualTies;
                t.wins[i] += virtualTies / 2;
            }
    return t;
}

void checkOutcomes(int players, const std::vector<PairOutcome>& outcomes) {
    for (const PairOutcome& o : outcomes)
        if (o.first < 0 || o.second < 0 || o.first >= players || o.second >= players || o.first == o.second)
            throw std::invalid_argument("Bradley-Terry: outcome between players " + std::to_string(o.first) + " and " +
                                        std::to_string(o.second) + " is outside 0.." + std::to_string(players - 1) +
                                        " or compares a player with itself");
}

}  // namespace

BradleyTerryFit fitBradleyTerry(int players, const std::vector<PairOutcome>& outcomes,
                                const BradleyTerryOptions& options) {
    checkOutcomes(players, outcomes);
    const Tally t = tally(players, outcomes, options.virtualTies);
    const size_t n = size_t(players);
    std::vector<bool> compared(n, false);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) compared[i] = compared[i] || t.games[i][j] > 0;

    BradleyTerryFit fit;
    std::vector<double> p(n, 1.0), next(n, 1.0);
    for (fit.iterations = 1; fit.iterations <= options.maxIterations; ++fit.iterations) {
        // Hunter (2004) eq. 3: p_i <- W_i / sum_j n_ij / (p_i + p_j), then renormalised (geometric mean 1).
        double logSum = 0;
        int counted = 0;
        for (size_t i = 0; i < n; ++i) {
            if (!compared[i]) continue;
            double denominator = 0;
            for (size_t j = 0; j < n; ++j)
                if (t.games[i][j] > 0) denominator += t.games[i][j] / (p[i] + p[j]);
            next[i] = std::max(t.wins[i] / denominator, std::numeric_limits<double>::min());
            logSum += std::log(next[i]);
            ++counted;
        }
        const double scale = std::exp(logSum / std::max(counted, 1));
        double largestMove = 0;
        for (size_t i = 0; i < n; ++i) {
            if (!compared[i]) continue;
            next[i] /= scale;
            largestMove = std::max(largestMove, std::fabs(std::log(next[i]) - std::log(p[i])));
        }
        p.swap(next);
        if (largestMove < options.tolerance) {
            fit.converged = true;
            break;
        }
    }
    fit.iterations = std::min(fit.iterations, options.maxIterations);
    fit.logStrength.assign(n, kNaN);
    for (size_t i = 0; i < n; ++i)
        if (compared[i]) fit.logStrength[i] = std::log(p[i]);  // mean 0 by the renormalisation
    return fit;
}

std::vector<RankedPlayer> rankBradleyTerry(int players, const std::vector<PairOutcome>& outcomes,
                                           const BootstrapOptions& bootstrap, const BradleyTerryOptions& options) {
    const BradleyTerryFit fit = fitBradleyTerry(players, outcomes, options);
    // One refit per resample, shared by every player: the same seed draws the same resamples for each.
    std::vector<std::vector<double>> perResample;
    std::vector<PairOutcome> sample(outcomes.size());
    bootstrapInterval(
        int64_t(outcomes.size()),
        [&](const std::vector<int64_t>& indices) {
            for (size_t k = 0; k < indices.size(); ++k) sample[k] = outcomes[size_t(indices[k])];
            perResample.push_back(fitBradleyTerry(players, sample, options).logStrength);
            return 0.0;
        },
        bootstrap);
    std::vector<RankedPlayer> ranked;
    const double tail = (1.0 - bootstrap.level) / 2.0;
    for (int i = 0; i < players; ++i) {
        RankedPlayer r{i, fit.logStrength[size_t(i)], {kNaN, kNaN, 0}, 0};
        std::vector<double> values;
        for (const auto& s : perResample)
            if (!std::isnan(s[size_t(i)])) values.push_back(s[size_t(i)]);
        std::sort(values.begin(), values.end());
        r.interval = {sortedQuantile(values, tail), sortedQuantile(values, 1.0 - tail), int(values.size())};
        ranked.push_back(r);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const RankedPlayer& a, const RankedPlayer& b) {
        if (std::isnan(a.logStrength) != std::isnan(b.logStrength)) return std::isnan(b.logStrength);
        return a.logStrength > b.logStrength;
    });
    for (size_t k = 0; k < ranked.size(); ++k) ranked[k].rank = int(k) + 1;
    return ranked;
}

}  // namespace srllm::core
