#include "db/annotator-analytics.h"

#include <algorithm>
#include <limits>
#include <map>

#include "core/common/diagnostics.h"
#include "core/stats/label-drift.h"
#include "core/text/utf8-code-points.h"
#include "db/access.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/taxonomy-fields.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One count per value of the field (a multi field counts every value chosen).
void countValues(const TaxonomyField& field, const nlohmann::json& labels, std::vector<int64_t>& histogram) {
    if (const auto indices = labelIndices(field, labels))
        for (int i : *indices) ++histogram[static_cast<size_t>(i)];
}

// The value the strict majority of the others gave, or nullopt.
std::optional<std::vector<int>> othersMajority(const TaxonomyField& field, const std::vector<AnnotationRow>& others) {
    const FieldVotes votes = fieldVotes(field, others);
    for (const auto& [value, count] : votes.groups)
        if (2 * count > votes.votes) return value;
    return std::nullopt;
}

}  // namespace

AnnotatorAnalytics annotatorAnalytics(Database& db, int64_t annotatorId, const std::string& fieldKey,
                                      int64_t windowItems) {
    if (annotatorId != readerId(db)) requireFullAccess(db, "another annotator's analytics");
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    const auto fields = taxonomyFields(taxonomy.json, taxonomy.version);
    const auto field = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.key == fieldKey; });
    if (field == fields.end())
        throw core::InputError("taxonomy v" + std::to_string(taxonomy.version), 0, fieldKey, "no such field");
    if (windowItems < 1) throw core::InputError("", 0, "window", "a window needs at least 1 item");

    AnnotatorAnalytics out;
    out.annotatorId = annotatorId;
    out.field = fieldKey;
    for (const auto& a : listAnnotators(db))
        if (a.id == annotatorId) out.name = a.name;
    std::map<int64_t, std::vector<AnnotationRow>> others;  // item -> the other annotators' done rows
    std::vector<AnnotationRow> mine;
    for (auto& row : doneAnnotationsForFigures(db)) {
        if (row.annotatorId == annotatorId) mine.push_back(std::move(row));
        else others[row.itemId].push_back(std::move(row));
    }
    std::stable_sort(mine.begin(), mine.end(), [](const auto& a, const auto& b) { return a.createdAt < b.createdAt; });
    out.done = static_cast<int64_t>(mine.size());
    std::vector<double> seconds;
    for (const auto& a : mine) {
        seconds.push_back(a.seconds);
        if (!a.rewrite || a.rewrite->empty()) continue;
        ++out.rewrites;
        const auto length = static_cast<int64_t>(core::decodeUtf8(*a.rewrite).size());
        out.pastedRewrites += 2 * a.pastedChars >= length ? 1 : 0;
    }
    out.medianSeconds = core::median(seconds);

    std::vector<int64_t> first;
    for (size_t begin = 0; begin < mine.size(); begin += static_cast<size_t>(windowItems)) {
        const size_t end = std::min(mine.size(), begin + static_cast<size_t>(windowItems));
        AnalyticsWindow w{static_cast<int64_t>(begin), static_cast<int64_t>(end - begin), mine[end - 1].createdAt,
                          kNaN, kNaN, kNaN, 0};
        std::vector<int64_t> histogram(field->values.size(), 0);
        std::vector<double> windowSeconds;
        int64_t agreed = 0;
        for (size_t i = begin; i < end; ++i) {
            countValues(*field, mine[i].labels, histogram);
            windowSeconds.push_back(mine[i].seconds);
            const auto it = others.find(mine[i].itemId);
            const auto own = labelIndices(*field, mine[i].labels);
            const auto majority = it == others.end() || !own ? std::nullopt : othersMajority(*field, it->second);
            if (!majority) continue;
            ++w.compared;
            agreed += *majority == *own ? 1 : 0;
        }
        if (begin == 0) first = histogram;
        w.medianSeconds = core::median(windowSeconds);
        w.drift = core::totalVariationDistance(first, histogram);
        if (w.compared > 0) w.agreement = static_cast<double>(agreed) / static_cast<double>(w.compared);
        out.windows.push_back(w);
    }
    return out;
}

}  // namespace srllm::db
