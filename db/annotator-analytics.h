#pragma once
// What a lead watches per annotator: time per item, pasted rewrites, and over time (windows of N of their
// done annotations, in the order they were made) the median time, the drift of their label distribution
// for a field (total variation distance from their first window, core/stats/label-drift.h) and their
// agreement with the others (share of items where their label equals the majority of the other
// annotators). A blind reader (db/access.h) may ask about themselves only. Threading: like Database.
#include <cstdint>
#include <string>
#include <vector>

namespace srllm::db {

class Database;

struct AnalyticsWindow {
    int64_t itemsBefore = 0;  // this annotator's done items before the window (its x position)
    int64_t items = 0;
    std::string until;        // creation time of the window's last annotation
    double medianSeconds = 0;
    double drift = 0;      // total variation distance from the first window; NaN without labels
    double agreement = 0;  // share agreeing with the others' majority; NaN when nothing to compare
    int64_t compared = 0;  // items in the window with a majority of the others to compare with
};

struct AnnotatorAnalytics {
    int64_t annotatorId = 0;
    std::string name;
    std::string field;
    int64_t done = 0;
    double medianSeconds = 0;   // NaN without done annotations
    int64_t rewrites = 0;       // done annotations with a rewrite
    int64_t pastedRewrites = 0;  // ... of which at least half the characters were pasted in
    std::vector<AnalyticsWindow> windows;
};

// Throws core::InputError when the field is not in the current taxonomy or windowItems < 1, AccessDenied
// when a blind reader asks about someone else.
AnnotatorAnalytics annotatorAnalytics(Database& db, int64_t annotatorId, const std::string& fieldKey,
                                      int64_t windowItems);

}  // namespace srllm::db
