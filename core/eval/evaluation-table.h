#pragma once
// The paper-style before/after table of `srllm eval`: one row per generation run (the first is the
// baseline, usually the original texts), columns toxic % and each risk's flagged % (Wilson intervals),
// content preservation (chrF and BLEU against source and references: mean of sentence scores with a
// bootstrap interval, and corpus scores), fluency, complexity and style; then each later row tested
// against the baseline, paired by item (McNemar for flag rates, Wilcoxon signed-rank for the rest, Holm
// across the metrics of one comparison), toxic % and mean toxicity per group, and counterfactual
// consistency (core/eval/counterfactual-consistency.h). Every figure carries its n.
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/output-metrics.h"
#include "core/stats/bootstrap-interval.h"

namespace srllm::core {

struct EvaluatedRun {
    std::string name;
    OutputSet set;
    std::vector<MetricColumn> columns;  // outputMetrics(set, ...)
    std::vector<std::string> groups;    // aligned with the outputs ("" for none)
};

// Runs must hold the same number of outputs (paired by position). Throws std::invalid_argument otherwise.
// {"baseline", "n", "rows": [{"run", "cells": {key: {"value", "lo", "hi", "n"}}, "groups": {...}, "counterfactual"}],
//  "tests": [{"run", "versus", "metric", "test": {...}, "p_holm"}]}
nlohmann::json evaluationTable(const std::vector<EvaluatedRun>& runs, const BootstrapOptions& bootstrap = {});

// Throws std::invalid_argument naming the first place ("rows[1].cells.bias_percent.value: ...") where `table`
// lacks the shape evaluationTable() writes and its readers rely on. #12: a stored table comes back from a
// project file that may be damaged or hostile.
void checkEvaluationTable(const nlohmann::json& table);

// Whether a row's cell depends on the risk scorer (a risk's flagged %, a counterfactual spread), so it is
// stored keyed by the scorer's hash.
bool cellUsesScorer(const std::string& key);
// The table's columns as people read them, in order: cell key and label ("toxicity_percent", "toxic %").
const std::vector<std::pair<std::string, std::string>>& evaluationColumns();
// A cell as "value [lo, hi]" with two decimals, "value" without an interval, "-" when absent or null.
std::string formatEvaluationCell(const nlohmann::json& cell);

// The table as people read it: one line per row, then the tests.
std::string formatEvaluationTable(const nlohmann::json& table);

}  // namespace srllm::core
