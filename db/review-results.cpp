#include "db/review-results.h"

#include <algorithm>
#include <map>
#include <string>

#include "core/stats/bradley-terry.h"
#include "core/stats/krippendorff-alpha.h"
#include "core/stats/paired-bootstrap.h"
#include "core/stats/proportion-interval.h"
#include "core/stats/rank-correlation.h"
#include "db/database.h"
#include "db/generation-runs.h"
#include "db/metric-values.h"
#include "db/review-sessions.h"

namespace srllm::db {

namespace {

using nlohmann::json;
using core::jsonNumber;

struct Tallies {
    int64_t wins = 0, losses = 0, ties = 0, bothUnsafe = 0;
    int64_t n() const { return wins + losses + ties + bothUnsafe; }
};

json rateJson(int64_t positives, int64_t n) {
    const core::ProportionEstimate e = core::wilsonInterval(positives, n);
    return {{"rate", jsonNumber(e.rate)}, {"lo", jsonNumber(e.lo)}, {"hi", jsonNumber(e.hi)}};
}

json meanJson(const std::vector<double>& values, const core::BootstrapOptions& bootstrap) {
    if (values.empty()) return {{"mean", nullptr}, {"lo", nullptr}, {"hi", nullptr}, {"n", 0}};
    const core::TestResult r = core::bootstrapMean(values, bootstrap);
    return {{"mean", jsonNumber(r.estimate)}, {"lo", jsonNumber(r.lo)}, {"hi", jsonNumber(r.hi)}, {"n", r.n}};
}

json winRates(const std::vector<RunJudgement>& judgements, const std::vector<json>& runs) {
    std::vector<Tallies> perRun(runs.size());
    for (const RunJudgement& j : judgements)
        for (const auto& [run, score] : {std::pair{j.first, j.firstScore}, std::pair{j.second, 1 - j.firstScore}}) {
            Tallies& t = perRun[size_t(run)];
            if (j.bothUnsafe) ++t.bothUnsafe;
            else if (score == 1) ++t.wins;
            else if (score == 0) ++t.losses;
            else ++t.ties;
        }
    json out = json::array();
    for (size_t r = 0; r < runs.size(); ++r) {
        const Tallies& t = perRun[r];
        json row = {{"run", runs[r]["name"]}, {"wins", t.wins}, {"losses", t.losses}, {"ties", t.ties},
                    {"both_unsafe", t.bothUnsafe}, {"n", t.n()}};
        row["win_rate"] = rateJson(t.wins, t.n());
        out.push_back(row);
    }
    return out;
}

json pairwise(const std::vector<RunJudgement>& judgements, const std::vector<json>& runs) {
    std::map<std::pair<int, int>, Tallies> pairs;
    for (const RunJudgement& j : judgements) {
        Tallies& t = pairs[{j.first, j.second}];
        if (j.bothUnsafe) ++t.bothUnsafe;
        else if (j.firstScore == 1) ++t.wins;
        else if (j.firstScore == 0) ++t.losses;
        else ++t.ties;
    }
    json out = json::array();
    for (const auto& [pair, t] : pairs) {
        json row = {{"first", runs[size_t(pair.first)]["name"]}, {"second", runs[size_t(pair.second)]["name"]},
                    {"first_wins", t.wins}, {"second_wins", t.losses}, {"ties", t.ties},
                    {"both_unsafe", t.bothUnsafe}, {"n", t.n()}};
        row["first_win_rate"] = rateJson(t.wins, t.n());
        out.push_back(row);
    }
    return out;
}

json ranking(const std::vector<RunJudgement>& judgements, const std::vector<json>& runs,
             const core::BootstrapOptions& bootstrap) {
    std::vector<core::PairOutcome> outcomes;
    for (const RunJudgement& j : judgements) outcomes.push_back({j.first, j.second, j.firstScore});
    json out = json::array();
    for (const core::RankedPlayer& p : core::rankBradleyTerry(int(runs.size()), outcomes, bootstrap))
        out.push_back({{"run", runs[size_t(p.player)]["name"]}, {"rank", p.rank},
                       {"log_strength", jsonNumber(p.logStrength)}, {"lo", jsonNumber(p.interval.lo)},
                       {"hi", jsonNumber(p.interval.hi)}});
    return out;
}

json scores(const std::vector<RunJudgement>& judgements, const std::vector<json>& runs,
            const core::BootstrapOptions& bootstrap) {
    std::vector<std::vector<double>> safety(runs.size()), language(runs.size());
    const auto add = [](std::vector<double>& to, const std::optional<int>& score) {
        if (score) to.push_back(*score);
    };
    for (const RunJudgement& j : judgements) {
        add(safety[size_t(j.first)], j.safetyFirst);
        add(safety[size_t(j.second)], j.safetySecond);
        add(language[size_t(j.first)], j.languageFirst);
        add(language[size_t(j.second)], j.languageSecond);
    }
    json out = json::array();
    for (size_t r = 0; r < runs.size(); ++r)
        out.push_back({{"run", runs[r]["name"]}, {"safety", meanJson(safety[r], bootstrap)},
                       {"language", meanJson(language[r], bootstrap)}});
    return out;
}

// Krippendorff's alpha over comparisons (verdict, nominal) and over outputs (scores, ordinal).
json agreement(const std::vector<RunJudgement>& judgements) {
    std::map<int64_t, int64_t> units, coders;
    for (const RunJudgement& j : judgements) {
        units.emplace(j.comparisonId, int64_t(units.size()));
        coders.emplace(j.reviewerId, int64_t(coders.size()));
    }
    core::RatingsTable verdict(int64_t(units.size()), int64_t(coders.size()));
    core::RatingsTable safety(2 * int64_t(units.size()), int64_t(coders.size()));
    core::RatingsTable language(2 * int64_t(units.size()), int64_t(coders.size()));
    for (const RunJudgement& j : judgements) {
        const int64_t unit = units[j.comparisonId], coder = coders[j.reviewerId];
        verdict.set(unit, coder, j.bothUnsafe ? 3.0 : 2.0 * (1.0 - j.firstScore));  // 0 first, 1 tie, 2 second
        if (j.safetyFirst) safety.set(2 * unit, coder, *j.safetyFirst);
        if (j.safetySecond) safety.set(2 * unit + 1, coder, *j.safetySecond);
        if (j.languageFirst) language.set(2 * unit, coder, *j.languageFirst);
        if (j.languageSecond) language.set(2 * unit + 1, coder, *j.languageSecond);
    }
    int64_t shared = 0;
    for (int64_t u = 0; u < verdict.units(); ++u) shared += verdict.ratingsInUnit(u) >= 2;
    return {{"reviewers", coders.size()},
            {"comparisons_judged_twice_or_more", shared},
            {"verdict_alpha_nominal", jsonNumber(core::krippendorffAlpha(verdict, core::AlphaMetric::Nominal))},
            {"safety_alpha_ordinal", jsonNumber(core::krippendorffAlpha(safety, core::AlphaMetric::Ordinal))},
            {"language_alpha_ordinal", jsonNumber(core::krippendorffAlpha(language, core::AlphaMetric::Ordinal))}};
}

// Per metric stored for every run: Spearman of (safety score, metric value) over judged outputs, and of
// (first better +1 / tie 0 / second better -1, metric difference first - second) over judgements.
json metricCorrelation(Database& db, const std::vector<RunJudgement>& judgements, const std::vector<int64_t>& runIds) {
    std::vector<MetricKey> common = runMetricKeys(db, runIds.front());
    for (size_t r = 1; r < runIds.size(); ++r) {
        const auto keys = runMetricKeys(db, runIds[r]);
        std::erase_if(common, [&](const MetricKey& k) { return std::find(keys.begin(), keys.end(), k) == keys.end(); });
    }
    json out = json::array();
    for (const MetricKey& key : common) {
        std::vector<std::vector<std::optional<double>>> series;
        for (int64_t id : runIds) series.push_back(runMetricSeries(db, id, key));
        const auto value = [&](int run, int64_t position) -> std::optional<double> {
            const auto& s = series[size_t(run)];
            return position >= 0 && position < int64_t(s.size()) ? s[size_t(position)] : std::nullopt;
        };
        std::vector<double> safetyScore, safetyMetric, verdictScore, verdictDifference;
        for (const RunJudgement& j : judgements) {
            const auto first = value(j.first, j.position), second = value(j.second, j.position);
            for (const auto& [score, metric] : {std::pair{j.safetyFirst, first}, std::pair{j.safetySecond, second}})
                if (score && metric) {
                    safetyScore.push_back(*score);
                    safetyMetric.push_back(*metric);
                }
            if (first && second && !j.bothUnsafe) {
                verdictScore.push_back(2 * j.firstScore - 1);
                verdictDifference.push_back(*first - *second);
            }
        }
        const core::Correlation safety = core::spearmanCorrelation(safetyScore, safetyMetric);
        const core::Correlation verdict = core::spearmanCorrelation(verdictScore, verdictDifference);
        out.push_back({{"metric", key.metric}, {"version", key.version}, {"scorer_hash", key.scorerHash},
                       {"safety_spearman", jsonNumber(safety.rho)}, {"safety_n", safety.n},
                       {"verdict_spearman", jsonNumber(verdict.rho)}, {"verdict_n", verdict.n}});
    }
    return out;
}

}  // namespace

std::vector<RunJudgement> runJudgements(Database& db, int64_t sessionId) {
    auto st = db.prepare(
        "SELECT j.comparison_id, j.reviewer_id, c.position, ra.ordinal, rb.ordinal, j.verdict,"
        " j.safety_a, j.safety_b, j.language_a, j.language_b"
        " FROM review_judgements j JOIN review_comparisons c ON c.id = j.comparison_id"
        " JOIN generations ga ON ga.id = c.output_a JOIN generations gb ON gb.id = c.output_b"
        " JOIN review_session_runs ra ON ra.session_id = c.session_id AND ra.run_id = ga.generation_run_id"
        " JOIN review_session_runs rb ON rb.session_id = c.session_id AND rb.run_id = gb.generation_run_id"
        " WHERE c.session_id = ?1 ORDER BY j.comparison_id, j.reviewer_id");
    st.bind(1, sessionId);
    std::vector<RunJudgement> out;
    const auto score = [&](int column) {
        return st.columnIsNull(column) ? std::optional<int>() : std::optional<int>(int(st.columnInt(column)));
    };
    while (st.step()) {
        RunJudgement j;
        j.comparisonId = st.columnInt(0);
        j.reviewerId = st.columnInt(1);
        j.position = st.columnInt(2);
        const int runA = int(st.columnInt(3)), runB = int(st.columnInt(4));
        j.firstWasA = runA < runB;
        j.first = std::min(runA, runB);
        j.second = std::max(runA, runB);
        const std::string verdict = st.columnText(5);
        j.bothUnsafe = verdict == "both_unsafe";
        const double scoreA = verdict == "a" ? 1.0 : verdict == "b" ? 0.0 : 0.5;
        j.firstScore = j.firstWasA ? scoreA : 1.0 - scoreA;
        j.safetyFirst = score(j.firstWasA ? 6 : 7);
        j.safetySecond = score(j.firstWasA ? 7 : 6);
        j.languageFirst = score(j.firstWasA ? 8 : 9);
        j.languageSecond = score(j.firstWasA ? 9 : 8);
        out.push_back(j);
    }
    return out;
}

json reviewResults(Database& db, int64_t sessionId, const core::BootstrapOptions& bootstrap) {
    const auto session = reviewSessionById(db, sessionId);
    if (!session) throw DbError(db.path() + ": no review session with id " + std::to_string(sessionId));
    std::vector<json> runs;
    for (int64_t id : session->runIds) {
        const auto run = generationRunById(db, id);
        runs.push_back({{"id", id}, {"name", run ? run->spec.name : std::to_string(id)}});
    }
    const std::vector<RunJudgement> judgements = runJudgements(db, sessionId);
    return {{"session", session->name},
            {"runs", runs},
            {"comparisons", session->comparisons},
            {"judgements", judgements.size()},
            {"win_rates", winRates(judgements, runs)},
            {"pairwise", pairwise(judgements, runs)},
            {"bradley_terry", ranking(judgements, runs, bootstrap)},
            {"scores", scores(judgements, runs, bootstrap)},
            {"agreement", agreement(judgements)},
            {"metric_correlation", metricCorrelation(db, judgements, session->runIds)}};
}

}  // namespace srllm::db
