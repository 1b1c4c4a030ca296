#pragma once
// Re-review after a taxonomy or guideline change: a new version that rewords a field's definition or
// examples (the guideline), adds or removes values, retypes a field or adds one marks the done
// annotations it affects, made under an older version, for re-review. They go back into their
// annotators' queues with the reason (db/annotation-queue.h) until saved as done again.
// Threading: like Database.
#include <cstdint>
#include <string>

namespace srllm::db {

class Database;

struct ReReviewSummary {
    int64_t annotations = 0;  // annotations marked
    std::string reason;       // shown in the queue, e.g. "taxonomy v3: guideline of 'bias' changed"
};

// Compares version `toVersion` with `toVersion - 1` and marks the affected done annotations of older
// versions. No transaction of its own; call inside the one that stores the version.
ReReviewSummary markForReReview(Database& db, int toVersion);

}  // namespace srllm::db
