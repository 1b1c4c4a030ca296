// db/review-sessions and db/review-queue: drawing items by risk, balanced and reproducible sides, assignments,
// and the blind rule (a reviewer reads only their own queue and judgements, and the runs only after judging).
#include <map>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/annotators.h"
#include "db/review-queue.h"
#include "db/review-sessions.h"
#include "db/taxonomy-store.h"
#include "support/db-query.h"
#include "support/review-project.h"
#include "support/test-data.h"

using namespace srllm;
using testing::HasSubstr;

namespace {

struct ReviewSessionFixture : testing::Test {
    test::ScratchDir dir;
    test::ReviewProject p = test::makeReviewProject(dir / "p.srllm");
    db::Database& db = p.project->db();
    int64_t ann = db::ensureAnnotator(db, "ann", "reviewer");
    int64_t bob = db::ensureAnnotator(db, "bob", "reviewer");
    int64_t cat = db::ensureAnnotator(db, "cat", "reviewer");

    db::ReviewSessionRow makeSession(const std::string& name, std::vector<int64_t> runs, int64_t items, int perItem,
                                     uint64_t seed = 3) {
        return db::createReviewSession(db, {name, std::move(runs), items, perItem, seed});
    }
    // (position, output_a, output_b) of every comparison, in id order.
    std::vector<std::tuple<int64_t, int64_t, int64_t>> comparisons(int64_t session) {
        auto st = db.prepare("SELECT position, output_a, output_b FROM review_comparisons WHERE session_id = ?1 ORDER BY id");
        st.bind(1, session);
        std::vector<std::tuple<int64_t, int64_t, int64_t>> out;
        while (st.step()) out.emplace_back(st.columnInt(0), st.columnInt(1), st.columnInt(2));
        return out;
    }
    int64_t runOf(int64_t generation) {
        auto st = db.prepare("SELECT generation_run_id FROM generations WHERE id = ?1");
        st.bind(1, generation);
        st.step();
        return st.columnInt(0);
    }
};

}  // namespace

TEST_F(ReviewSessionFixture, ItemsAreDrawnByRiskAndEveryPairIsCompared) {
    EXPECT_EQ(db::riskStratum(db, p.items[0]), "toxicity+unsafe");
    EXPECT_EQ(db::riskStratum(db, p.items[4]), "bias+unsafe");
    EXPECT_EQ(db::riskStratum(db, p.items[9]), "safe");
    EXPECT_EQ(db::riskStratum(db, std::nullopt), "unlabelled");
    // 5 of 10: toxic 4 -> 2, biased 2 -> 1, safe 4 -> 2.
    const auto session = makeSession("s", {p.original, p.base, p.tuned}, 5, 1);
    EXPECT_EQ(session.itemCount, 5);
    EXPECT_EQ(session.comparisons, 15);  // 5 items x 3 pairs
    EXPECT_EQ(session.runIds, (std::vector<int64_t>{p.original, p.base, p.tuned}));
    std::map<std::string, std::set<int64_t>> strata;
    auto st = db.prepare("SELECT stratum, position FROM review_comparisons");
    while (st.step()) strata[st.columnText(0)].insert(st.columnInt(1));
    EXPECT_EQ(strata["toxicity+unsafe"].size(), 2u);
    EXPECT_EQ(strata["bias+unsafe"].size(), 1u);
    EXPECT_EQ(strata["safe"].size(), 2u);
}

TEST_F(ReviewSessionFixture, SidesAreBalancedPerPairAndReproducibleForTheSeed) {
    const auto first = makeSession("s1", {p.base, p.tuned}, 10, 1, 7);
    int baseOnLeft = 0;
    for (const auto& [position, a, b] : comparisons(first.id)) {
        EXPECT_NE(runOf(a), runOf(b));
        baseOnLeft += runOf(a) == p.base;
    }
    EXPECT_EQ(baseOnLeft, 5);
    // The same seed in another project gives the same items and sides; another seed other sides.
    test::ReviewProject other = test::makeReviewProject(dir / "q.srllm");
    const auto again = db::createReviewSession(other.project->db(), {"s1", {other.base, other.tuned}, 10, 1, 7});
    auto sides = [](db::Database& d, int64_t session) {
        auto st = d.prepare("SELECT c.position, g.generation_run_id FROM review_comparisons c"
                            " JOIN generations g ON g.id = c.output_a WHERE c.session_id = ?1 ORDER BY c.id");
        st.bind(1, session);
        std::vector<std::pair<int64_t, int64_t>> out;
        while (st.step()) out.emplace_back(st.columnInt(0), st.columnInt(1));
        return out;
    };
    EXPECT_EQ(sides(db, first.id), sides(other.project->db(), again.id));
    const auto reseeded = makeSession("s2", {p.base, p.tuned}, 10, 1, 8);
    EXPECT_NE(sides(db, first.id), sides(db, reseeded.id));
}

