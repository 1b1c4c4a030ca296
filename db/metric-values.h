#pragma once
// Metric values of generation runs (schema v3). Each value is keyed by what made it: the metric id, its
// version and the scorer's content hash ("" for a metric without a scorer), so values from another scorer
// or method version are stored beside the old ones and never mixed. Storing the same key again replaces
// the value (recomputing is idempotent). Per-output values have subject "generation" (one per position);
// a run's summary values (a rate with its interval, a corpus score) have subject "generation_run".
// The GUI's Evaluate mode reads runMetricKeys(), runMetricSeries(), runSummaryValues(), latestEvaluation().
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace srllm::db {

class Database;

// Perplexity under a language model (`srllm fluency`), keyed by that model's hash in the scorer-hash column.
inline constexpr const char* kBasePerplexityMetric = "base-perplexity";

struct MetricKey {
    std::string metric;
    int version = 1;
    std::string scorerHash;  // 64 hex digits, or "" for none
    bool operator==(const MetricKey&) const = default;
};

struct PositionValue {
    int64_t position = 0;
    std::optional<double> value;  // nullopt: undefined for this output (a text without words)
    nlohmann::json details;       // null or an object
};

struct SummaryValue {
    MetricKey key;
    std::optional<double> value;
    nlohmann::json details;  // n, interval, method ...
};

// Stores one metric for outputs of a run (each position must have an output) in one transaction.
void storeOutputMetric(Database& db, int64_t runId, const MetricKey& key, const std::vector<PositionValue>& values);
void storeRunSummary(Database& db, int64_t runId, const SummaryValue& value);

std::vector<MetricKey> runMetricKeys(Database& db, int64_t runId);  // per-output keys stored, sorted
// One entry per item of the run, by position; nullopt where undefined or not stored.
std::vector<std::optional<double>> runMetricSeries(Database& db, int64_t runId, const MetricKey& key);
std::vector<SummaryValue> runSummaryValues(Database& db, int64_t runId);  // sorted by key

// What one evaluation stores for a run: per-output columns and summary values.
struct RunValues {
    int64_t runId = 0;
    std::vector<std::pair<MetricKey, std::vector<PositionValue>>> outputs;
    std::vector<SummaryValue> summary;
};

// Stores every run's values in one transaction.
void storeValues(Database& db, const std::vector<RunValues>& runs);
// Stores every run's values and the table `srllm eval` printed (with the runs and the scorer) in one
// transaction: all of it or, on an error, nothing. Returns the evaluation's id (latest = highest).
int64_t storeEvaluation(Database& db, const std::vector<RunValues>& runs, const std::string& scorerHash,
                        const nlohmann::json& result);
std::optional<nlohmann::json> latestEvaluation(Database& db);  // {"id", "run_ids", "scorer_hash", "result", "created_at"}
// The newest evaluation of exactly these runs in this order (the first is its baseline), as latestEvaluation.
std::optional<nlohmann::json> evaluationOfRuns(Database& db, const std::vector<int64_t>& runIds);

}  // namespace srllm::db
