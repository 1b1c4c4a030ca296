#include "db/label-mapping.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "core/data/record-list-reader.h"
#include "db/annotation-import.h"
#include "db/annotators.h"
#include "db/database.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "db/taxonomy-fields.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

const TaxonomyField* fieldNamed(const std::vector<TaxonomyField>& fields, const std::string& key) {
    for (const auto& f : fields)
        if (lower(f.key) == lower(key)) return &f;
    return nullptr;
}

std::optional<std::string> valueNamed(const TaxonomyField& field, const std::string& value) {
    for (const auto& v : field.values)
        if (lower(v) == lower(value)) return v;
    return std::nullopt;
}

using Key = std::tuple<MappingSource, std::string, std::string>;

// Sets a choice's field and value from TARGET "FIELD:VALUE" or "FIELD" (then the choice's own value).
void mapChoiceTo(MappingEntry& e, const std::string& target, const std::vector<TaxonomyField>& fields) {
    const auto colon = target.find(':');
    const std::string key = target.substr(0, colon);
    const TaxonomyField* field = fieldNamed(fields, key);
    if (!field) {
        e.error = "'" + key + "' is not a taxonomy field";
        return;
    }
    const std::string wanted = colon == std::string::npos ? e.value : target.substr(colon + 1);
    const auto value = valueNamed(*field, wanted);
    if (!value) {
        std::string allowed;
        for (const auto& v : field->values) allowed += (allowed.empty() ? "" : ", ") + v;
        e.error = "'" + wanted + "' is not a value of field '" + field->key + "' (values: " + allowed + ")";
        return;
    }
    e.field = field->key;
    e.fieldValue = *value;
}

void applyRule(MappingEntry& e, const std::string& target, const std::vector<TaxonomyField>& fields) {
    e.byRule = true;
    if (target == "ignore") e.ignored = true;
    else if (target == "spans") e.toSpans = e.kind == MappingSource::SpanLabel;
    else if (target == "rewrite") e.toRewrite = e.kind == MappingSource::Text;
    else if (e.kind == MappingSource::Choice) mapChoiceTo(e, target, fields);
    if (e.error.empty() && !e.ignored && !e.toSpans && !e.toRewrite && e.field.empty())
        e.error = "cannot become '" + target + "' (choices map to FIELD[:VALUE], span labels to spans, texts to rewrite)";
}

void applyDefault(MappingEntry& e, const std::vector<TaxonomyField>& fields) {
    if (e.kind == MappingSource::SpanLabel) {
        e.toSpans = true;
        return;
    }
    if (e.kind == MappingSource::Text) {
        e.toRewrite = true;
        return;
    }
    if (const TaxonomyField* field = fieldNamed(fields, e.control)) {
        mapChoiceTo(e, field->key, fields);
        if (e.error.empty()) return;
        e.error += " (hint: --map '" + e.control + "/" + e.value + "=" + field->key + ":VALUE')";
        return;
    }
    std::vector<const TaxonomyField*> holders;
    for (const auto& f : fields)
        if (valueNamed(f, e.value)) holders.push_back(&f);
    if (holders.size() == 1) {
        mapChoiceTo(e, holders.front()->key, fields);
        return;
    }
    if (holders.empty()) {
        e.error = "no taxonomy field has the value '" + e.value + "' (hint: --map '" + e.value +
                  "=FIELD:VALUE' or --map '" + e.value + "=ignore')";
        return;
    }
    std::string names;
    for (const auto* f : holders) names += (names.empty() ? "" : ", ") + f->key;
    e.error = "'" + e.value + "' is a value of several fields (" + names + ") (hint: --map '" + e.value +
              "=FIELD:VALUE')";
}

std::string sourceName(const MappingEntry& e) {
    switch (e.kind) {
    case MappingSource::Choice: return e.control + "/" + e.value;
    case MappingSource::SpanLabel: return "span label " + e.value;
    case MappingSource::Text: return e.control;
    }
    return {};
}

}  // namespace

MappingRule parseMappingRule(const std::string& spec) {
    const auto eq = spec.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
        throw core::InputError("", 0, "--map", "'" + spec + "' is not SOURCE=TARGET (e.g. Offensive=toxicity:High)");
    return {spec.substr(0, eq), spec.substr(eq + 1)};
}

std::string mappingTargetText(const MappingEntry& e) {
    if (!e.error.empty()) return e.error;
    if (e.ignored) return "ignored";
    if (e.toSpans) return "biased-word spans";
    if (e.toRewrite) return "rewrite";
    return e.field + " = " + e.fieldValue;
}

