#include "ui/evaluate/evaluation-data.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>

#include "core/common/diagnostics.h"
#include "core/eval/evaluation-table.h"
#include "db/generation-runs.h"
#include "db/metric-values.h"

namespace srllm::ui {

namespace {

// NOTE: the order of the metric panels; ids as core/eval/output-metrics.cpp stores them. The context has
// no namespace: ui/main/app-language looks contexts up without "srllm::ui::".
const std::vector<std::pair<const char*, const char*>> kMetricTitles = {
    {"risk-toxicity", QT_TRANSLATE_NOOP("EvaluationData", "Toxicity probability")},
    {"risk-bias", QT_TRANSLATE_NOOP("EvaluationData", "Bias probability")},
    {"risk-harm", QT_TRANSLATE_NOOP("EvaluationData", "Harm probability")},
    {"risk-unsafe", QT_TRANSLATE_NOOP("EvaluationData", "Unsafe probability")},
    {"chrf-source", QT_TRANSLATE_NOOP("EvaluationData", "chrF against the source")},
    {"bleu-source", QT_TRANSLATE_NOOP("EvaluationData", "BLEU against the source")},
    {"chrf-reference", QT_TRANSLATE_NOOP("EvaluationData", "chrF against the references")},
    {"bleu-reference", QT_TRANSLATE_NOOP("EvaluationData", "BLEU against the references")},
    {"lm-perplexity", QT_TRANSLATE_NOOP("EvaluationData", "Trigram perplexity")},
    {"base-perplexity", QT_TRANSLATE_NOOP("EvaluationData", "Perplexity under the base model")},
    {"flesch-reading-ease", QT_TRANSLATE_NOOP("EvaluationData", "Flesch reading ease")},
    {"flesch-kincaid-grade", QT_TRANSLATE_NOOP("EvaluationData", "Flesch–Kincaid grade")},
    {"gunning-fog", QT_TRANSLATE_NOOP("EvaluationData", "Gunning fog")},
    {"smog", QT_TRANSLATE_NOOP("EvaluationData", "SMOG")},
    {"coleman-liau", QT_TRANSLATE_NOOP("EvaluationData", "Coleman–Liau")},
    {"ari", QT_TRANSLATE_NOOP("EvaluationData", "ARI")},
    {"vader-compound", QT_TRANSLATE_NOOP("EvaluationData", "VADER compound sentiment")},
    {"clen", QT_TRANSLATE_NOOP("EvaluationData", "CLEN (word-length entropy)")},
    {"words", QT_TRANSLATE_NOOP("EvaluationData", "Words")},
};

bool isRisk(const std::string& metric) { return metric.rfind("risk-", 0) == 0; }

// One key per metric id: the scorer of the latest evaluation when it stored one, else the newest key.
std::map<std::string, db::MetricKey> chosenKeys(const std::vector<db::MetricKey>& keys, const std::string& scorerHash) {
    std::map<std::string, db::MetricKey> chosen;
    for (const auto& key : keys) {
        auto it = chosen.find(key.metric);
        if (it == chosen.end() || key.scorerHash == scorerHash || (it->second.scorerHash != scorerHash && key.version >= it->second.version))
            chosen[key.metric] = key;
    }
    return chosen;
}

// The same function `srllm eval` uses, over the stored per-output values.
nlohmann::json computedTable(const EvaluationData& data) {
    std::vector<core::EvaluatedRun> runs;
    for (const auto& run : data.runs) {
        core::EvaluatedRun evaluated;
        evaluated.name = run.name.toStdString();
        for (int i = 0; i < data.itemCount(); ++i) {
            evaluated.set.outputs.push_back(run.outputs[i].toStdString());
            evaluated.set.sources.push_back(data.sources[i].toStdString());
            std::vector<std::string> references;
            for (const auto& r : data.references[size_t(i)]) references.push_back(r.toStdString());
            evaluated.set.references.push_back(std::move(references));
            evaluated.groups.push_back(data.groups[i].toStdString());
        }
        for (const auto& [metric, values] : run.metrics) evaluated.columns.push_back({metric, 1, isRisk(metric), values});
        runs.push_back(std::move(evaluated));
    }
    return core::evaluationTable(runs);
}

}  // namespace

const std::vector<double>* EvaluationData::metric(size_t run, const std::string& id) const {
    if (run >= runs.size()) return nullptr;
    const auto it = runs[run].metrics.find(id);
    return it == runs[run].metrics.end() ? nullptr : &it->second;
}

std::vector<std::string> EvaluationData::commonMetrics() const {
    std::vector<std::string> out;
    for (const auto& [id, title] : kMetricTitles) {
        bool everyRun = !runs.empty();
        for (size_t r = 0; r < runs.size(); ++r)  // stored, and defined for some output (an untrained risk is all null)
            everyRun = everyRun && metric(r, id) && std::any_of(metric(r, id)->begin(), metric(r, id)->end(), [](double v) { return !std::isnan(v); });
        if (everyRun) out.push_back(id);
    }
    return out;
}

nlohmann::json EvaluationData::cell(size_t run, const std::string& key) const {
    if (!table.is_object() || run >= table["rows"].size()) return nullptr;
    return table["rows"][run]["cells"].value(key, nlohmann::json());
}

EvaluationData loadEvaluationData(db::Database& db, const std::vector<int64_t>& runIds) {
    std::vector<std::string> names;
    for (const auto id : runIds) {
        const auto row = db::generationRunById(db, id);
        if (!row) throw core::InputError("", 0, "runs", std::string("no generation run with id ").append(std::to_string(id)));
        names.push_back(row->spec.name);
    }
    const auto rows = db::pairableRuns(db, names);
    const auto stored = db::latestEvaluation(db);
    std::vector<int64_t> storedIds;
    std::string scorerHash;
    if (stored) {
        storedIds = (*stored)["run_ids"].get<std::vector<int64_t>>();
        scorerHash = (*stored)["scorer_hash"].get<std::string>();
    }
    EvaluationData data;
    data.scorerHash = QString::fromStdString(scorerHash);
    for (const auto& row : rows) {
        EvaluationRun run;
        run.id = row.id;
        run.name = QString::fromStdString(row.spec.name);
        run.kind = QString::fromStdString(row.spec.kind);
        run.jobDir = QString::fromStdString(row.spec.jobDir.value_or(""));
        const bool first = data.runs.empty();
        for (const auto& output : db::runOutputs(db, row.id)) {
            run.outputs << QString::fromStdString(output.output.value_or(""));
            if (!first) continue;
            data.sources << QString::fromStdString(output.item.source);
            QStringList references;
            for (const auto& r : output.item.references) references << QString::fromStdString(r);
            data.references.push_back(references);
            data.groups << QString::fromStdString(output.item.group);
            data.itemIds.push_back(output.item.itemId);
        }
        for (const auto& [metric, key] : chosenKeys(db::runMetricKeys(db, row.id), scorerHash)) {
            auto& values = run.metrics[metric];
            for (const auto& v : db::runMetricSeries(db, row.id, key)) values.push_back(v.value_or(NAN));
        }
        if (!run.jobDir.isEmpty()) run.curves = TrainingCurves::fromLog(run.jobDir);
        data.runs.push_back(std::move(run));
    }
    data.table = stored && storedIds == runIds ? (*stored)["result"] : computedTable(data);
    return data;
}

QString metricTitle(const std::string& metric) {
    for (const auto& [id, title] : kMetricTitles)
        if (metric == id) return QCoreApplication::translate("EvaluationData", title);
    return QString::fromStdString(metric);
}

}  // namespace srllm::ui
