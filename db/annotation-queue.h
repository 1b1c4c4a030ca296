#pragma once
// One annotator's work queue: the items assigned to them (a lead's assignment or routed there by
// disagreement) and their annotations sent back for re-review, each with its status and the reason it is
// there. While the project assigns nothing to anyone, every item is in every queue (solo use).
// Reads the annotator's own rows only, so it is blind by construction. Threading: like Database.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace srllm::db {

class Database;

struct QueueState {
    std::string status = "todo";  // "todo" | "draft" | "done" | "review" (a done annotation to look at again)
    std::string reason = "assigned";  // "assigned" | "disagreement" | "expert" | "rereview"
    std::string detail;           // why: disputed fields, or what the new taxonomy version changed
};

struct AnnotatorQueue {
    bool assigned = false;          // false: the project assigns nothing, so every item is listed
    std::vector<int64_t> itemIds;   // ascending
    // Items whose state is not the default todo/assigned; absent ids are todo and plainly assigned.
    std::unordered_map<int64_t, QueueState> states;
};

AnnotatorQueue annotatorQueue(Database& db, int64_t annotatorId);
// The state of one item for the annotator (default when it has none).
QueueState queueState(Database& db, int64_t annotatorId, int64_t itemId);

}  // namespace srllm::db
