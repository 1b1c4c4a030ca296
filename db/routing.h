#pragma once
// Disagreement-driven routing: when the done annotations of an item disagree on a field more than the
// lead allows, the item goes to one more annotator, and if they still disagree, to an expert (or straight
// to an expert, as the lead sets). A routed item lands in that person's queue with the reason
// (db/annotation-queue.h). The policy lives in the project (db/project-settings.h, key "routing").
// Routing reads everyone's labels inside the store and reveals none, so blind sessions trigger it too.
// Threading: like Database.
#include <cstdint>
#include <string>
#include <vector>

namespace srllm::db {

class Database;

struct RoutingPolicy {
    bool enabled = false;  // off until a lead sets it: routing adds work to people's queues
    // An item is routed when, on some field, the largest group of equal labels holds less than this share
    // of the votes (1.0: any disagreement; 0.6: two of three agreeing is enough).
    double threshold = 1.0;
    std::vector<std::string> fields;    // fields that count; empty: every field of the taxonomy
    std::string target = "annotator";   // "annotator": one more annotator, then an expert | "expert"
};

RoutingPolicy routingPolicy(Database& db);
// Checks and stores the policy (full access): threshold in (0, 1], target, fields of the taxonomy.
// Throws core::InputError naming the setting.
void setRoutingPolicy(Database& db, const RoutingPolicy& policy);

struct RoutingDecision {
    int64_t itemId = 0;
    int64_t annotatorId = 0;  // who got it
    std::string reason;       // "disagreement" (one more annotator) | "expert"
    std::string detail;       // e.g. "bias: 1 of 2 agree (50% < 75%)"
};

// Routes one item if the policy says so (call after saving a done annotation); no transaction of its own.
// An item waits while a routed annotator has not finished, and is routed to an expert at most once.
std::vector<RoutingDecision> routeItem(Database& db, int64_t itemId);
// routeItem for every item with two or more done annotations, in one transaction (after an import or a
// package merge, or `srllm route`).
std::vector<RoutingDecision> routeDisagreements(Database& db);

}  // namespace srllm::db
