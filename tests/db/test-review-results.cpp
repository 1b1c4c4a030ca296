// db/review-results: a hand-made session of two runs, four comparisons and two reviewers. Expected values:
// win rates from scipy 1.10 binomtest(k, n).proportion_ci(0.95, 'wilson'); the Bradley–Terry gap and
// Krippendorff's alpha worked by hand below; Spearman from scipy.stats.spearmanr on the listed pairs.
#include <cmath>
#include <functional>

#include <gtest/gtest.h>

#include "db/annotators.h"
#include "db/metric-values.h"
#include "db/review-queue.h"
#include "db/review-results.h"
#include "db/review-sessions.h"
#include "support/review-project.h"
#include "support/test-data.h"

using namespace srllm;

namespace {

struct ReviewResultsFixture : testing::Test {
    test::ScratchDir dir;
    test::ReviewProject p = test::makeReviewProject(dir / "p.srllm");
    db::Database& db = p.project->db();
    int64_t ann = db::ensureAnnotator(db, "ann", "reviewer");
    int64_t bob = db::ensureAnnotator(db, "bob", "reviewer");
    db::ReviewSessionRow session = db::createReviewSession(db, {"s", {p.base, p.tuned}, 4, 2, 5});

    // Judges in run terms: the test looks behind the blind (revealSides after a first save) to map them onto A/B.
    void judge(int64_t reviewer, int64_t comparison, const std::string& better, int safetyBase, int safetyTuned) {
        db::Judgement j{comparison, db::Verdict::Tie, 3, 3, 4, 4, {}, {}, std::nullopt, 5};
        db::saveJudgement(db, reviewer, j);
        const bool tunedIsA = db::revealSides(db, comparison, reviewer).runA == "tuned";
        if (better == "tuned") j.verdict = tunedIsA ? db::Verdict::A : db::Verdict::B;
        if (better == "base") j.verdict = tunedIsA ? db::Verdict::B : db::Verdict::A;
        j.safetyA = tunedIsA ? safetyTuned : safetyBase;
        j.safetyB = tunedIsA ? safetyBase : safetyTuned;
        db::saveJudgement(db, reviewer, j);
    }
};

}  // namespace

