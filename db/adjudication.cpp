#include "db/adjudication.h"

#include <algorithm>
#include <map>

#include "core/common/diagnostics.h"
#include "core/stats/span-agreement.h"
#include "core/text/chrf.h"
#include "core/text/utf8-code-points.h"
#include "db/access.h"
#include "db/annotators.h"
#include "db/database.h"
#include "db/items.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

nlohmann::json labelJson(const TaxonomyField& field, const std::vector<int>& indices) {
    if (!field.multi) return field.values[static_cast<size_t>(indices.front())];
    nlohmann::json out = nlohmann::json::array();
    for (int i : indices) out.push_back(field.values[static_cast<size_t>(i)]);
    return out;
}

FieldVote voteOnField(const TaxonomyField& field, const std::vector<AnnotationRow>& done) {
    FieldVote vote;
    vote.key = field.key;
    std::vector<std::string> singles;
    std::vector<std::vector<std::string>> sets;
    for (const auto& a : done) {
        const auto indices = labelIndices(field, a.labels);
        if (!indices) continue;
        ++vote.votes;
        const nlohmann::json value = labelJson(field, *indices);
        if (field.multi) sets.push_back(value.get<std::vector<std::string>>());
        else singles.push_back(value.get<std::string>());
    }
    if (field.multi) {
        const core::SetMajorityVote v = core::setMajorityVote(sets);
        vote.outcome = v.outcome;
        vote.tie = v.tie;
        std::vector<int> indices;  // back to taxonomy order
        for (const auto& s : v.winner) indices.push_back(*valueIndex(field, s));
        std::sort(indices.begin(), indices.end());
        if (v.outcome != core::VoteOutcome::NoMajority) vote.value = labelJson(field, indices);
    } else {
        const core::MajorityVote v = core::majorityVote(singles);
        vote.outcome = v.outcome;
        vote.tie = v.tie;
        if (v.winner) vote.value = *v.winner;
    }
    return vote;
}

// Code points marked by more than half of the annotators, as ranges; `unanimous` tells if all agree.
std::vector<core::Span> majoritySpans(int64_t length, const std::vector<AnnotationRow>& done, bool& unanimous) {
    std::vector<std::vector<core::MarkedRange>> coders;
    for (const auto& a : done) {
        std::vector<core::MarkedRange> ranges;
        for (const auto& s : a.spans) ranges.push_back({s.start, s.end});
        coders.push_back(std::move(ranges));
    }
    const std::vector<int> counts = core::markCounts(length, coders);
    const int m = static_cast<int>(done.size());
    unanimous = std::all_of(counts.begin(), counts.end(), [m](int k) { return k == 0 || k == m; });
    std::vector<core::Span> spans;
    for (int64_t i = 0; i < length; ++i) {
        if (2 * counts[static_cast<size_t>(i)] <= m) continue;
        if (!spans.empty() && spans.back().end == i) spans.back().end = i + 1;
        else spans.push_back({i, i + 1});
    }
    return spans;
}

std::optional<std::string> chooseRewrite(const std::vector<AnnotationRow>& done,
                                         const std::vector<TaxonomyField>& fields, const nlohmann::json& decided) {
    std::vector<const AnnotationRow*> writers;
    for (const auto& a : done)
        if (a.rewrite && a.rewrite->find_first_not_of(" \t\r\n") != std::string::npos) writers.push_back(&a);
    if (writers.empty()) return std::nullopt;
    std::map<std::string, int> sameText;
    for (const auto* w : writers) ++sameText[*w->rewrite];
    for (const auto& [text, count] : sameText)
        if (2 * count > static_cast<int>(writers.size())) return text;
    std::vector<std::string> texts;
    for (const auto* w : writers) texts.push_back(*w->rewrite);
    const AnnotationRow* best = nullptr;
    int bestSides = -1;
    double bestCloseness = -1;
    for (size_t i = 0; i < writers.size(); ++i) {
        int sides = 0;
        for (const auto& field : fields)
            if (decided.contains(field.key))
                sides += labelIndices(field, writers[i]->labels) == labelIndices(field, decided) ? 1 : 0;
        double closeness = 0;
        for (size_t j = 0; j < texts.size(); ++j)
            if (j != i) closeness += core::chrf(texts[i], texts[j]) + core::chrf(texts[j], texts[i]);
        // writers come by annotator id, so keeping the first of equals picks the lowest id.
        if (sides > bestSides || (sides == bestSides && closeness > bestCloseness)) {
            best = writers[i];
            bestSides = sides;
            bestCloseness = closeness;
        }
    }
    return best->rewrite;
}

std::map<int64_t, std::vector<AnnotationRow>> doneByItem(Database& db) {
    std::map<int64_t, std::vector<AnnotationRow>> out;
    for (auto& row : allAnnotations(db))
        if (row.status == "done") out[row.itemId].push_back(std::move(row));
    return out;
}

}  // namespace

