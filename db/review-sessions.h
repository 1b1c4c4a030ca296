#pragma once
// Review sessions (schema v5): which generation runs are compared, on how many test items (drawn at random,
// stratified by the item's gold risks), and how many reviewers judge each comparison. Every pair of runs is
// compared on every drawn item; per pair, each run is shown on the left in half the comparisons (balanced,
// reproducible for the seed). Reviewers read their comparisons through db/review-queue.h only.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace srllm::db {

class Database;

struct ReviewSessionSpec {
    std::string name;
    std::vector<int64_t> runIds;  // generation runs (two or more) over the same test set
    int64_t items = 100;          // test items drawn; all of them when the runs share fewer
    int reviewersPerItem = 1;     // reviewers who judge each comparison
    uint64_t seed = 1;            // same seed, same items, sides and queue order
};

struct ReviewSessionRow {
    int64_t id = 0;
    std::string name;
    std::vector<int64_t> runIds;  // in the order given at creation
    int64_t itemCount = 0;        // items drawn
    int reviewersPerItem = 1;
    uint64_t seed = 1;
    int64_t comparisons = 0;
    int64_t judgements = 0;
    std::string createdAt;
};

// The stratum an item is drawn from: its positive gold risks joined by '+' (core/eval/risk-labels.h), "safe"
// when every known risk is 0, "unlabelled" without gold or without a project item.
std::string riskStratum(Database& db, const std::optional<int64_t>& itemId);

// Creates the session and its comparisons in one transaction. Throws DbError for fewer than two runs, a run
// listed twice or unknown, runs over different test sets, no item every run has an output for, a name taken,
// items < 1 or reviewersPerItem < 1.
ReviewSessionRow createReviewSession(Database& db, const ReviewSessionSpec& spec);
std::optional<ReviewSessionRow> reviewSessionByName(Database& db, const std::string& name);
std::optional<ReviewSessionRow> reviewSessionById(Database& db, int64_t id);
std::vector<ReviewSessionRow> listReviewSessions(Database& db);  // by id

// Gives each comparison without enough reviewers the next ones in round-robin order (comparisons in id order,
// so load spreads evenly), preferring reviewers who have not seen its item in another run pair, so with
// enough reviewers each sees an item once; reruns only fill gaps. Each reviewer's queue is in a seeded random order, so no
// run pair comes in a block. Throws DbError
// when reviewersPerItem exceeds the reviewers given or one is listed twice. Returns assignments added.
int64_t assignReviewers(Database& db, int64_t sessionId, const std::vector<int64_t>& reviewerIds);

}  // namespace srllm::db
