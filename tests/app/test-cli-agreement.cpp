// `srllm agreement`, `adjudicate`, `package` and `merge`, run as the real binary (SRLLM_CLI) on the hand-made
// project of tests/support/agreement-project.h (expected figures: tests/data/agreement/).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "db/taxonomy-store.h"
#include "support/agreement-project.h"
#include "support/cli-run.h"
#include "support/test-data.h"

using namespace srllm;
using test::runCli;
using test::shellQuote;
using testing::HasSubstr;

namespace {
std::string makeProject(const test::ScratchDir& dir) {
    const std::string path = dir / "p.srllm";
    test::makeAgreementProject(path);
    return path;
}
}  // namespace

TEST(CliAgreement, JsonReportsFieldFiguresAndIsReproducibleForASeed) {
    test::ScratchDir dir;
    const std::string path = makeProject(dir);
    const auto run = runCli("agreement " + shellQuote(path) + " --json --bootstrap 200 --seed 3");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto json = nlohmann::json::parse(run.output);
    const auto& bias = json.at("fields").at(0);
    EXPECT_EQ(bias.at("key"), "bias");
    EXPECT_EQ(bias.at("items"), 5);
    EXPECT_EQ(bias.at("annotators"), 3);
    EXPECT_NEAR(bias.at("fleiss_kappa").get<double>(), 0.0141666667, 1e-9);  // hand_project_reference.py
    EXPECT_EQ(bias.at("fleiss_kappa_ci95").size(), 2u);
    EXPECT_EQ(json.at("fields").at(1).at("alpha_metric"), "ordinal");
    EXPECT_EQ(json.at("bootstrap").at("resamples"), 200);
    EXPECT_EQ(runCli("agreement " + shellQuote(path) + " --json --bootstrap 200 --seed 3").output, run.output);
}

TEST(CliAgreement, TableAndBadOptions) {
    test::ScratchDir dir;
    const std::string path = makeProject(dir);
    const auto table = runCli("agreement " + shellQuote(path) + " --bootstrap 50");
    ASSERT_EQ(table.exitCode, 0) << table.output;
    EXPECT_THAT(table.output, HasSubstr("Fleiss kappa"));
    EXPECT_THAT(table.output, HasSubstr("toxicity"));
    EXPECT_THAT(table.output, HasSubstr("mean pairwise chrF"));
    EXPECT_NE(runCli("agreement " + shellQuote(path) + " --bootstrap -5").exitCode, 0);
    EXPECT_NE(runCli("agreement " + shellQuote(dir / "missing.srllm")).exitCode, 0);
}

TEST(CliAdjudicate, MajorityPrintsCountsAndWritesGold) {
    test::ScratchDir dir;
    const std::string path = makeProject(dir);
    EXPECT_NE(runCli("adjudicate " + shellQuote(path)).exitCode, 0);  // --auto is required
    EXPECT_NE(runCli("adjudicate " + shellQuote(path) + " --auto vibes").exitCode, 0);
    const auto run = runCli("adjudicate " + shellQuote(path) + " --auto majority");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("5 items"));
    EXPECT_THAT(run.output, HasSubstr("unanimous gold: 2"));
    EXPECT_THAT(run.output, HasSubstr("majority gold:  1"));
    EXPECT_THAT(run.output, HasSubstr("no strict majority): 1"));
    EXPECT_THAT(run.output, HasSubstr("expert gold kept: 1"));
    auto project = db::Project::open(path);
    EXPECT_EQ(db::allGold(project->db()).size(), 4u);  // items 1, 2, 3 + the expert's item 5
}

TEST(CliPackage, PackageAnnotateMergeTwiceAndRefuseOtherTaxonomy) {
    test::ScratchDir dir;
    const std::string path = makeProject(dir);
    const std::string package = dir / "dora.srllm";
    const auto made = runCli("package " + shellQuote(path) + " --annotator dora " + shellQuote(package));
    ASSERT_EQ(made.exitCode, 0) << made.output;
    EXPECT_THAT(made.output, HasSubstr("6 items"));
    EXPECT_NE(runCli("package " + shellQuote(path) + " --annotator dora " + shellQuote(package)).exitCode, 0);
    {
        auto offline = db::Project::open(package);
        const int64_t dora = db::annotatorByName(offline->db(), "dora")->id;
        const auto items = db::queryItems(offline->db(), {});
        test::saveLabels(offline->db(), items.at(1).id, dora, "No", "Mild", {}, {}, "Drivers differ.", 9);
    }
    const auto first = runCli("merge " + shellQuote(path) + " " + shellQuote(package));
    ASSERT_EQ(first.exitCode, 0) << first.output;
    EXPECT_THAT(first.output, HasSubstr("1 new"));
    const auto second = runCli("merge " + shellQuote(path) + " " + shellQuote(package));
    ASSERT_EQ(second.exitCode, 0) << second.output;
    EXPECT_THAT(second.output, HasSubstr("0 new, 0 updated, 1 unchanged"));
    {
        auto project = db::Project::open(path);
        const auto dora = db::annotatorByName(project->db(), "dora");
        ASSERT_TRUE(dora);
        const auto text = test::agreementProjectTexts().at(1);
        const auto row = db::annotationFor(project->db(), db::itemByText(project->db(), text)->id, dora->id);
        ASSERT_TRUE(row);
        EXPECT_EQ(row->rewrite, "Drivers differ.");
        auto taxonomy = db::currentTaxonomy(project->db()).json;
        taxonomy["fields"][0]["definition"] = "Reworded.";
        db::addTaxonomyVersion(project->db(), taxonomy);
    }
    const auto refused = runCli("merge " + shellQuote(path) + " " + shellQuote(package));
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_THAT(refused.output, HasSubstr("taxonomy version 1"));
    EXPECT_THAT(refused.output, HasSubstr("srllm package"));
}
