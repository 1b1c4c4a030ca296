#include "db/agreement-report.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "core/common/diagnostics.h"
#include "core/stats/fleiss-kappa.h"
#include "core/stats/multi-select-agreement.h"
#include "core/stats/span-agreement.h"
#include "core/text/chrf.h"
#include "core/text/utf8-code-points.h"
#include "db/access.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/gold.h"
#include "db/items.h"
#include "db/taxonomy-fields.h"
#include "db/taxonomy-store.h"

namespace srllm::db {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Done annotations grouped by item, and the coder column of every annotator who has one.
struct DoneAnnotations {
    std::map<int64_t, std::vector<AnnotationRow>> byItem;
    std::map<int64_t, int64_t> coderColumn;  // annotator id -> column
    std::vector<std::string> coderNames;
};

DoneAnnotations loadDone(Database& db) {
    DoneAnnotations out;
    std::map<int64_t, std::string> names;
    for (const auto& a : listAnnotators(db)) names[a.id] = a.name;
    for (auto& row : doneAnnotationsForFigures(db)) {
        out.coderColumn.emplace(row.annotatorId, 0);
        out.byItem[row.itemId].push_back(std::move(row));
    }
    int64_t column = 0;
    for (auto& [id, col] : out.coderColumn) {
        col = column++;
        out.coderNames.push_back(names[id]);
    }
    return out;
}

// Point estimates with bootstrap intervals, counting every statistic computed for the progress callback.
class Estimator {
public:
    Estimator(const AgreementOptions& options, int64_t estimates)
        : m_options(options), m_total(estimates * (1 + std::max(options.resamples, 0))) {}

    Estimate operator()(int64_t units, const core::UnitStatistic& statistic) {
        const core::UnitStatistic counted = [&](const std::vector<int64_t>& idx) {
            tick();
            return statistic(idx);
        };
        Estimate e;
        std::vector<int64_t> all(static_cast<size_t>(units));
        std::iota(all.begin(), all.end(), 0);
        e.value = units > 0 ? counted(all) : kNaN;
        e.ci = {kNaN, kNaN, 0};
        if (m_options.resamples > 0 && units > 0)
            e.ci = core::bootstrapInterval(units, counted, {m_options.resamples, m_options.seed, 0.95});
        m_done = m_finished += 1 + std::max(m_options.resamples, 0);  // estimates without units skip their work
        return e;
    }

private:
    void tick() {
        ++m_done;
        if (m_options.progress && m_done % 64 == 0 && !m_options.progress(std::min(m_done, m_total), m_total))
            throw core::InputError("", 0, "", "agreement cancelled");
    }