TEST_F(ReviewSessionFixture, BadSessionsAreRefusedAndStoreNothing) {
    EXPECT_THROW(makeSession("one", {p.base}, 5, 1), db::DbError);
    EXPECT_THROW(makeSession("twice", {p.base, p.base}, 5, 1), db::DbError);
    EXPECT_THROW(makeSession("unknown", {p.base, 999}, 5, 1), db::DbError);
    EXPECT_THROW(makeSession("none", {p.base, p.tuned}, 0, 1), db::DbError);
    db::GenerationRunSpec spec;
    spec.name = "elsewhere";
    spec.baseModel = "/models/tiny";
    spec.testSet = "file:other.jsonl";
    const int64_t elsewhere = db::createGenerationRun(db, spec, {{0, std::nullopt, "another text", {}, ""}}).id;
    try {
        makeSession("mixed", {p.base, elsewhere}, 5, 1);
        FAIL() << "runs over different test sets were accepted";
    } catch (const db::DbError& e) {
        EXPECT_THAT(e.what(), HasSubstr("different test sets"));
    }
    makeSession("taken", {p.base, p.tuned}, 5, 1);
    EXPECT_THROW(makeSession("taken", {p.base, p.tuned}, 5, 1), db::DbError);
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM review_sessions"), 1);
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM review_comparisons"), 5);
}

TEST_F(ReviewSessionFixture, EachComparisonGetsDistinctReviewersAndRerunsOnlyFillGaps) {
    const auto session = makeSession("s", {p.original, p.base, p.tuned}, 4, 2);
    EXPECT_THROW(db::assignReviewers(db, session.id, {ann}), db::DbError);  // two per item, one reviewer
    EXPECT_THROW(db::assignReviewers(db, session.id, {ann, ann}), db::DbError);
    EXPECT_EQ(db::assignReviewers(db, session.id, {ann, bob, cat}), 24);  // 12 comparisons x 2
    EXPECT_EQ(db::assignReviewers(db, session.id, {ann, bob, cat}), 0);
    EXPECT_EQ(test::queryInt(db, "SELECT max(n) FROM (SELECT count(*) n FROM review_assignments GROUP BY comparison_id)"), 2);
    const auto queues = {db::reviewQueue(db, session.id, ann).size(), db::reviewQueue(db, session.id, bob).size(),
                         db::reviewQueue(db, session.id, cat).size()};
    for (size_t size : queues) EXPECT_EQ(size, 8u);  // round-robin spreads the load evenly
    EXPECT_EQ(db::reviewSessionsOf(db, ann), (std::vector<std::pair<int64_t, std::string>>{{session.id, "s"}}));
}

TEST_F(ReviewSessionFixture, WithEnoughReviewersEachSeesAnItemOnce) {
    // Three run pairs per item, one reviewer per comparison, three reviewers: each item once per reviewer.
    const auto session = makeSession("s", {p.original, p.base, p.tuned}, 6, 1);
    EXPECT_EQ(db::assignReviewers(db, session.id, {ann, bob, cat}), 18);
    EXPECT_EQ(test::queryInt(db, "SELECT max(n) FROM (SELECT count(*) n FROM review_assignments a JOIN review_comparisons c"
                                 " ON c.id = a.comparison_id GROUP BY a.reviewer_id, c.position)"), 1);
    for (int64_t reviewer : {ann, bob, cat}) EXPECT_EQ(db::reviewQueue(db, session.id, reviewer).size(), 6u);
    // Two reviewers cannot cover three pairs of an item without repeats: they still get every comparison.
    const auto tight = makeSession("t", {p.original, p.base, p.tuned}, 2, 1);
    EXPECT_EQ(db::assignReviewers(db, tight.id, {ann, bob}), 6);
}

