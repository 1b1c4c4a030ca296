#pragma once
// Agreement over time for one taxonomy field: items in the order they were completed (the creation time of
// their latest done annotation), cut into windows of N items, with Krippendorff's alpha per window
// (core/stats). The agreement view plots it to show whether guidelines or training changed agreement.
// Threading: call from the thread that owns the Database (it only reads).
#include <cstdint>
#include <string>
#include <vector>

namespace srllm::db {

class Database;

struct TrendPoint {
    int64_t itemsBefore = 0;  // items completed before this window, i.e. its x position
    int64_t items = 0;        // items in the window (the last window may be short)
    std::string until;        // creation time of the window's last annotation (ISO-8601 UTC)
    double alpha = 0;         // quiet NaN when undefined (no variation)
};

struct AgreementTrend {
    std::string field;
    std::string metric;  // "nominal" | "ordinal"; multi fields: mean nominal alpha over values
    int64_t windowItems = 0;
    std::vector<TrendPoint> points;
};

// Uses done annotations valid under the current taxonomy; an item counts once it has two of them.
// Throws core::InputError when the field is not in the current taxonomy or windowItems < 2.
AgreementTrend agreementTrend(Database& db, const std::string& fieldKey, int64_t windowItems);

}  // namespace srllm::db
