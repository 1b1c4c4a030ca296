#pragma once
// Which annotator labels which item. A lead assigns a set of items (a dataset, a browser filter) to
// annotators with overlap k: round robin or balanced by load, in id order or a seeded shuffle, optionally
// stratified by a metadata key (a risk stratum) so every annotator gets a like share of each stratum.
// Reassigning moves open work only: labels already made are never touched.
// Writes need full access (db/access.h). Threading: call from the thread that owns the Database.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace srllm::db {

class Database;

enum class AssignStrategy {
    RoundRobin,  // item at position p goes to annotators (p*k + j) mod n: even and stable
    Balanced,    // each item goes to the k annotators with the fewest assignments so far (existing ones too)
};

struct AssignOptions {
    int overlap = 1;                    // k annotators per item
    std::vector<int64_t> annotatorIds;  // in the order round robin walks them
    AssignStrategy strategy = AssignStrategy::RoundRobin;
    uint64_t seed = 0;                  // 0: items in id order; else a seeded shuffle (same seed, same result)
    std::string stratifyKey{};          // metadata key of the risk stratum; empty: no strata
};

struct AssignSummary {
    int64_t items = 0;        // items given that needed more annotators
    int64_t assignments = 0;  // rows added
    std::map<int64_t, int64_t> perAnnotator;  // annotator id -> rows added
    std::map<std::string, int64_t> strata;    // stratum value -> items (with stratifyKey)
};

// Gives every listed item that has fewer than k lead assignments more annotators, in one transaction.
// Idempotent: running it again adds nothing. Throws DbError when k < 1, k > annotators, an annotator is
// listed twice or does not exist.
AssignSummary assignItems(Database& db, const std::vector<int64_t>& itemIds, const AssignOptions& options);

std::vector<int64_t> assignedItems(Database& db, int64_t annotatorId);  // item ids, ascending

struct ReassignSummary {
    int64_t moved = 0;     // open assignments handed over
    int64_t keptDone = 0;  // finished items left with the first annotator (their labels count)
    int64_t shared = 0;    // items the second annotator already had (left with both)
};

// Hands `from`'s open assignments (no done annotation yet) to `to`. Annotations, drafts included, stay
// where they are. Throws DbError for the same annotator twice or an unknown one.
ReassignSummary reassignItems(Database& db, int64_t from, int64_t to);

// True once any item is assigned to anyone: queues and packages then hold assigned items only.
bool projectAssignsItems(Database& db);

// The metadata keys found in the first `sample` items (the strata a lead can assign by), sorted.
std::vector<std::string> metadataKeys(Database& db, int64_t sample = 1000);

}  // namespace srllm::db