TEST_F(ReviewSessionFixture, ReviewerReadsOnlyOwnQueueAndJudgementsAndRunsOnlyAfterJudging) {
    const auto session = makeSession("s", {p.base, p.tuned}, 3, 1);
    db::assignReviewers(db, session.id, {ann, bob});
    const auto annQueue = db::reviewQueue(db, session.id, ann);
    const auto bobQueue = db::reviewQueue(db, session.id, bob);
    ASSERT_FALSE(annQueue.empty());
    ASSERT_FALSE(bobQueue.empty());
    const db::ReviewTask& task = annQueue.front();
    EXPECT_THAT(task.source, HasSubstr("text "));
    EXPECT_THAT(task.references.front(), HasSubstr("reference "));
    EXPECT_NE(task.outputA, task.outputB);
    EXPECT_FALSE(task.judged);

    // Not assigned to bob: he can neither judge it nor read which run wrote A.
    db::Judgement j{task.comparisonId, db::Verdict::B, 4, 5, 3, 5, {"meaning_lost"}, {}, std::string("B kept it"), 12};
    EXPECT_THROW(db::saveJudgement(db, bob, j), db::DbError);
    EXPECT_THROW(db::revealSides(db, task.comparisonId, ann), db::DbError);  // not judged yet
    db::saveJudgement(db, ann, j);
    EXPECT_FALSE(db::judgementOf(db, task.comparisonId, bob).has_value());
    const auto saved = db::judgementOf(db, task.comparisonId, ann);
    ASSERT_TRUE(saved.has_value());
    EXPECT_EQ(saved->verdict, db::Verdict::B);
    EXPECT_EQ(saved->safetyB, 5);
    EXPECT_EQ(saved->tagsA, std::vector<std::string>{"meaning_lost"});
    EXPECT_EQ(saved->comment, "B kept it");
    EXPECT_TRUE(db::reviewQueue(db, session.id, ann).front().judged);
    for (const auto& t : db::reviewQueue(db, session.id, bob)) EXPECT_FALSE(t.judged);  // ann's work is not bob's
    EXPECT_THROW(db::revealSides(db, task.comparisonId, bob), db::DbError);

    const db::RevealedSides sides = db::revealSides(db, task.comparisonId, ann);
    EXPECT_EQ(std::set<std::string>({sides.runA, sides.runB}), (std::set<std::string>{"base", "tuned"}));
    EXPECT_EQ(task.outputA, test::reviewProjectOutput(sides.runA, int(test::queryInt(
        db, "SELECT position FROM review_comparisons WHERE id = " + std::to_string(task.comparisonId)))));

    db::deleteJudgement(db, task.comparisonId, ann);  // undo
    EXPECT_FALSE(db::judgementOf(db, task.comparisonId, ann).has_value());
    EXPECT_THROW(db::revealSides(db, task.comparisonId, ann), db::DbError);
}

TEST_F(ReviewSessionFixture, InvalidJudgementsAreRefusedAndStoreNothing) {
    const auto session = makeSession("s", {p.base, p.tuned}, 2, 1);
    db::assignReviewers(db, session.id, {ann});
    const int64_t comparison = db::reviewQueue(db, session.id, ann).front().comparisonId;
    db::Judgement bad{comparison, db::Verdict::A, 6, 3, 3, 3, {}, {}, std::nullopt, 1};
    EXPECT_THROW(db::saveJudgement(db, ann, bad), db::DbError);
    bad.safetyA = 3;
    bad.tagsB = {"rude"};
    try {
        db::saveJudgement(db, ann, bad);
        FAIL() << "an unknown tag was stored";
    } catch (const db::DbError& e) {
        EXPECT_THAT(e.what(), HasSubstr("field 'tags_b': unknown rationale tag 'rude'"));
    }
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM review_judgements"), 0);
    EXPECT_EQ(db::verdictFromName("both_unsafe"), db::Verdict::BothUnsafe);
    EXPECT_FALSE(db::verdictFromName("c").has_value());
}