    const AgreementOptions& m_options;
    int64_t m_total = 0, m_done = 0, m_finished = 0;
};

// Elementwise mean of pairwise matrices over the values where a pair's kappa is defined.
core::PairwiseKappa meanPairwise(const std::vector<core::PairwiseKappa>& perValue, size_t coders) {
    core::PairwiseKappa out{std::vector<std::vector<double>>(coders, std::vector<double>(coders, kNaN)),
                            std::vector<std::vector<int64_t>>(coders, std::vector<int64_t>(coders, 0))};
    for (size_t a = 0; a < coders; ++a)
        for (size_t b = 0; b < coders; ++b) {
            double sum = 0;
            int defined = 0;
            for (const auto& m : perValue) {
                out.shared[a][b] = m.shared[a][b];
                if (std::isnan(m.kappa[a][b])) continue;
                sum += m.kappa[a][b];
                ++defined;
            }
            if (defined > 0) out.kappa[a][b] = sum / defined;
        }
    return out;
}

FieldAgreement fieldAgreement(const TaxonomyField& field, const DoneAnnotations& done, Estimator& estimate) {
    FieldAgreement out;
    out.key = field.key;
    out.multi = field.multi;
    out.ordered = field.ordered && !field.multi;
    out.alphaMetric = out.ordered ? core::AlphaMetric::Ordinal : core::AlphaMetric::Nominal;
    out.coderNames = done.coderNames;
    const auto coders = static_cast<int64_t>(done.coderNames.size());
    core::MultiSelectTable rows;  // single fields use it too, with one index per cell
    std::vector<char> seen(static_cast<size_t>(coders), 0);
    for (const auto& [itemId, annotations] : done.byItem) {
        std::vector<std::optional<std::vector<int>>> row(static_cast<size_t>(coders));
        int valid = 0;
        for (const auto& a : annotations) {
            auto indices = labelIndices(field, a.labels);
            if (!indices) {
                if (a.labels.contains(field.key)) ++out.invalidLabels;
                continue;
            }
            row[static_cast<size_t>(done.coderColumn.at(a.annotatorId))] = std::move(indices);
            ++valid;
        }
        if (valid < 2) continue;
        for (size_t c = 0; c < row.size(); ++c) seen[c] |= row[c].has_value();
        rows.push_back(std::move(row));
    }
    out.items = static_cast<int64_t>(rows.size());
    out.annotators = std::count(seen.begin(), seen.end(), 1);
    const auto valueCount = static_cast<int>(field.values.size());

    if (field.multi) {
        const auto subset = [&](const std::vector<int64_t>& units) {
            core::MultiSelectTable sub;
            sub.reserve(units.size());
            for (int64_t u : units) sub.push_back(rows[static_cast<size_t>(u)]);
            return sub;
        };
        const auto meanOf = [&](const std::function<double(const core::RatingsTable&)>& statistic) {
            return [&, statistic](const std::vector<int64_t>& units) {
                return core::multiSelectAgreement(subset(units), coders, valueCount, statistic).mean;
            };
        };
        const auto alphaNominal = [](const core::RatingsTable& t) {
            return core::krippendorffAlpha(t, core::AlphaMetric::Nominal);
        };
        out.fleissKappa = estimate(out.items, meanOf(core::fleissKappa));
        out.alpha = estimate(out.items, meanOf(alphaNominal));
        out.alphaNominal = out.alpha;
        std::vector<core::PairwiseKappa> perValue;
        for (int v = 0; v < valueCount; ++v)
            perValue.push_back(core::pairwiseCohenKappa(core::binaryTableForValue(rows, coders, v)));
        out.cohen = meanPairwise(perValue, static_cast<size_t>(coders));
        return out;
    }

    core::RatingsTable table(out.items, coders);
    for (size_t u = 0; u < rows.size(); ++u)
        for (size_t c = 0; c < rows[u].size(); ++c)
            if (rows[u][c]) table.set(static_cast<int64_t>(u), static_cast<int64_t>(c), rows[u][c]->front());
    const auto onUnits = [&](double (*statistic)(const core::RatingsTable&, core::AlphaMetric),
                             core::AlphaMetric metric) {
        return [&table, statistic, metric](const std::vector<int64_t>& units) {
            return statistic(table.selectUnits(units), metric);
        };
    };
    out.fleissKappa = estimate(
        out.items, [&](const std::vector<int64_t>& units) { return core::fleissKappa(table.selectUnits(units)); });
    out.alpha = estimate(out.items, onUnits(core::krippendorffAlpha, out.alphaMetric));
    out.alphaNominal = out.alphaMetric == core::AlphaMetric::Nominal
                           ? out.alpha
                           : estimate(out.items, onUnits(core::krippendorffAlpha, core::AlphaMetric::Nominal));
    out.cohen = core::pairwiseCohenKappa(table);
    return out;
}

RewriteAgreement rewriteAgreement(const DoneAnnotations& done, Estimator& estimate) {
    std::vector<double> perItem;
    for (const auto& [itemId, annotations] : done.byItem) {
        std::vector<std::string> rewrites;
        for (const auto& a : annotations)
            if (a.rewrite && a.rewrite->find_first_not_of(" \t\r\n") != std::string::npos)
                rewrites.push_back(*a.rewrite);
        if (rewrites.size() >= 2) perItem.push_back(core::meanPairwiseChrf(rewrites));
    }
    RewriteAgreement out;
    out.items = static_cast<int64_t>(perItem.size());
    out.meanPairwiseChrf = estimate(
        out.items,
        [&](const std::vector<int64_t>& units) {
            double sum = 0;
            for (int64_t u : units) sum += perItem[static_cast<size_t>(u)];
            return sum / static_cast<double>(units.size());
        });
    return out;
}

SpanAgreementSummary spanSummary(Database& db, const DoneAnnotations& done, Estimator& estimate) {
    std::vector<core::SpanUnit> units;
    for (const auto& [itemId, annotations] : done.byItem) {
        if (annotations.size() < 2) continue;
        const auto item = itemById(db, itemId);
        if (!item) continue;
        core::SpanUnit unit{static_cast<int64_t>(core::decodeUtf8(item->text).size()), {}};
        for (const auto& a : annotations) {
            std::vector<core::MarkedRange> ranges;
            for (const auto& s : a.spans) ranges.push_back({s.start, s.end});
            unit.coders.emplace_back(std::move(ranges));
        }
        units.push_back(std::move(unit));
    }
    const auto contributions = core::spanContributions(units);
    SpanAgreementSummary out;
    out.items = static_cast<int64_t>(units.size());
    out.alpha = estimate(
        out.items,
        [&](const std::vector<int64_t>& idx) { return core::combineSpanContributions(contributions, idx).alpha; });
    std::vector<int64_t> all(units.size());
    std::iota(all.begin(), all.end(), 0);
    const core::SpanAgreement whole = core::combineSpanContributions(contributions, all);
    out.meanPairwiseF1 = whole.meanPairwiseF1;
    out.pairs = whole.pairs;
    return out;
}

std::vector<AnnotatorAgreement> annotatorAgreement(Database& db, const DoneAnnotations& done,
                                                   const std::vector<TaxonomyField>& fields) {
    std::map<int64_t, GoldRow> gold;
    for (auto& g : goldForFigures(db)) gold.emplace(g.itemId, std::move(g));
    std::vector<AnnotatorAgreement> out;
    for (const auto& annotator : listAnnotators(db)) {
        if (isBlind(db) && annotator.id != readerId(db)) continue;  // a blind reader sees only their own row
        AnnotatorAgreement a{annotator.id, annotator.name, annotator.role, 0, kNaN, 0, kNaN, 0, kNaN};
        double seconds = 0;
        int64_t compared = 0, matched = 0, expertCompared = 0, expertMatched = 0;
        for (const auto& [itemId, annotations] : done.byItem)
            for (const auto& row : annotations) {
                if (row.annotatorId != annotator.id) continue;
                ++a.items;
                seconds += row.seconds;
                const auto g = gold.find(itemId);
                if (g == gold.end()) continue;
                const bool expert = g->second.provenance == "expert";
                ++a.goldItems;
                a.expertGoldItems += expert ? 1 : 0;
                for (const auto& field : fields) {
                    const auto mine = labelIndices(field, row.labels);
                    const auto decided = labelIndices(field, g->second.labels);
                    if (!mine || !decided) continue;
                    ++compared;
                    matched += *mine == *decided ? 1 : 0;
                    expertCompared += expert ? 1 : 0;
                    expertMatched += (expert && *mine == *decided) ? 1 : 0;
                }
            }
        if (a.items > 0) a.meanSeconds = seconds / static_cast<double>(a.items);
        if (compared > 0) a.goldAgreement = static_cast<double>(matched) / static_cast<double>(compared);
        if (expertCompared > 0)
            a.expertGoldAgreement = static_cast<double>(expertMatched) / static_cast<double>(expertCompared);
        out.push_back(std::move(a));
    }
    return out;
}

nlohmann::json number(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }

nlohmann::json interval(const core::ConfidenceInterval& ci) {
    if (std::isnan(ci.lo) || std::isnan(ci.hi)) return nullptr;
    return nlohmann::json::array({ci.lo, ci.hi});
}

}  // namespace

