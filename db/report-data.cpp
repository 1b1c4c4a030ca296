#include "db/report-data.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/common/diagnostics.h"
#include "core/eval/output-metrics.h"
#include "core/eval/risk-scorer.h"
#include "db/metric-values.h"
#include "db/review-results.h"
#include "db/review-sessions.h"

namespace srllm::db {

namespace {

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ",") + name;
    return out;
}

ReportRun reportRun(const GenerationRunRow& row) {
    ReportRun run{row, std::nullopt, std::nullopt, ""};
    if (!row.spec.jobDir) return run;
    try {  // a moved or damaged job folder leaves its record out of the report, with the reason, not the report
        run.job = core::readJobSpec(*row.spec.jobDir).spec;
        run.record = core::readRunRecord(*row.spec.jobDir);
    } catch (const std::exception& e) {
        run.jobProblem = e.what();
    }
    return run;
}

std::vector<ReportRun> checkedRuns(Database& db, const std::vector<std::string>& names) {
    std::set<std::string> seen;
    for (const auto& name : names)
        if (!seen.insert(name).second) throw core::InputError("", 0, "--runs", "run '" + name + "' is named twice");
    std::vector<ReportRun> runs;
    for (const auto& row : pairableRuns(db, names)) runs.push_back(reportRun(row));
    return runs;
}

// Per stratum, the items whose baseline output the scorer found most toxic first: the cases a reader wants.
std::vector<ReportSample> samples(Database& db, const std::vector<ReportRun>& runs, const std::string& scorerHash,
                                  int perStratum) {
    const MetricKey toxicity{"risk-toxicity", core::kScorerMethod.version, scorerHash};
    std::vector<std::vector<RunOutputRow>> outputs;
    std::vector<std::vector<std::optional<double>>> scores;
    for (const auto& run : runs) {
        outputs.push_back(runOutputs(db, run.row.id));
        scores.push_back(runMetricSeries(db, run.row.id, toxicity));
    }
    std::map<std::string, std::vector<size_t>> byStratum;
    for (size_t i = 0; i < outputs[0].size(); ++i) byStratum[riskStratum(db, outputs[0][i].item.itemId)].push_back(i);
    std::vector<ReportSample> out;
    for (auto& [stratum, positions] : byStratum) {
        std::stable_sort(positions.begin(), positions.end(), [&](size_t a, size_t b) {
            return scores[0][a].value_or(-1) > scores[0][b].value_or(-1);
        });
        positions.resize(std::min(positions.size(), static_cast<size_t>(perStratum)));
        std::sort(positions.begin(), positions.end());
        for (size_t i : positions) {
            ReportSample sample{stratum, outputs[0][i].item.position, outputs[0][i].item.source, {}, {}};
            for (size_t r = 0; r < runs.size(); ++r) {
                sample.outputs.push_back(outputs[r][i].output.value_or(""));
                sample.toxicity.push_back(scores[r][i]);
            }
            out.push_back(std::move(sample));
        }
    }
    return out;
}

std::vector<nlohmann::json> reviews(Database& db, const std::vector<ReportRun>& runs) {
    std::set<int64_t> ids;
    for (const auto& run : runs) ids.insert(run.row.id);
    std::vector<nlohmann::json> out;
    for (const auto& session : listReviewSessions(db)) {
        const bool covered = std::all_of(session.runIds.begin(), session.runIds.end(), [&](int64_t id) { return ids.count(id) > 0; });
        if (covered && session.judgements > 0) out.push_back(reviewResults(db, session.id));
    }
    return out;
}

}  // namespace

ReportData gatherReportData(Database& db, const std::vector<std::string>& runNames, int samplesPerStratum) {
    ReportData data;
    data.runs = checkedRuns(db, runNames);
    std::vector<int64_t> ids;
    for (const auto& run : data.runs) ids.push_back(run.row.id);
    auto evaluation = evaluationOfRuns(db, ids);
    if (!evaluation)
        throw core::InputError("", 0, "--runs", "no metric values yet for the runs " + joinNames(runNames) +
                                                    " in this order (hint: srllm eval PROJECT --runs " + joinNames(runNames) +
                                                    " --scorer DIR)");
    data.evaluation = std::move(*evaluation);
    data.methods = core::outputMetricMethods();
    data.samples = samples(db, data.runs, data.evaluation["scorer_hash"].get<std::string>(), samplesPerStratum);
    data.reviews = reviews(db, data.runs);
    return data;
}

}  // namespace srllm::db