MappingPlan planLabelMapping(Database& db, const core::ExternalFile& file, const std::vector<MappingRule>& rules) {
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    const auto fields = taxonomyFields(taxonomy.json, taxonomy.version);
    std::map<Key, MappingEntry> entries;
    const auto count = [&](MappingSource kind, const std::string& control, const std::string& value) {
        MappingEntry& e = entries[{kind, control, value}];
        e.kind = kind;
        e.control = control;
        e.value = value;
        ++e.count;
    };
    MappingPlan plan;
    for (const auto& task : file.tasks) {
        ++plan.tasks;
        if (task.text.empty())
            plan.problems.push_back({file.path, task.line, task.where, "the text is empty; the task cannot become an item"});
        for (const auto& a : task.annotations) {
            ++plan.annotations;
            for (const auto& c : a.choices) count(MappingSource::Choice, c.control, c.value);
            for (const auto& s : a.spans) count(MappingSource::SpanLabel, "", s.label);
            for (const auto& t : a.texts) count(MappingSource::Text, t.control, "");
        }
    }
    std::set<std::string> usedRules;
    for (auto& [key, e] : entries) {
        const std::vector<std::string> names =
            e.kind == MappingSource::Choice ? std::vector<std::string>{e.control + "/" + e.value, e.value, e.control}
            : e.kind == MappingSource::SpanLabel ? std::vector<std::string>{e.value}
                                                 : std::vector<std::string>{e.control};
        const auto rule = std::find_if(rules.begin(), rules.end(), [&](const MappingRule& r) {
            return std::find(names.begin(), names.end(), r.source) != names.end();
        });
        if (rule != rules.end()) {
            usedRules.insert(rule->source);
            applyRule(e, rule->target, fields);
        } else {
            applyDefault(e, fields);
        }
        if (!e.error.empty())
            plan.problems.push_back({file.path, 0, sourceName(e),
                                     e.error + " (" + std::to_string(e.count) + " occurrence" + (e.count == 1 ? "" : "s") + ")"});
        plan.entries.push_back(e);
    }
    for (const auto& r : rules)
        if (!usedRules.count(r.source))
            plan.problems.push_back({file.path, 0, "--map", "'" + r.source + "=" + r.target + "' matches no label in the file"});
    return plan;
}

ExternalImportReport importExternalAnnotations(Project& project, const core::ExternalFile& file,
                                               const MappingPlan& plan, const std::string& dataset,
                                               const core::ProgressCallback& progress) {
    if (!plan.ok()) throw core::InputError(plan.problems.front());
    Database& db = project.db();
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    const auto fields = taxonomyFields(taxonomy.json, taxonomy.version);
    std::map<Key, const MappingEntry*> byKey;
    for (const auto& e : plan.entries) byKey[{e.kind, e.control, e.value}] = &e;

    // Every record is built (and checked) before the first write.
    std::vector<core::ItemImportRecord> items;
    std::vector<core::AnnotationImportRecord> annotations;
    std::set<std::string> newTexts;
    for (const auto& task : file.tasks) {
        if (!itemByText(db, task.text) && newTexts.insert(task.text).second) {
            core::ItemImportRecord item;
            item.line = task.line;
            item.text = task.text;
            items.push_back(std::move(item));
        }
        for (size_t i = 0; i < task.annotations.size(); ++i) {
            const auto& a = task.annotations[i];
            const std::string where = task.where + ", annotation " + std::to_string(i + 1);
            core::AnnotationImportRecord record;
            record.line = task.line;
            record.item = task.text;
            record.annotator = a.annotator;
            for (const auto& c : a.choices) {
                const MappingEntry& e = *byKey.at({MappingSource::Choice, c.control, c.value});
                if (e.ignored) continue;
                const TaxonomyField& field = *fieldNamed(fields, e.field);
                nlohmann::json& slot = record.labels[e.field];
                if (field.multi) {
                    if (!slot.is_array()) slot = nlohmann::json::array();
                    if (std::find(slot.begin(), slot.end(), e.fieldValue) == slot.end()) slot.push_back(e.fieldValue);
                } else if (slot.is_string() && slot != e.fieldValue) {
                    throw core::InputError(file.path, task.line, where,
                                           "field '" + e.field + "' takes one value but gets both '" +
                                               slot.get<std::string>() + "' and '" + e.fieldValue + "'");
                } else {
                    slot = e.fieldValue;
                }
            }
            for (const auto& s : a.spans)
                if (byKey.at({MappingSource::SpanLabel, "", s.label})->toSpans) record.spans.push_back(s.span);
            std::sort(record.spans.begin(), record.spans.end(),
                      [](const core::Span& x, const core::Span& y) { return std::tie(x.start, x.end) < std::tie(y.start, y.end); });
            for (const auto& t : a.texts)
                if (byKey.at({MappingSource::Text, t.control, ""})->toRewrite && !t.text.empty() && !record.rewrite)
                    record.rewrite = t.text;
            annotations.push_back(std::move(record));
        }
    }
    ExternalImportReport report;
    report.warnings = file.warnings;
    Transaction tx(db);
    const auto before = listAnnotators(db).size();
    if (!items.empty()) {
        core::ItemListReader itemReader(file.path, std::move(items));
        report.itemsCreated = importItems(project, itemReader, dataset, nullptr).items;
    }
    core::AnnotationListReader annotationReader(file.path, std::move(annotations));
    const AnnotationImportReport saved = importAnnotations(project, annotationReader, progress);
    tx.commit();
    report.annotations = saved.annotations;
    report.routed = saved.routed;
    report.annotatorsCreated = static_cast<int64_t>(listAnnotators(db).size() - before);
    report.warnings.insert(report.warnings.end(), saved.warnings.begin(), saved.warnings.end());
    return report;
}

}  // namespace srllm::db