TEST_F(ReviewResultsFixture, ResultsMatchIndependentCalculations) {
    db::assignReviewers(db, session.id, {ann, bob});
    const auto queue = db::reviewQueue(db, session.id, ann);
    ASSERT_EQ(queue.size(), 4u);
    // Tuned wins three comparisons for both reviewers; on the fourth ann says tie and bob prefers base.
    for (size_t k = 0; k < 3; ++k) {
        judge(ann, queue[k].comparisonId, "tuned", 2, 5);
        judge(bob, queue[k].comparisonId, "tuned", 2, 5);
    }
    judge(ann, queue[3].comparisonId, "tie", 3, 5);
    judge(bob, queue[3].comparisonId, "base", 3, 5);
    for (int64_t run : {p.base, p.tuned}) {
        std::vector<db::PositionValue> values;
        for (int64_t position = 0; position < 10; ++position) values.push_back({position, run == p.base ? 0.8 : 0.1, nullptr});
        db::storeOutputMetric(db, run, {"toxicity", 1, ""}, values);
    }

    const auto r = db::reviewResults(db, session.id, {400, 1, 0.95});
    EXPECT_EQ(r["judgements"], 8);
    EXPECT_EQ(r["comparisons"], 4);
    const auto& base = r["win_rates"][0];
    const auto& tuned = r["win_rates"][1];
    EXPECT_EQ(tuned["run"], "tuned");
    EXPECT_EQ(tuned["wins"], 6);
    EXPECT_EQ(tuned["losses"], 1);
    EXPECT_EQ(tuned["ties"], 1);
    EXPECT_NEAR(tuned["win_rate"]["rate"].get<double>(), 0.75, 1e-12);
    EXPECT_NEAR(tuned["win_rate"]["lo"].get<double>(), 0.40927543031016883, 1e-9);
    EXPECT_NEAR(tuned["win_rate"]["hi"].get<double>(), 0.9285207872478909, 1e-9);
    EXPECT_NEAR(base["win_rate"]["lo"].get<double>(), 0.02241749145005667, 1e-9);
    EXPECT_NEAR(base["win_rate"]["hi"].get<double>(), 0.4708881822128535, 1e-9);
    EXPECT_EQ(r["pairwise"][0]["first"], "base");
    EXPECT_EQ(r["pairwise"][0]["second_wins"], 6);

    // Bradley–Terry with one virtual tie: W_tuned = 6 + 0.5 + 0.5 = 7, W_base = 2 over 9 games, so the
    // log-strengths are +-log(7/2)/2.
    const auto& top = r["bradley_terry"][0];
    EXPECT_EQ(top["run"], "tuned");
    EXPECT_EQ(top["rank"], 1);
    EXPECT_NEAR(top["log_strength"].get<double>(), std::log(3.5) / 2, 1e-8);
    EXPECT_LT(top["lo"].get<double>(), top["log_strength"].get<double>());

    EXPECT_NEAR(r["scores"][0]["safety"]["mean"].get<double>(), 2.25, 1e-12);  // (2*6 + 3*2) / 8
    EXPECT_NEAR(r["scores"][1]["safety"]["mean"].get<double>(), 5.0, 1e-12);
    EXPECT_EQ(r["scores"][1]["safety"]["n"], 8);
    EXPECT_NEAR(r["scores"][0]["language"]["mean"].get<double>(), 4.0, 1e-12);

    // Verdicts (first = base): three units (second, second), one (tie, first). Coincidences o22 = 6,
    // o01 = o10 = 1, n = 8, n0 = n1 = 1, n2 = 6: alpha = 1 - 7 * 2 / (2 * (1 + 6 + 6)) = 6/13.
    EXPECT_NEAR(r["agreement"]["verdict_alpha_nominal"].get<double>(), 6.0 / 13.0, 1e-12);
    EXPECT_EQ(r["agreement"]["comparisons_judged_twice_or_more"], 4);

    // spearmanr([5]*8 + [2]*6 + [3]*2, [0.1]*8 + [0.8]*8) = -0.9561828874675149; the metric difference is the
    // same for every comparison, so the verdict correlation is undefined (null).
    ASSERT_EQ(r["metric_correlation"].size(), 1u);
    EXPECT_EQ(r["metric_correlation"][0]["metric"], "toxicity");
    EXPECT_NEAR(r["metric_correlation"][0]["safety_spearman"].get<double>(), -0.9561828874675149, 1e-12);
    EXPECT_EQ(r["metric_correlation"][0]["safety_n"], 16);
    EXPECT_TRUE(r["metric_correlation"][0]["verdict_spearman"].is_null());
}

TEST_F(ReviewResultsFixture, SessionWithoutJudgementsHasEmptyResults) {
    const auto r = db::reviewResults(db, session.id);
    EXPECT_EQ(r["judgements"], 0);
    EXPECT_EQ(r["win_rates"][0]["n"], 0);
    EXPECT_TRUE(r["win_rates"][0]["win_rate"]["rate"].is_null());
    EXPECT_TRUE(r["bradley_terry"][0]["log_strength"].is_null());
    EXPECT_THROW(db::reviewResults(db, 999), db::DbError);
}

// #12 (fuzz finding 14): the results index a session's runs by their ordinal. A file whose session lost a run, or
// whose ordinals were edited, made metricCorrelation read the first of no runs (UBSan: a reference bound to null)
// and the per-run tables index past their ends. Such a session is now refused naming the file, whoever reads it.
TEST_F(ReviewResultsFixture, ASessionWhoseRunsAreNotNumberedFromZeroIsRefusedNamingTheFile) {
    for (const char* damage : {"DELETE FROM review_session_runs WHERE ordinal = 0",
                               "DELETE FROM review_session_runs WHERE ordinal = 1",
                               "UPDATE review_session_runs SET ordinal = 7 WHERE ordinal = 1"}) {
        SCOPED_TRACE(damage);
        db.exec("SAVEPOINT damage");
        db.exec(damage);
        for (const auto& read : std::vector<std::function<void()>>{
                 [&] { db::reviewResults(db, session.id, {.resamples = 5, .seed = 1}); },
                 [&] { db::listReviewSessions(db); }}) {
            try {
                read();
                ADD_FAILURE() << "a damaged session was read";
            } catch (const db::DbError& e) {
                EXPECT_NE(std::string(e.what()).find(db.path() + ": review session 's'"), std::string::npos) << e.what();
            }
        }
        db.exec("ROLLBACK TO damage; RELEASE damage");
    }
    EXPECT_NO_THROW(db::reviewResults(db, session.id, {.resamples = 5, .seed = 1}));  // the intact session reads
}
