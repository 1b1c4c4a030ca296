#include "db/metric-values.h"

#include <stdexcept>

#include "core/eval/evaluation-table.h"
#include "db/database.h"
#include "db/stored-json.h"

namespace srllm::db {

namespace {

constexpr const char* kUpsert =
    "INSERT INTO metric_values(subject_kind, subject_id, generation_run_id, metric, metric_version, scorer_hash,"
    " value, details) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    " ON CONFLICT (subject_kind, subject_id, metric, metric_version, scorer_hash)"
    " DO UPDATE SET value = excluded.value, details = excluded.details, generation_run_id = excluded.generation_run_id,"
    " created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

void bindValue(Statement& st, int index, const std::optional<double>& value) {
    if (value) st.bind(index, *value);
    else st.bind(index, std::nullopt);
}

std::optional<std::string> detailsText(const nlohmann::json& details) {
    if (details.is_null()) return std::nullopt;
    return details.dump();
}

std::optional<double> columnValue(const Statement& st, int column) {
    if (st.columnIsNull(column)) return std::nullopt;
    return st.columnDouble(column);
}

// Without a transaction of its own: callers hold one.
void insertOutputValues(Database& db, int64_t runId, const MetricKey& key, const std::vector<PositionValue>& values) {
    auto generation = db.prepare("SELECT id FROM generations WHERE generation_run_id = ?1 AND position = ?2");
    auto upsert = db.prepare(kUpsert);
    for (const auto& v : values) {
        generation.bind(1, runId).bind(2, v.position);
        if (!generation.step())
            throw DbError(db.path() + ": generation run " + std::to_string(runId) + " has no output at position " +
                          std::to_string(v.position) + " for metric '" + key.metric + "'");
        const int64_t generationId = generation.columnInt(0);
        generation.reset();
        upsert.bind(1, "generation").bind(2, generationId).bind(3, runId).bind(4, key.metric).bind(5, key.version);
        upsert.bind(6, key.scorerHash);
        bindValue(upsert, 7, v.value);
        upsert.bind(8, detailsText(v.details)).run();
        upsert.reset();
    }
}

void insertRunValues(Database& db, const std::vector<RunValues>& runs) {
    for (const auto& run : runs) {
        for (const auto& [key, values] : run.outputs) insertOutputValues(db, run.runId, key, values);
        for (const auto& value : run.summary) storeRunSummary(db, run.runId, value);
    }
}

std::string evaluationName(const Statement& st) { return "evaluation " + std::to_string(st.columnInt(0)); }

std::vector<int64_t> evaluationRunIds(const Statement& st) { return storedIntegers(st, 1, "run ids of " + evaluationName(st)); }

// `runIds`: the row's run ids, read once by the caller (evaluationOfRuns compares them before anything else).
nlohmann::json evaluationRow(Statement& st, std::vector<int64_t> runIds) {
    const std::string where = evaluationName(st);
    auto result = storedJson(st, 3, "result of " + where);
    try {
        core::checkEvaluationTable(result);  // the GUI and the report read it without further checks
    } catch (const std::invalid_argument& e) {
        throwDamaged(st, "result of " + where, e.what());
    }
    return nlohmann::json{{"id", st.columnInt(0)},
                          {"run_ids", std::move(runIds)},
                          {"scorer_hash", st.columnText(2)},
                          {"result", std::move(result)},
                          {"created_at", st.columnText(4)}};
}

}  // namespace

void storeOutputMetric(Database& db, int64_t runId, const MetricKey& key, const std::vector<PositionValue>& values) {
    Transaction tx(db);
    insertOutputValues(db, runId, key, values);
    tx.commit();
}

void storeRunSummary(Database& db, int64_t runId, const SummaryValue& value) {
    auto upsert = db.prepare(kUpsert);
    upsert.bind(1, "generation_run").bind(2, runId).bind(3, runId).bind(4, value.key.metric);
    upsert.bind(5, value.key.version).bind(6, value.key.scorerHash);
    bindValue(upsert, 7, value.value);
    upsert.bind(8, detailsText(value.details)).run();
}

std::vector<MetricKey> runMetricKeys(Database& db, int64_t runId) {
    auto st = db.prepare(
        "SELECT DISTINCT metric, metric_version, scorer_hash FROM metric_values"
        " WHERE generation_run_id = ?1 AND subject_kind = 'generation' ORDER BY 1, 2, 3");
    st.bind(1, runId);
    std::vector<MetricKey> keys;
    while (st.step()) keys.push_back({st.columnText(0), static_cast<int>(st.columnInt(1)), st.columnText(2)});
    return keys;
}

std::vector<std::optional<double>> runMetricSeries(Database& db, int64_t runId, const MetricKey& key) {
    auto st = db.prepare(
        "SELECT i.position, m.value FROM generation_run_items i"
        " LEFT JOIN generations g ON g.generation_run_id = i.run_id AND g.position = i.position"
        " LEFT JOIN metric_values m ON m.subject_kind = 'generation' AND m.subject_id = g.id AND m.metric = ?2"
        "  AND m.metric_version = ?3 AND m.scorer_hash = ?4"
        " WHERE i.run_id = ?1 ORDER BY i.position");
    st.bind(1, runId).bind(2, key.metric).bind(3, key.version).bind(4, key.scorerHash);
    std::vector<std::optional<double>> series;
    while (st.step()) series.push_back(columnValue(st, 1));
    return series;
}

std::vector<SummaryValue> runSummaryValues(Database& db, int64_t runId) {
    auto st = db.prepare(
        "SELECT metric, metric_version, scorer_hash, value, details FROM metric_values"
        " WHERE subject_kind = 'generation_run' AND subject_id = ?1 ORDER BY 1, 2, 3");
    st.bind(1, runId);
    std::vector<SummaryValue> values;
    while (st.step()) {
        values.push_back({{st.columnText(0), static_cast<int>(st.columnInt(1)), st.columnText(2)},
                          columnValue(st, 3),
                          !st.columnIsNull(4) ? storedJson(st, 4, "details of metric '" + st.columnText(0) + "' of run " + std::to_string(runId))
                                     : nlohmann::json()});
    }
    return values;
}

void storeValues(Database& db, const std::vector<RunValues>& runs) {
    Transaction tx(db);
    insertRunValues(db, runs);
    tx.commit();
}

int64_t storeEvaluation(Database& db, const std::vector<RunValues>& runs, const std::string& scorerHash,
                        const nlohmann::json& result) {
    Transaction tx(db);
    insertRunValues(db, runs);
    std::vector<int64_t> ids;
    for (const auto& run : runs) ids.push_back(run.runId);
    auto st = db.prepare("INSERT INTO evaluations(run_ids, scorer_hash, result) VALUES (?1, ?2, ?3)");
    st.bind(1, nlohmann::json(ids).dump()).bind(2, scorerHash).bind(3, result.dump()).run();
    const int64_t id = db.lastInsertId();
    tx.commit();
    return id;
}

std::optional<nlohmann::json> latestEvaluation(Database& db) {
    auto st = db.prepare("SELECT id, run_ids, scorer_hash, result, created_at FROM evaluations ORDER BY id DESC LIMIT 1");
    if (!st.step()) return std::nullopt;
    return evaluationRow(st, evaluationRunIds(st));
}

std::optional<nlohmann::json> evaluationOfRuns(Database& db, const std::vector<int64_t>& runIds) {
    auto st = db.prepare("SELECT id, run_ids, scorer_hash, result, created_at FROM evaluations ORDER BY id DESC");
    // Only the matching row's table is read and checked: a damaged evaluation of other runs does not block this one.
    while (st.step()) {
        auto ids = evaluationRunIds(st);
        if (ids == runIds) return evaluationRow(st, std::move(ids));
    }
    return std::nullopt;
}

}  // namespace srllm::db
