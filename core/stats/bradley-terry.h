#pragma once
// The Bradley–Terry model of paired comparisons, P(i beats j) = p_i / (p_i + p_j), fitted by maximum
// likelihood with Hunter's (2004) MM algorithm, as Chatbot Arena ranks models from human votes. A tie counts
// as half a win for each side. Strengths are reported as log-strengths centred on their mean.
#include <cstdint>
#include <vector>

#include "core/stats/bootstrap-interval.h"

namespace srllm::core {

struct PairOutcome {
    int first = 0;          // player index, 0-based
    int second = 0;         // player index, != first
    double firstScore = 0;  // 1: first won, 0: second won, 0.5: tie
};

struct BradleyTerryOptions {
    // One virtual tie per compared pair keeps the estimate finite when a player never wins or never loses
    // (resamples hit this often); 0 gives the plain MLE, which needs every player to win and lose.
    double virtualTies = 1.0;
    int maxIterations = 10000;
    double tolerance = 1e-10;  // stop when no log-strength moves by more than this
};

struct BradleyTerryFit {
    std::vector<double> logStrength;  // per player, centred (mean 0); NaN for a player never compared
    int iterations = 0;
    bool converged = false;
};

// Throws std::invalid_argument for a player index outside [0, players) or first == second.
BradleyTerryFit fitBradleyTerry(int players, const std::vector<PairOutcome>& outcomes,
                                const BradleyTerryOptions& options = {});

struct RankedPlayer {
    int player = 0;
    double logStrength = 0;
    ConfidenceInterval interval;  // percentile bootstrap over resampled outcomes
    int rank = 0;                 // 1 = strongest
};

// The fit with bootstrap intervals (outcomes resampled with replacement), strongest first.
std::vector<RankedPlayer> rankBradleyTerry(int players, const std::vector<PairOutcome>& outcomes,
                                           const BootstrapOptions& bootstrap = {},
                                           const BradleyTerryOptions& options = {});

}  // namespace srllm::core
