#include "db/agreement-trend.h"

#include <algorithm>
#include <map>

#include "core/common/diagnostics.h"
#include "core/stats/krippendorff-alpha.h"
#include "core/stats/multi-select-agreement.h"
#include "db/annotations.h"
#include "db/taxonomy-fields.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

// One completed item: each coder column's value indices, and when its last annotation was made.
struct CompletedItem {
    std::string completedAt;
    std::vector<std::optional<std::vector<int>>> cells;
};

double windowAlpha(const TaxonomyField& field, const std::vector<CompletedItem>& items, size_t first, size_t last,
                   int64_t coders) {
    if (field.multi) {
        core::MultiSelectTable table;
        for (size_t i = first; i < last; ++i) table.push_back(items[i].cells);
        return core::multiSelectAgreement(table, coders, static_cast<int>(field.values.size()),
                                          [](const core::RatingsTable& t) {
                                              return core::krippendorffAlpha(t, core::AlphaMetric::Nominal);
                                          })
            .mean;
    }
    core::RatingsTable table(static_cast<int64_t>(last - first), coders);
    for (size_t i = first; i < last; ++i)
        for (size_t c = 0; c < items[i].cells.size(); ++c)
            if (items[i].cells[c])
                table.set(static_cast<int64_t>(i - first), static_cast<int64_t>(c), items[i].cells[c]->front());
    return core::krippendorffAlpha(table, field.ordered ? core::AlphaMetric::Ordinal : core::AlphaMetric::Nominal);
}

}  // namespace

AgreementTrend agreementTrend(Database& db, const std::string& fieldKey, int64_t windowItems) {
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    const auto fields = taxonomyFields(taxonomy.json, taxonomy.version);
    const auto field = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.key == fieldKey; });
    const std::string where = "taxonomy v" + std::to_string(taxonomy.version);
    if (field == fields.end()) throw core::InputError(where, 0, fieldKey, "no such field in the current taxonomy");
    if (windowItems < 2) throw core::InputError("", 0, "window", "a window needs at least 2 items");

    std::map<int64_t, int64_t> coderColumn;
    std::map<int64_t, std::vector<AnnotationRow>> byItem;
    for (auto& row : doneAnnotationsForFigures(db)) {
        if (!labelIndices(*field, row.labels)) continue;
        coderColumn.emplace(row.annotatorId, static_cast<int64_t>(coderColumn.size()));
        byItem[row.itemId].push_back(std::move(row));
    }
    const auto coders = static_cast<int64_t>(coderColumn.size());
    std::vector<CompletedItem> items;
    for (const auto& [itemId, rows] : byItem) {
        if (rows.size() < 2) continue;
        CompletedItem item{"", std::vector<std::optional<std::vector<int>>>(static_cast<size_t>(coders))};
        for (const auto& row : rows) {
            item.completedAt = std::max(item.completedAt, row.createdAt);
            item.cells[static_cast<size_t>(coderColumn.at(row.annotatorId))] = labelIndices(*field, row.labels);
        }
        items.push_back(std::move(item));
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.completedAt < b.completedAt; });

    AgreementTrend trend{fieldKey, field->multi || !field->ordered ? "nominal" : "ordinal", windowItems, {}};
    for (size_t first = 0; first < items.size(); first += static_cast<size_t>(windowItems)) {
        const size_t last = std::min(items.size(), first + static_cast<size_t>(windowItems));
        trend.points.push_back({static_cast<int64_t>(first), static_cast<int64_t>(last - first),
                                items[last - 1].completedAt, windowAlpha(*field, items, first, last, coders)});
    }
    return trend;
}

}  // namespace srllm::db
