// db/review-package: a reviewer's package holds their comparisons with the same sides and texts but neither
// the runs behind them nor anyone else's judgements; merging brings judgements back once, and a package of
// another session or project is refused without changing anything.
#include <fstream>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/annotators.h"
#include "db/review-package.h"
#include "db/review-queue.h"
#include "db/review-sessions.h"
#include "support/db-query.h"
#include "support/review-project.h"
#include "support/test-data.h"

using namespace srllm;
using testing::HasSubstr;

namespace {

struct ReviewPackageFixture : testing::Test {
    test::ScratchDir dir;
    test::ReviewProject p = test::makeReviewProject(dir / "p.srllm");
    db::Database& db = p.project->db();
    int64_t ann = db::ensureAnnotator(db, "ann", "reviewer");
    int64_t bob = db::ensureAnnotator(db, "bob", "reviewer");
    db::ReviewSessionRow session = db::createReviewSession(db, {"blind", {p.original, p.base, p.tuned}, 4, 2, 5});

    void SetUp() override { db::assignReviewers(db, session.id, {ann, bob}); }
    db::Judgement judge(int64_t comparison, db::Verdict verdict, int safety) {
        return {comparison, verdict, safety, 4, 3, 2, {"truncated"}, {}, std::string("note"), 5};
    }
};

}  // namespace

TEST_F(ReviewPackageFixture, PackageIsBlindAndHoldsOnlyTheReviewersComparisons) {
    const auto annQueue = db::reviewQueue(db, session.id, ann);
    db::saveJudgement(db, bob, judge(db::reviewQueue(db, session.id, bob)[0].comparisonId, db::Verdict::A, 2));
    db::saveJudgement(db, ann, judge(annQueue[1].comparisonId, db::Verdict::B, 4));
    const std::string out = dir / "ann.srllm";
    const auto m = db::createReviewPackage(*p.project, "blind", "ann", out);
    EXPECT_EQ(m.comparisons, int64_t(annQueue.size()));
    EXPECT_EQ(m.judgements, 1);

    auto package = db::Project::open(out);
    db::Database& pkg = package->db();
    const int64_t reviewer = db::annotatorByName(pkg, "ann")->id;
    const auto queue = db::reviewQueue(pkg, session.id, reviewer);
    ASSERT_EQ(queue.size(), annQueue.size());
    for (size_t k = 0; k < queue.size(); ++k) {  // same comparison, order, sides, texts and references
        EXPECT_EQ(queue[k].comparisonId, annQueue[k].comparisonId);
        EXPECT_EQ(queue[k].source, annQueue[k].source);
        EXPECT_EQ(queue[k].outputA, annQueue[k].outputA);
        EXPECT_EQ(queue[k].outputB, annQueue[k].outputB);
        EXPECT_EQ(queue[k].references, annQueue[k].references);
        EXPECT_EQ(queue[k].judged, k == 1);
    }
    // Blind: no source run (names, models), no other person, no other judgement; revealing names only sides.
    EXPECT_EQ(test::queryInt(pkg, "SELECT count(*) FROM annotators"), 1);
    EXPECT_EQ(test::queryInt(pkg, "SELECT count(*) FROM review_judgements"), 1);
    EXPECT_EQ(test::queryInt(pkg, "SELECT count(*) FROM generation_runs WHERE name NOT IN ('side A', 'side B')"
                                  " OR base_model <> 'hidden' OR job_dir IS NOT NULL OR model_hash IS NOT NULL"), 0);
    EXPECT_EQ(test::queryInt(pkg, "SELECT count(*) FROM generations WHERE model <> 'hidden'"), 0);
    const auto sides = db::revealSides(pkg, queue[1].comparisonId, reviewer);
    EXPECT_EQ(sides.runA, "side A");
    EXPECT_EQ(sides.runB, "side B");
}

TEST_F(ReviewPackageFixture, MergeBringsJudgementsBackOnceAndKeepsNewerOnes) {
    const std::string out = dir / "ann.srllm";
    db::createReviewPackage(*p.project, "blind", "ann", out);
    {
        auto package = db::Project::open(out);
        db::Database& pkg = package->db();
        const int64_t reviewer = db::annotatorByName(pkg, "ann")->id;
        const auto queue = db::reviewQueue(pkg, session.id, reviewer);
        db::saveJudgement(pkg, reviewer, judge(queue[0].comparisonId, db::Verdict::Tie, 1));
        db::saveJudgement(pkg, reviewer, judge(queue[2].comparisonId, db::Verdict::BothUnsafe, 5));
    }
    const auto first = db::mergeReviewPackage(*p.project, out);
    EXPECT_EQ(first.inserted, 2);
    EXPECT_EQ(first.reviewer, "ann");
    const auto queue = db::reviewQueue(db, session.id, ann);
    const auto merged = db::judgementOf(db, queue[2].comparisonId, ann);
    ASSERT_TRUE(merged.has_value());
    EXPECT_EQ(merged->verdict, db::Verdict::BothUnsafe);
    EXPECT_EQ(merged->safetyA, 5);
    EXPECT_EQ(merged->tagsA, std::vector<std::string>{"truncated"});
    EXPECT_FALSE(db::judgementOf(db, queue[2].comparisonId, bob).has_value());

    const std::string before = test::queryText(db, "SELECT group_concat(updated_at || verdict) FROM review_judgements");
    const auto second = db::mergeReviewPackage(*p.project, out);  // merging twice is merging once
    EXPECT_EQ(second.inserted + second.updated, 0);
    EXPECT_EQ(second.unchanged, 2);
    EXPECT_EQ(test::queryText(db, "SELECT group_concat(updated_at || verdict) FROM review_judgements"), before);

    db::saveJudgement(db, ann, judge(queue[0].comparisonId, db::Verdict::A, 3));  // the project's is newer now
    const auto third = db::mergeReviewPackage(*p.project, out);
    EXPECT_EQ(third.keptNewer, 1);
    EXPECT_EQ(db::judgementOf(db, queue[0].comparisonId, ann)->verdict, db::Verdict::A);
}

