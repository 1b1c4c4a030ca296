#pragma once
// What a report on generation runs shows, gathered from the project and the runs' job folders (Qt-free; the
// GUI's Report… action and `srllm report` render it through ui/report/): the before/after table `srllm eval`
// stored for exactly these runs, each run's record (model, data and scorer hashes, seeds, code version),
// sample outputs per risk stratum, the method of every metric, and the results of the review sessions
// that compare only these runs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/metric-method.h"
#include "core/job/job-spec.h"
#include "core/job/run-record.h"
#include "db/generation-runs.h"

namespace srllm::db {

class Database;

struct ReportRun {
    GenerationRunRow row;
    std::optional<core::JobSpec> job;       // job.json of the run's job folder, when it came from a job
    std::optional<core::RunRecord> record;  // that folder's run.json
    std::string jobProblem;                 // why the folder could not be read; "" when fine or no job
};

// One test item with every run's output, drawn for a risk stratum (db/review-sessions.h riskStratum).
struct ReportSample {
    std::string stratum;
    int64_t position = 0;
    std::string source;
    std::vector<std::string> outputs;                // one per run, in the report's order
    std::vector<std::optional<double>> toxicity;     // the evaluation's scorer, per run
};

struct ReportData {
    std::vector<ReportRun> runs;               // in the order given; the first is the baseline
    nlohmann::json evaluation;                 // evaluationOfRuns(): id, scorer_hash, result (the table), created_at
    std::vector<core::MetricMethod> methods;   // core::outputMetricMethods()
    std::vector<ReportSample> samples;         // by stratum, then position
    std::vector<nlohmann::json> reviews;       // reviewResults() of each session over a subset of the runs
};

// Throws core::InputError (field '--runs') for what pairableRuns() refuses, a run named twice, and for runs
// without a stored evaluation of exactly these runs in this order (with the
// `srllm eval` command that makes one). Reads nothing but the project and the job folders.
ReportData gatherReportData(Database& db, const std::vector<std::string>& runNames, int samplesPerStratum = 3);

}  // namespace srllm::db
