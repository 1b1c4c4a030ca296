#pragma once
// What the Evaluate mode and the report (#10) plot for a set of generation runs, read from the project in
// one go: the items (source, references, group), each run's outputs and per-output metric values, the
// before/after table of core/eval/evaluation-table.h (the one `srllm eval` stored when it covers exactly
// these runs in this order, else computed from the stored values by the same function) and the loss
// curves of runs made from a training run folder. Any thread: it touches only `db` and the run folders.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>

#include "ui/train/training-curves.h"

namespace srllm::db {
class Database;
}

namespace srllm::ui {

struct EvaluationRun {
    int64_t id = 0;
    QString name;
    QString kind;    // "original" | "model"
    QString jobDir;  // the training run folder it was generated from, or empty
    QStringList outputs;                                 // by position
    std::map<std::string, std::vector<double>> metrics;  // metric id -> value per position, NaN where undefined
    TrainingCurves curves;                               // jobDir/log.jsonl; empty without a run folder
};

struct EvaluationData {
    std::vector<EvaluationRun> runs;  // in the order asked for; the first is the baseline
    QStringList sources;              // by position
    std::vector<QStringList> references;
    QStringList groups;                         // "" for none
    std::vector<std::optional<int64_t>> itemIds;  // the project item, nullopt for a benchmark line
    nlohmann::json table;                       // {"baseline", "n", "rows", "tests"}, see evaluationTable()
    QString scorerHash;                         // of the stored evaluation used, or of the stored risk values

    int itemCount() const { return int(sources.size()); }
    // The run's values of `metric` (one per position), or nullptr when the run has none stored.
    const std::vector<double>* metric(size_t run, const std::string& id) const;
    // Metric ids every run has with some defined value, in display order (risks, quality, fluency,
    // complexity, style).
    std::vector<std::string> commonMetrics() const;
    // The table cell {"value","lo","hi","n"} of a run (e.g. "toxicity_percent"), or null.
    nlohmann::json cell(size_t run, const std::string& key) const;
};

// Loads the runs (ids in the order wanted, the baseline first). Throws core::InputError naming the run
// when one is unknown, lacks outputs, or was made over another test set than the first (no pairing).
EvaluationData loadEvaluationData(db::Database& db, const std::vector<int64_t>& runIds);

// A metric id as people read it ("risk-toxicity" -> "Toxicity probability"), translated.
QString metricTitle(const std::string& metric);

}  // namespace srllm::ui