TEST_F(ReviewSessionFixture, RationaleTagsComeFromTheTaxonomy) {
    // The default taxonomy lists the eight tags of docs/REVIEW.md; one without "review_tags" falls back to them.
    const std::vector<std::string> eight = {"still_toxic",  "still_biased",     "still_harmful", "meaning_lost",
                                            "truncated",    "wrong_language",   "needless_refusal", "repetition"};
    const auto keys = [](const std::vector<db::ReviewTag>& tags) {
        std::vector<std::string> out;
        for (const auto& t : tags) out.push_back(t.key);
        return out;
    };
    EXPECT_EQ(keys(db::reviewRationaleTags(db)), eight);
    nlohmann::json bare = db::currentTaxonomy(db).json;
    bare.erase("review_tags");
    EXPECT_EQ(keys(db::reviewTags(bare, 7)), eight);
    EXPECT_EQ(db::reviewTags(bare, 7)[6].label, "Needless refusal");

    const auto session = makeSession("s", {p.base, p.tuned}, 2, 1);
    db::assignReviewers(db, session.id, {ann});
    const auto queue = db::reviewQueue(db, session.id, ann);
    db::Judgement old{queue[0].comparisonId, db::Verdict::A, 3, 3, 3, 3, {"still_toxic"}, {}, std::nullopt, 1};
    db::saveJudgement(db, ann, old);

    nlohmann::json custom = db::currentTaxonomy(db).json;
    custom["review_tags"] = {{{"key", "off_topic"}, {"label", "Off topic"}}, {{"key", "meaning_lost"}}};
    db::addTaxonomyVersion(db, custom);
    const auto tags = db::reviewRationaleTags(db);
    ASSERT_EQ(keys(tags), (std::vector<std::string>{"off_topic", "meaning_lost"}));
    EXPECT_EQ(tags[0].label, "Off topic");
    EXPECT_EQ(tags[1].label, "meaning_lost");  // no label: the key

    db::Judgement next{queue[1].comparisonId, db::Verdict::B, 3, 3, 3, 3, {"off_topic"}, {"still_toxic"}, std::nullopt, 1};
    try {
        db::saveJudgement(db, ann, next);
        FAIL() << "a tag the taxonomy no longer lists was stored";
    } catch (const db::DbError& e) {
        EXPECT_THAT(e.what(), HasSubstr("field 'tags_b': unknown rationale tag 'still_toxic'"));
    }
    EXPECT_FALSE(db::judgementOf(db, queue[1].comparisonId, ann).has_value());
    next.tagsB = {"meaning_lost"};
    db::saveJudgement(db, ann, next);
    EXPECT_EQ(db::judgementOf(db, queue[1].comparisonId, ann)->tagsA, std::vector<std::string>{"off_topic"});
    // The judgement stored under the old taxonomy keeps its tag, also when it is edited.
    EXPECT_EQ(db::judgementOf(db, queue[0].comparisonId, ann)->tagsA, std::vector<std::string>{"still_toxic"});
    old.safetyA = 1;
    old.tagsA = {"still_toxic", "off_topic"};
    db::saveJudgement(db, ann, old);
    EXPECT_EQ(db::judgementOf(db, queue[0].comparisonId, ann)->tagsA, (std::vector<std::string>{"still_toxic", "off_topic"}));
    old.tagsB = {"still_toxic"};  // only where it was: output B never had it
    EXPECT_THROW(db::saveJudgement(db, ann, old), db::DbError);
}

TEST_F(ReviewSessionFixture, MalformedReviewTagsAreRefused) {
    nlohmann::json t = db::currentTaxonomy(db).json;
    t["review_tags"] = {{{"key", "a"}}, {{"key", "a"}}};
    try {
        db::reviewTags(t, 4);
        FAIL() << "a repeated key was taken";
    } catch (const core::InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("review_tags[1].key"));
        EXPECT_THAT(e.what(), HasSubstr("taxonomy v4"));
    }
    t["review_tags"] = {{{"label", "no key"}}};
    EXPECT_THROW(db::reviewTags(t, 4), core::InputError);
    t["review_tags"] = "still_toxic";
    EXPECT_THROW(db::reviewTags(t, 4), core::InputError);
    EXPECT_THROW(db::addTaxonomyVersion(db, t), db::DbError);  // never stored, so the project stays readable
    EXPECT_EQ(db::currentTaxonomy(db).version, 1);
}