AgreementReport agreementReport(Database& db, const AgreementOptions& options) {
    const TaxonomyRow taxonomy = currentTaxonomy(db);
    const auto fields = taxonomyFields(taxonomy.json, taxonomy.version);
    const DoneAnnotations done = loadDone(db);
    AgreementReport report;
    report.taxonomyVersion = taxonomy.version;
    report.options = options;
    report.options.progress = nullptr;
    int64_t estimates = 2;  // rewrites and spans
    for (const auto& field : fields) estimates += field.ordered && !field.multi ? 3 : 2;
    Estimator estimate(options, estimates);
    for (const auto& field : fields) report.fields.push_back(fieldAgreement(field, done, estimate));
    report.rewrites = rewriteAgreement(done, estimate);
    report.spans = spanSummary(db, done, estimate);
    report.annotators = annotatorAgreement(db, done, fields);
    report.suggestions = suggestionAcceptance(db);
    return report;
}

nlohmann::json toJson(const AgreementReport& report) {
    nlohmann::json out;
    out["taxonomy_version"] = report.taxonomyVersion;
    out["bootstrap"] = {{"resamples", report.options.resamples}, {"seed", report.options.seed}};
    out["fields"] = nlohmann::json::array();
    for (const auto& f : report.fields) {
        nlohmann::json cohen = {{"annotators", f.coderNames}, {"shared", f.cohen.shared}};
        cohen["kappa"] = nlohmann::json::array();
        for (const auto& row : f.cohen.kappa) {
            nlohmann::json r = nlohmann::json::array();
            for (double v : row) r.push_back(number(v));
            cohen["kappa"].push_back(r);
        }
        out["fields"].push_back({{"key", f.key}, {"type", f.multi ? "multi" : "single"}, {"ordered", f.ordered},
                                 {"items", f.items}, {"annotators", f.annotators},
                                 {"invalid_labels", f.invalidLabels},
                                 {"fleiss_kappa", number(f.fleissKappa.value)},
                                 {"fleiss_kappa_ci95", interval(f.fleissKappa.ci)},
                                 {"alpha_metric", core::alphaMetricName(f.alphaMetric)},
                                 {"krippendorff_alpha", number(f.alpha.value)},
                                 {"krippendorff_alpha_ci95", interval(f.alpha.ci)},
                                 {"krippendorff_alpha_nominal", number(f.alphaNominal.value)},
                                 {"krippendorff_alpha_nominal_ci95", interval(f.alphaNominal.ci)},
                                 {"cohen_kappa", cohen}});
    }
    out["rewrites"] = {{"items", report.rewrites.items},
                       {"mean_pairwise_chrf", number(report.rewrites.meanPairwiseChrf.value)},
                       {"ci95", interval(report.rewrites.meanPairwiseChrf.ci)}};
    out["spans"] = {{"items", report.spans.items}, {"method", "code-point krippendorff alpha (nominal)"},
                    {"alpha", number(report.spans.alpha.value)}, {"ci95", interval(report.spans.alpha.ci)},
                    {"mean_pairwise_f1", number(report.spans.meanPairwiseF1)}, {"pairs", report.spans.pairs}};
    out["suggestions"] = nlohmann::json::array();
    for (const auto& s : report.suggestions)
        out["suggestions"].push_back({{"source", s.source}, {"shown", s.shown},
                                      {"labels_suggested", s.labelsSuggested}, {"labels_accepted", s.labelsAccepted},
                                      {"rewrites_suggested", s.rewritesSuggested},
                                      {"rewrites_accepted", s.rewritesAccepted}, {"spans_suggested", s.spansSuggested},
                                      {"spans_accepted", s.spansAccepted}});
    out["annotators"] = nlohmann::json::array();
    for (const auto& a : report.annotators)
        out["annotators"].push_back({{"name", a.name}, {"role", a.role}, {"items", a.items},
                                     {"mean_seconds", number(a.meanSeconds)}, {"gold_items", a.goldItems},
                                     {"gold_agreement", number(a.goldAgreement)},
                                     {"expert_gold_items", a.expertGoldItems},
                                     {"expert_gold_agreement", number(a.expertGoldAgreement)}});
    return out;
}

}  // namespace srllm::db
