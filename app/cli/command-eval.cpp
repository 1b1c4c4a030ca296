// `srllm eval PROJECT --runs A,B,... --scorer DIR [--json]`: every per-output metric of each generation
// run (core/eval/output-metrics.h), stored in the project keyed by metric version and scorer hash, then
// the before/after table (core/eval/evaluation-table.h) printed and stored. The first run is the
// baseline the others are tested against (make it the original texts: `generate-run --original`).
// Every run is checked before anything is stored: an unknown name, a run without all its outputs, or
// runs over different test sets change nothing.
#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "core/common/diagnostics.h"
#include "core/eval/evaluation-table.h"
#include "db/generation-runs.h"
#include "db/metric-values.h"
#include "db/project.h"

namespace srllm::cli {

namespace {

struct EvalOptions {
    std::string project, runs, scorer;
    bool json = false;
};

std::vector<std::string> splitNames(const std::string& list) {
    std::vector<std::string> names;
    std::stringstream in(list);
    for (std::string name; std::getline(in, name, ',');)
        if (!name.empty()) names.push_back(name);
    return names;
}

core::EvaluatedRun loadRun(db::Database& db, const db::GenerationRunRow& run) {
    core::EvaluatedRun out;
    out.name = run.spec.name;
    for (auto& row : db::runOutputs(db, run.id)) {
        out.set.outputs.push_back(*row.output);
        out.set.sources.push_back(row.item.source);
        out.set.references.push_back(row.item.references);
        out.groups.push_back(row.item.group);
    }
    return out;
}

std::vector<std::pair<db::MetricKey, std::vector<db::PositionValue>>> outputValues(
    const std::vector<core::MetricColumn>& columns, const std::string& scorerHash) {
    std::vector<std::pair<db::MetricKey, std::vector<db::PositionValue>>> out;
    for (const auto& column : columns) {
        std::vector<db::PositionValue> values;
        for (size_t i = 0; i < column.values.size(); ++i)
            values.push_back({static_cast<int64_t>(i),
                              std::isnan(column.values[i]) ? std::nullopt : std::optional<double>(column.values[i]), nullptr});
        out.emplace_back(db::MetricKey{column.metric, column.version, column.usesScorer ? scorerHash : ""}, std::move(values));
    }
    return out;
}

// A row's cells as summary values; the risk rates are keyed by the scorer that flagged them.
std::vector<db::SummaryValue> summaryValues(const nlohmann::json& cells, const std::vector<core::MetricColumn>& columns,
                                            const std::string& scorerHash) {
    std::vector<db::SummaryValue> out;
    for (const auto& [key, c] : cells.items()) {
        bool fromScorer = false;
        for (const auto& column : columns)
            fromScorer = fromScorer || (column.usesScorer && key == column.metric.substr(5) + "_percent");
        out.push_back({{key, 1, fromScorer ? scorerHash : ""},
                       c["value"].is_null() ? std::nullopt : std::optional<double>(c["value"].get<double>()), c});
    }
    return out;
}

// Perplexity under the base model comes from `srllm fluency` (it needs the engine): shown when every run
// has it from one and the same model.
void addStoredBasePerplexity(db::Database& db, const std::vector<db::GenerationRunRow>& runs,
                             std::vector<core::EvaluatedRun>& evaluated) {
    std::optional<db::MetricKey> common;
    for (const auto& run : runs) {
        std::optional<db::MetricKey> found;
        for (const auto& key : db::runMetricKeys(db, run.id))
            if (key.metric == db::kBasePerplexityMetric) found = key;
        if (!found || (common && !(*common == *found))) return;
        common = found;
    }
    for (size_t r = 0; r < runs.size(); ++r) {
        core::MetricColumn column{common->metric, common->version, false, {}};
        for (const auto& v : db::runMetricSeries(db, runs[r].id, *common)) column.values.push_back(v.value_or(NAN));
        evaluated[r].columns.push_back(std::move(column));
    }
}

void runEval(const EvalOptions& o) {
    auto project = db::Project::open(o.project);
    auto& db = project->db();
    const auto runs = db::pairableRuns(db, splitNames(o.runs));
    const core::TextMetricsEngine metrics;
    const auto scorer = core::RiskScorer::load(o.scorer);
    std::vector<core::EvaluatedRun> evaluated;
    std::vector<db::RunValues> values;
    for (const auto& run : runs) {
        evaluated.push_back(loadRun(db, run));
        evaluated.back().columns = core::outputMetrics(evaluated.back().set, metrics, &scorer);
        values.push_back({run.id, outputValues(evaluated.back().columns, scorer.contentHash()), {}});
    }
    addStoredBasePerplexity(db, runs, evaluated);
    auto table = core::evaluationTable(evaluated);
    table["scorer"] = scorer.provenance();
    table["runs"] = nlohmann::json::array();
    for (size_t r = 0; r < runs.size(); ++r) {
        values[r].summary = summaryValues(table["rows"][r]["cells"], evaluated[r].columns, scorer.contentHash());
        table["runs"].push_back({{"name", runs[r].spec.name}, {"id", runs[r].id}, {"kind", runs[r].spec.kind},
                                 {"model_hash", runs[r].spec.modelHash ? nlohmann::json(*runs[r].spec.modelHash) : nlohmann::json()},
                                 {"test_set", runs[r].spec.testSet}, {"decoding", runs[r].spec.decoding}});
    }
    table["evaluation_id"] = db::storeEvaluation(db, values, scorer.contentHash(), table);
    if (o.json) std::printf("%s\n", table.dump().c_str());
    else std::printf("%s", core::formatEvaluationTable(table).c_str());
}

const RegisterCommand kRegister{"eval", [](CLI::App& root) {
    auto* command = root.add_subcommand("eval", "Score generation runs and print the before/after table with tests");
    auto options = std::make_shared<EvalOptions>();
    command->add_option("PROJECT", options->project, "the .srllm project")->required()->check(CLI::ExistingFile);
    command->add_option("--runs", options->runs, "generation runs, comma-separated; the first is the baseline")->required();
    command->add_option("--scorer", options->scorer, "risk scorer folder (srllm scorer train)")->required();
    command->add_flag("--json", options->json, "the table as one JSON object");
    command->callback([options] { runEval(*options); });
}};

}  // namespace

}  // namespace srllm::cli
