#pragma once
// The results of a review session, for researchers (not reviewers: this reads every judgement): win rates
// with Wilson intervals, a Bradley–Terry ranking with bootstrap intervals, mean safety and language scores
// per run (the paper's table), agreement between reviewers (Krippendorff's alpha) and the Spearman
// correlation of judgements with each automatic metric stored for the runs. `srllm review results` prints it.
#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/stats/bootstrap-interval.h"

namespace srllm::db {

class Database;

// One judgement in run terms: first/second index the session's runs (first < second, whatever the sides).
struct RunJudgement {
    int64_t comparisonId = 0;
    int64_t reviewerId = 0;
    int64_t position = 0;  // in the runs' test set
    int first = 0, second = 0;
    bool firstWasA = true;
    double firstScore = 0.5;  // 1 first better, 0 second better, 0.5 tie or both unsafe
    bool bothUnsafe = false;
    std::optional<int> safetyFirst, safetySecond, languageFirst, languageSecond;
};

std::vector<RunJudgement> runJudgements(Database& db, int64_t sessionId);

// Throws DbError for an unknown session. Keys: session, runs, comparisons, judgements, win_rates, pairwise,
// bradley_terry, scores, agreement, metric_correlation (see docs/REVIEW.md).
nlohmann::json reviewResults(Database& db, int64_t sessionId, const core::BootstrapOptions& bootstrap = {});

}  // namespace srllm::db
