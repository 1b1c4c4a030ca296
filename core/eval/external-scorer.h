#pragma once
// A plug-in for scorers the workbench does not train (a local Detoxify, a moderation service behind a
// script): a shell command that reads JSON Lines {"text": ...} on standard input and writes one JSON
// object per text on standard output, in order, each with at least a "toxicity" probability in [0, 1]
// and optionally "bias", "harm", "unsafe". Blocking; call from a worker thread.
#include <string>
#include <vector>

#include "core/eval/risk-scorer.h"

namespace srllm::core {

struct ExternalScores {
    std::vector<RiskScores> scores;  // NaN for a risk the command did not report
    std::string command;
};

// Throws InputError naming the command's output line and field: a failed command, a line that is not a
// JSON object, a missing or out-of-range "toxicity", or fewer or more lines than texts.
ExternalScores runExternalScorer(const std::string& command, const std::vector<std::string>& texts);

}  // namespace srllm::core
