#include "db/suggestions.h"

#include <algorithm>
#include <map>

#include "core/common/diagnostics.h"
#include "db/access.h"
#include "db/annotations.h"
#include "db/database.h"
#include "db/items.h"
#include "db/project-settings.h"
#include "db/span-json.h"
#include "db/taxonomy-fields.h"
#include "db/taxonomy-store.h"
#include "db/stored-json.h"

namespace srllm::db {

namespace {

constexpr int64_t kProgressEvery = 256;
constexpr const char* kScorerSetting = "suggestion_scorer";

// Spans of `inner` lying wholly inside one span of `outer`.
int64_t spansInside(const std::vector<core::Span>& inner, const std::vector<core::Span>& outer) {
    int64_t n = 0;
    for (const auto& s : inner)
        for (const auto& o : outer)
            if (o.start <= s.start && s.end <= o.end) {
                ++n;
                break;
            }
    return n;
}

}  // namespace

int64_t saveSuggestion(Database& db, int64_t itemId, const std::string& source, const core::Suggestion& suggestion) {
    if (source.empty()) throw DbError(db.path() + ": suggestion of item " + std::to_string(itemId) + " has no source");
    auto st = db.prepare(
        "INSERT INTO suggestions(item_id, source, labels, spans, rewrite) VALUES (?1, ?2, ?3, ?4, ?5)"
        " ON CONFLICT(item_id, source) DO UPDATE SET labels = excluded.labels, spans = excluded.spans,"
        " rewrite = excluded.rewrite, created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') RETURNING id");
    st.bind(1, itemId).bind(2, source).bind(3, suggestion.labels.dump()).bind(4, spansToJson(suggestion.spans));
    st.bind(5, suggestion.rewrite).step();
    const int64_t id = st.columnInt(0);
    st.reset();
    return id;
}

std::vector<SuggestionRow> suggestionsFor(Database& db, int64_t itemId) {
    auto st = db.prepare("SELECT id, source, labels, spans, rewrite FROM suggestions WHERE item_id = ?1 ORDER BY source");
    st.bind(1, itemId);
    std::vector<SuggestionRow> rows;
    while (st.step()) {
        SuggestionRow row{st.columnInt(0), itemId, st.columnText(1), {}};
        const std::string where = "labels of suggestion " + std::to_string(row.id);
        row.suggestion.labels = storedJson(st, 2, where);
        // The Annotate view shows them as "field: value, value" (#12: a damaged file reached it unchecked).
        if (!row.suggestion.labels.is_object()) throwDamaged(st, where, "expected an object {field: value}");
        for (const auto& [field, value] : row.suggestion.labels.items()) {
            const bool strings = value.is_array() && std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_string(); });
            if (!value.is_string() && !strings) throwDamaged(st, where, "field '" + field + "': expected a value or a list of values, found " + value.dump());
        }
        row.suggestion.spans = spansFromJson(st, 3, "suggestion " + std::to_string(row.id));
        row.suggestion.rewrite = st.columnOptionalText(4);
        rows.push_back(std::move(row));
    }
    return rows;
}

void markSuggestionsShown(Database& db, int64_t itemId, int64_t annotatorId) {
    db.prepare("INSERT OR IGNORE INTO suggestion_views(suggestion_id, annotator_id)"
               " SELECT id, ?2 FROM suggestions WHERE item_id = ?1")
        .bind(1, itemId).bind(2, annotatorId).run();
}

std::optional<std::string> suggestionScorerFolder(Database& db) {
    const auto value = projectSetting(db, kScorerSetting);
    if (!value || !value->is_string() || value->get<std::string>().empty()) return std::nullopt;
    return value->get<std::string>();
}

void setSuggestionScorerFolder(Database& db, const std::string& folder) {
    setProjectSetting(db, kScorerSetting, folder);
}

int64_t suggestForItems(Database& db, core::Suggester& suggester, const std::vector<int64_t>& itemIds,
                        const core::ProgressCallback& progress) {
    const std::string source = suggester.source();
    Transaction tx(db);
    int64_t stored = 0, done = 0;
    for (int64_t itemId : itemIds) {
        if (const auto item = itemById(db, itemId)) {
            const core::Suggestion suggestion = suggester.suggest(item->text);
            if (!suggestion.empty()) {
                saveSuggestion(db, itemId, source, suggestion);
                ++stored;
            }
        }
        if (++done % kProgressEvery == 0 && progress && !progress(done, static_cast<int64_t>(itemIds.size())))
            throw core::InputError("", 0, "", "suggestions cancelled; nothing was stored");
    }
    tx.commit();
    if (progress) progress(done, done);
    return stored;
}

std::vector<SuggestionAcceptance> suggestionAcceptance(Database& db) {
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    const auto fields = taxonomyFields(taxonomy.json, taxonomy.version);
    // Each row: a suggestion an annotator saw and that annotator's done annotation of the item.
    auto st = db.prepare(
        "SELECT s.source, s.labels, s.spans, s.rewrite, a.labels, a.spans, a.rewrite FROM suggestion_views v"
        " JOIN suggestions s ON s.id = v.suggestion_id"
        " JOIN annotations a ON a.item_id = s.item_id AND a.annotator_id = v.annotator_id AND a.status = 'done'"
        " WHERE ?1 = 0 OR v.annotator_id = ?1 ORDER BY s.source");
    st.bind(1, isBlind(db) ? readerId(db) : int64_t{0});
    std::map<std::string, SuggestionAcceptance> bySource;
    while (st.step()) {
        SuggestionAcceptance& out = bySource[st.columnText(0)];
        out.source = st.columnText(0);
        ++out.shown;
        const auto suggested = storedJson(st, 1, "labels of a suggestion");
        const auto labels = storedJson(st, 4, "labels of an annotation");
        for (const auto& field : fields) {
            const auto proposal = labelIndices(field, suggested);
            if (!proposal) continue;
            ++out.labelsSuggested;
            out.labelsAccepted += labelIndices(field, labels) == proposal ? 1 : 0;
        }
        const auto spans = spansFromJson(st, 2, "suggestion");
        out.spansSuggested += static_cast<int64_t>(spans.size());
        out.spansAccepted += spansInside(spans, spansFromJson(st, 5, "annotation"));
        if (!st.columnIsNull(3)) {
            ++out.rewritesSuggested;
            out.rewritesAccepted += st.columnOptionalText(6) == st.columnOptionalText(3) ? 1 : 0;
        }
    }
    std::vector<SuggestionAcceptance> out;
    for (auto& [source, acceptance] : bySource) out.push_back(std::move(acceptance));
    return out;
}

}  // namespace srllm::db