TEST_F(ReviewPackageFixture, PackageOfAnotherSessionOrProjectIsRefusedAndChangesNothing) {
    test::ReviewProject other = test::makeReviewProject(dir / "other.srllm");
    const int64_t otherAnn = db::ensureAnnotator(other.project->db(), "ann", "reviewer");
    const auto otherSession = db::createReviewSession(other.project->db(), {"blind", {other.base, other.tuned}, 3, 1, 1});
    db::assignReviewers(other.project->db(), otherSession.id, {otherAnn});
    const std::string foreign = dir / "foreign.srllm";
    db::createReviewPackage(*other.project, "blind", "ann", foreign);
    {
        auto package = db::Project::open(foreign);
        const int64_t reviewer = db::annotatorByName(package->db(), "ann")->id;
        db::saveJudgement(package->db(), reviewer,
                          judge(db::reviewQueue(package->db(), otherSession.id, reviewer)[0].comparisonId, db::Verdict::A, 1));
    }
    try {
        db::mergeReviewPackage(*p.project, foreign);
        FAIL() << "a package of another project was merged";
    } catch (const core::InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("foreign.srllm"));
        EXPECT_THAT(e.what(), HasSubstr("review session 'blind'"));
    }
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM review_judgements"), 0);
    EXPECT_THROW(db::mergeReviewPackage(*p.project, dir / "other.srllm"), core::InputError);  // not a package
    EXPECT_THROW(db::createReviewPackage(*p.project, "blind", "nobody", dir / "x.srllm"), core::InputError);
    EXPECT_THROW(db::createReviewPackage(*p.project, "none", "ann", dir / "x.srllm"), core::InputError);
    EXPECT_FALSE(std::filesystem::exists(dir / "x.srllm"));
}

// #12: a review package comes back from a reviewer's machine, so its rows may have been edited with their CHECKs
// set aside. A verdict, score or time no judgement can hold is refused naming the package, and nothing is
// merged; before, the project's own CHECKs refused the insert with an error naming the project.
TEST_F(ReviewPackageFixture, AJudgementOfTheWrongShapeIsRefusedNamingThePackage) {
    const std::string out = dir / "ann.srllm";
    db::createReviewPackage(*p.project, "blind", "ann", out);
    for (const char* damage : {"verdict = 'maybe'", "safety_a = 9", "seconds = -1", "tags_b = '{}'"}) {
        SCOPED_TRACE(damage);
        std::filesystem::copy_file(out, dir / "damaged.srllm", std::filesystem::copy_options::overwrite_existing);
        {
            auto package = db::Project::open(dir / "damaged.srllm");
            db::Database& pkg = package->db();
            const int64_t reviewer = db::annotatorByName(pkg, "ann")->id;
            const auto queue = db::reviewQueue(pkg, session.id, reviewer);
            db::saveJudgement(pkg, reviewer, judge(queue[0].comparisonId, db::Verdict::Tie, 1));
            db::saveJudgement(pkg, reviewer, judge(queue[1].comparisonId, db::Verdict::A, 2));
            pkg.exec("PRAGMA ignore_check_constraints=ON");
            pkg.prepare("UPDATE review_judgements SET " + std::string(damage) + " WHERE comparison_id = ?1")
                .bind(1, queue[1].comparisonId).run();
        }
        try {
            db::mergeReviewPackage(*p.project, dir / "damaged.srllm");
            ADD_FAILURE() << "a damaged judgement was merged";
        } catch (const core::InputError& e) {
            EXPECT_THAT(e.what(), HasSubstr("damaged.srllm: field 'review_judgements': CHECK constraint failed"));
        }
        EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM review_judgements"), 0);
    }
}

// #12 (fuzz finding 15): a package whose header's text-encoding field was damaged (6400: SQLite opens such a file
// as UTF-8 but refuses to attach it to a UTF-8 project) was refused with SQLite's error naming the project.
TEST_F(ReviewPackageFixture, APackageSQLiteWillNotAttachIsRefusedNamingThePackage) {
    const std::string out = dir / "ann.srllm";
    db::createReviewPackage(*p.project, "blind", "ann", out);
    {
        std::fstream file(out, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(56);  // the header's text encoding, a big-endian 32-bit integer
        file.write("\x00\x00\x19\x00", 4);
    }
    try {
        db::mergeReviewPackage(*p.project, out);
        FAIL() << "a package SQLite refuses to attach was merged";
    } catch (const core::InputError& e) {
        EXPECT_THAT(e.what(), testing::StartsWith(out + ": cannot be attached to merge it: "));
        EXPECT_THAT(e.what(), HasSubstr("same text encoding"));
    }
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM review_judgements"), 0);
}