ItemDecision decideItem(int64_t itemId, const std::string& text, const std::vector<AnnotationRow>& done,
                        const std::vector<TaxonomyField>& fields, int taxonomyVersion) {
    ItemDecision d;
    d.itemId = itemId;
    d.annotations = static_cast<int>(done.size());
    d.gold.itemId = itemId;
    d.gold.taxonomyVersion = taxonomyVersion;
    bool allUnanimous = true;
    d.resolved = true;
    for (const auto& field : fields) {
        FieldVote vote = voteOnField(field, done);
        if (vote.votes < 2) continue;
        allUnanimous = allUnanimous && vote.outcome == core::VoteOutcome::Unanimous;
        if (vote.outcome == core::VoteOutcome::NoMajority) d.resolved = false;
        else d.gold.labels[field.key] = vote.value;
        d.fields.push_back(std::move(vote));
    }
    bool spansUnanimous = true;
    d.gold.spans = majoritySpans(static_cast<int64_t>(core::decodeUtf8(text).size()), done, spansUnanimous);
    d.gold.rewrite = chooseRewrite(done, fields, d.gold.labels);
    d.gold.provenance = allUnanimous && spansUnanimous ? "unanimous" : "majority";
    return d;
}

AdjudicationSummary adjudicateMajority(Database& db) {
    requireFullAccess(db, "adjudication");
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    const auto fields = taxonomyFields(taxonomy.json, taxonomy.version);
    AdjudicationSummary summary;
    Transaction tx(db);
    auto dropAutomatic = db.prepare("DELETE FROM gold WHERE item_id = ?1 AND provenance IN ('unanimous', 'majority')");
    for (const auto& [itemId, done] : doneByItem(db)) {
        if (done.size() < 2) continue;
        ++summary.considered;
        const auto existing = goldFor(db, itemId);
        if (existing && existing->provenance == "expert") {
            ++summary.keptExpert;
            continue;
        }
        const auto item = itemById(db, itemId);
        const ItemDecision d = decideItem(itemId, item ? item->text : std::string(), done, fields, taxonomy.version);
        if (!d.resolved) {
            ++summary.ties;
            dropAutomatic.bind(1, itemId).run();
            dropAutomatic.reset();
            continue;
        }
        ++(d.gold.provenance == "unanimous" ? summary.unanimous : summary.majority);
        saveGold(db, d.gold);
    }
    tx.commit();
    return summary;
}

std::vector<DisagreementRow> itemsWithDisagreement(Database& db) {
    requireFullAccess(db, "the list of disputed items");
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    const auto fields = taxonomyFields(taxonomy.json, taxonomy.version);
    std::vector<DisagreementRow> out;
    for (const auto& [itemId, done] : doneByItem(db)) {
        if (done.size() < 2) continue;
        DisagreementRow row{itemId, static_cast<int>(done.size()), {}, false, std::nullopt};
        for (const auto& field : fields) {
            const FieldVote vote = voteOnField(field, done);
            if (vote.votes < 2 || vote.outcome == core::VoteOutcome::Unanimous) continue;
            row.disputedFields.push_back(field.key);
            row.tie = row.tie || vote.outcome == core::VoteOutcome::NoMajority;
        }
        if (row.disputedFields.empty()) continue;
        if (const auto gold = goldFor(db, itemId)) row.goldProvenance = gold->provenance;
        out.push_back(std::move(row));
    }
    return out;
}

void saveExpertGold(Database& db, int64_t itemId, int64_t expertId, const nlohmann::json& labels,
                    const std::vector<core::Span>& spans, const std::optional<std::string>& rewrite) {
    requireFullAccess(db, "adjudication");
    const auto annotators = listAnnotators(db);
    const auto expert = std::find_if(annotators.begin(), annotators.end(),
                                     [&](const AnnotatorRow& a) { return a.id == expertId; });
    if (expert == annotators.end() || expert->role != "expert")
        throw DbError(db.path() + ": annotator " + std::to_string(expertId) +
                      " is not an expert (hint: gold can only be decided by an annotator with role 'expert')");
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    const auto fields = taxonomyFields(taxonomy.json, taxonomy.version);
    const std::string where = "gold of item " + std::to_string(itemId);
    if (!labels.is_object()) throw core::InputError(where, 0, "labels", "must be a JSON object {field: value}");
    for (const auto& entry : labels.items()) {  // not a structured binding: clang 14 cannot capture those
        const std::string& key = entry.key();
        const auto& value = entry.value();
        const auto field = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.key == key; });
        if (field == fields.end())
            throw core::InputError(where, 0, key, "not a field of taxonomy v" + std::to_string(taxonomy.version));
        if (!labelIndices(*field, labels))
            throw core::InputError(where, 0, key, "value " + value.dump() + " is not one of the field's values");
    }
    saveGold(db, {itemId, labels, spans, rewrite, "expert", expertId, taxonomy.version});
}

}  // namespace srllm::db
