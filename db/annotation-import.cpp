#include "db/annotation-import.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/data/word-spans.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/database.h"
#include "db/items.h"
#include "db/project.h"
#include "db/routing.h"
#include "db/suggestions.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

constexpr int64_t kProgressEvery = 1024;

std::string joined(const nlohmann::json& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v.get<std::string>();
    return out;
}

// Checks labels against the taxonomy's fields; a single value given for a multi field becomes [value].
nlohmann::json checkedLabels(const nlohmann::json& taxonomy, const core::AnnotationImportRecord& record,
                             const std::string& file) {
    nlohmann::json labels = nlohmann::json::object();
    const auto& fields = taxonomy.at("fields");
    for (const auto& entry : record.labels.items()) {  // not a structured binding: clang 14 cannot capture those
        const std::string& key = entry.key();
        const auto& value = entry.value();
        const auto field = std::find_if(fields.begin(), fields.end(),
                                        [&](const nlohmann::json& f) { return f.value("key", "") == key; });
        std::string keys;
        for (const auto& f : fields) keys += (keys.empty() ? "" : ", ") + f.value("key", "");
        if (field == fields.end())
            throw core::InputError(file, record.line, "labels." + key, "not a taxonomy field (fields: " + keys + ")");
        const auto& allowed = field->at("values");
        const bool multi = field->value("type", "single") == "multi";
        if (!multi && !value.is_string())
            throw core::InputError(file, record.line, "labels." + key, "takes one value, not a list");
        const nlohmann::json list = value.is_string() ? nlohmann::json::array({value}) : value;
        for (const auto& v : list) {
            if (std::find(allowed.begin(), allowed.end(), v) == allowed.end())
                throw core::InputError(file, record.line, "labels." + key,
                                       "value " + v.dump() + " is not allowed (allowed: " + joined(allowed) + ")");
        }
        labels[key] = multi ? list : value;
    }
    return labels;
}

struct Resolved {
    int64_t itemId = 0;
    nlohmann::json labels;
};

// The record's item (by external id, then exact text) and its labels and spans checked against the
// taxonomy and the text; throws InputError naming the line otherwise.
Resolved resolve(Database& db, const TaxonomyRow& taxonomy, const core::AnnotationImportRecord& record,
                 const std::string& file) {
    auto item = itemByExternalId(db, record.item);
    if (!item) item = itemByText(db, record.item);
    if (!item)
        throw core::InputError(file, record.line, "item",
                               "no item has the id or text '" + record.item.substr(0, 80) +
                                   "' (hint: import the items first)");
    const int64_t length = core::codePointCount(item->text);
    for (const auto& span : record.spans) {
        if (span.end > length)
            throw core::InputError(file, record.line, "spans",
                                   "span [" + std::to_string(span.start) + ", " + std::to_string(span.end) +
                                       "] goes past the end of the item text (" + std::to_string(length) +
                                       " code points)");
    }
    return {item->id, checkedLabels(taxonomy.json, record, file)};
}

}  // namespace

AnnotationImportReport importAnnotations(Project& project, core::AnnotationReader& reader,
                                         const core::ProgressCallback& progress) {
    Database& db = project.db();
    const std::string& file = reader.path();
    Transaction tx(db);
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    AnnotationImportReport report;
    std::map<std::pair<int64_t, int64_t>, int64_t> seen;  // (item, annotator) -> line
    int64_t records = 0;
    while (auto record = reader.next()) {
        const Resolved resolved = resolve(db, taxonomy, *record, file);
        AnnotationRow row;
        row.itemId = resolved.itemId;
        row.taxonomyVersion = taxonomy.version;
        row.labels = resolved.labels;
        row.spans = record->spans;
        row.rewrite = record->rewrite;
        row.status = "done";
        const bool known = annotatorByName(db, record->annotator).has_value();
        row.annotatorId = ensureAnnotator(db, record->annotator);
        report.annotatorsCreated += known ? 0 : 1;
        const auto key = std::make_pair(row.itemId, row.annotatorId);
        if (const auto earlier = seen.find(key); earlier != seen.end())
            report.warnings.push_back({file, record->line, "item",
                                       "replaces the annotation on line " + std::to_string(earlier->second) +
                                           " (same item and annotator)"});
        else if (annotationFor(db, row.itemId, row.annotatorId))
            ++report.replaced;
        seen[key] = record->line;
        saveAnnotation(db, row);
        ++report.annotations;
        if (++records % kProgressEvery == 0 && progress && !progress(reader.bytesRead(), reader.bytesTotal()))
            throw core::InputError(file, 0, "", "import cancelled; the project was left unchanged");
    }
    const auto& readerWarnings = reader.warnings();
    report.warnings.insert(report.warnings.begin(), readerWarnings.begin(), readerWarnings.end());
    tx.commit();
    report.routed = static_cast<int64_t>(routeDisagreements(db).size());
    if (progress) progress(reader.bytesTotal(), reader.bytesTotal());
    return report;
}

SuggestionImportReport importSuggestions(Project& project, core::AnnotationReader& reader,
                                         const core::ProgressCallback& progress) {
    Database& db = project.db();
    Transaction tx(db);
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    SuggestionImportReport report;
    int64_t records = 0;
    while (auto record = reader.next()) {
        const Resolved resolved = resolve(db, taxonomy, *record, reader.path());
        saveSuggestion(db, resolved.itemId, record->annotator, {resolved.labels, record->spans, record->rewrite});
        ++report.suggestions;
        if (++records % kProgressEvery == 0 && progress && !progress(reader.bytesRead(), reader.bytesTotal()))
            throw core::InputError(reader.path(), 0, "", "import cancelled; the project was left unchanged");
    }
    report.warnings = reader.warnings();
    tx.commit();
    return report;
}

}  // namespace srllm::db
