// `srllm review new|assign|list|results` and `srllm review-results`, run as the real binary (SRLLM_CLI) on the
// project of tests/support/review-project.h; judgements are written through db/ as a reviewer would.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "db/annotators.h"
#include "db/review-queue.h"
#include "support/cli-run.h"
#include "support/review-project.h"
#include "support/test-data.h"

using namespace srllm;
using test::runCli;
using test::shellQuote;
using testing::HasSubstr;

TEST(CliReview, SessionIsCreatedAssignedAndItsResultsPrinted) {
    test::ScratchDir dir;
    const std::string path = dir / "p.srllm";
    test::makeReviewProject(path);
    const std::string project = shellQuote(path);

    auto run = runCli("review new " + project + " --name first --runs original,base,tuned --items 4 --seed 9 --json");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto created = nlohmann::json::parse(run.output);
    EXPECT_EQ(created["comparisons"], 12);  // 4 items x 3 pairs
    EXPECT_EQ(created["runs"], nlohmann::json({"original", "base", "tuned"}));

    run = runCli("review assign " + project + " --session first --reviewers ann,bob");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("12 assignments added"));
    run = runCli("review list " + project);
    EXPECT_THAT(run.output, HasSubstr("first"));

    {
        auto p = db::Project::open(path);
        const int64_t ann = db::annotatorByName(p->db(), "ann")->id;
        EXPECT_EQ(db::annotatorByName(p->db(), "ann")->role, "reviewer");
        const auto queue = db::reviewQueue(p->db(), 1, ann);
        ASSERT_EQ(queue.size(), 6u);
        for (const auto& task : queue) db::saveJudgement(p->db(), ann, {task.comparisonId, db::Verdict::A, 4, 2, 5, 5, {}, {}, {}, 3});
    }
    run = runCli("review-results " + project + " --json --bootstrap 50");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto results = nlohmann::json::parse(run.output);
    EXPECT_EQ(results["session"], "first");
    EXPECT_EQ(results["judgements"], 6);
    int64_t wins = 0, losses = 0;
    for (const auto& w : results["win_rates"]) {
        wins += w["wins"].get<int64_t>();
        losses += w["losses"].get<int64_t>();
    }
    EXPECT_EQ(wins, 6);  // every judgement has one winner and one loser
    EXPECT_EQ(losses, 6);
    EXPECT_EQ(results["bradley_terry"].size(), 3u);
    EXPECT_EQ(runCli("review results " + project + " --session first --json --bootstrap 50").output, run.output);

    run = runCli("review results " + project + " --bootstrap 50");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("Bradley-Terry"));
    EXPECT_THAT(run.output, HasSubstr("6 judgements of 12 comparisons"));
}

TEST(CliReview, BadInputNamesTheProblem) {
    test::ScratchDir dir;
    const std::string path = dir / "p.srllm";
    test::makeReviewProject(path);
    auto run = runCli("review new " + shellQuote(path) + " --name s --runs base,nope");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("option '--runs': no generation run named 'nope'"));
    run = runCli("review new " + shellQuote(path) + " --name s --runs base");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("needs at least two runs"));
    run = runCli("review-results " + shellQuote(path) + " --json");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("no review sessions"));
    run = runCli("review assign " + shellQuote(path) + " --session missing --reviewers ann");
    EXPECT_THAT(run.output, HasSubstr("no review session named 'missing'"));
}

TEST(CliReview, PackageIsJudgedOfflineAndMergedBackOnce) {
    test::ScratchDir dir;
    const std::string path = dir / "p.srllm", out = dir / "ann-package.srllm";
    test::makeReviewProject(path);
    const std::string project = shellQuote(path);
    ASSERT_EQ(runCli("review new " + project + " --name first --runs base,tuned --items 3 --seed 2").exitCode, 0);
    ASSERT_EQ(runCli("review assign " + project + " --session first --reviewers ann,bob").exitCode, 0);
    auto run = runCli("review-package " + project + " --session first --reviewer ann " + shellQuote(out));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    // 3 comparisons, one reviewer each, round robin over ann and bob: ann has two.
    EXPECT_THAT(run.output, HasSubstr("2 comparisons, 0 earlier judgements"));
    {
        auto package = db::Project::open(out);
        const int64_t ann = db::annotatorByName(package->db(), "ann")->id;
        for (const auto& task : db::reviewQueue(package->db(), 1, ann))
            db::saveJudgement(package->db(), ann, {task.comparisonId, db::Verdict::B, 2, 3, 4, 5, {}, {}, {}, 3});
    }
    run = runCli("review-merge " + project + " " + shellQuote(out));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("2 new, 0 updated, 0 unchanged"));
    run = runCli("review-merge " + project + " " + shellQuote(out));
    EXPECT_THAT(run.output, HasSubstr("0 new, 0 updated, 2 unchanged"));
    run = runCli("review-results " + project + " --json --bootstrap 20");
    EXPECT_EQ(nlohmann::json::parse(run.output)["judgements"], 2);

    run = runCli("review-merge " + project + " " + project);  // a project is not a package
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("not a review package"));
    run = runCli("review-package " + project + " --session first --reviewer ann " + shellQuote(out));
    EXPECT_THAT(run.output, HasSubstr("already exists"));
}
