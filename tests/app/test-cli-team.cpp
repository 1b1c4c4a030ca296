// `srllm annotator`, `assign`, `route`, `suggest`, `import --format label-studio|doccano` and
// `export --format annotations-*|gold-*`, run as the real binary (SRLLM_CLI) (#11 items 2, 3, 4, 8).
#include <map>
#include <set>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "db/project.h"
#include "support/cli-run.h"
#include "support/db-query.h"
#include "support/test-data.h"

using namespace srllm;
using test::runCli;
using test::shellQuote;
using testing::HasSubstr;

namespace {

std::string fixture(const std::string& name) { return (test::sourceDir() / "tests/data/label-tools" / name).string(); }

// A project with ten items "item 0." ... "item 9." and the people named (name:role).
std::string makeProject(const test::ScratchDir& dir, const std::vector<std::string>& people) {
    const std::string path = dir / "p.srllm";
    std::string csv = "text\n";
    for (int i = 0; i < 10; ++i) csv += "item " + std::to_string(i) + ".\n";
    const auto items = test::writeFile(dir, "items.csv", csv);
    EXPECT_EQ(runCli("init " + shellQuote(path)).exitCode, 0);
    const auto imported = runCli("import " + shellQuote(path) + " " + shellQuote(items));
    EXPECT_EQ(imported.exitCode, 0) << imported.output;
    for (const auto& person : people) {
        const auto colon = person.find(':');
        const auto run = runCli("annotator add " + shellQuote(path) + " " + person.substr(0, colon) +
                                (colon == std::string::npos ? "" : " --role " + person.substr(colon + 1)));
        EXPECT_EQ(run.exitCode, 0) << run.output;
    }
    return path;
}

// annotator name -> number of assigned items, from the store.
std::map<std::string, int64_t> assignedPerAnnotator(const std::string& path) {
    auto project = db::Project::open(path);
    auto st = project->db().prepare(
        "SELECT a.name, count(s.item_id) FROM annotators a LEFT JOIN assignments s ON s.annotator_id = a.id GROUP BY a.id");
    std::map<std::string, int64_t> counts;
    while (st.step()) counts[st.columnText(0)] = st.columnInt(1);
    return counts;
}

}  // namespace

TEST(CliTeam, AnnotatorsAreAddedWithRolesAndListed) {
    test::ScratchDir dir;
    const std::string path = makeProject(dir, {"ana", "eve:expert", "rex:reviewer"});
    EXPECT_NE(runCli("annotator add " + shellQuote(path) + " ana").exitCode, 0);  // the name is taken
    const auto wizard = runCli("annotator add " + shellQuote(path) + " zed --role wizard");
    EXPECT_NE(wizard.exitCode, 0);
    EXPECT_THAT(wizard.output, HasSubstr("wizard"));
    const auto list = runCli("annotator list " + shellQuote(path) + " --json");
    ASSERT_EQ(list.exitCode, 0) << list.output;
    std::map<std::string, std::string> roles;
    for (const auto& row : nlohmann::json::parse(list.output)) roles[row.at("name")] = row.at("role");
    EXPECT_EQ(roles, (std::map<std::string, std::string>{{"ana", "annotator"}, {"eve", "expert"}, {"rex", "reviewer"}}));
}

TEST(CliTeam, AssignWithOverlapIsBalancedAndReassigningKeepsDoneLabels) {
    test::ScratchDir dir;
    const std::string path = makeProject(dir, {"ana", "ben", "cy", "dan"});
    EXPECT_NE(runCli("assign " + shellQuote(path) + " --annotators ana,nobody").exitCode, 0);
    EXPECT_NE(runCli("assign " + shellQuote(path) + " --annotators ana --strategy vibes").exitCode, 0);
    EXPECT_TRUE(assignedPerAnnotator(path).at("ana") == 0);  // refused options wrote nothing

    const auto run = runCli("assign " + shellQuote(path) + " --annotators ana,ben,cy --overlap 2 --seed 7");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("assigned 10 of 10 items (overlap 2, round-robin, seed 7): 20 new assignments"));
    // 20 assignments over 3 people: 7, 7 and 6; every item held by exactly 2 different people.
    auto counts = assignedPerAnnotator(path);
    std::multiset<int64_t> shares{counts["ana"], counts["ben"], counts["cy"]};
    EXPECT_EQ(shares, (std::multiset<int64_t>{6, 7, 7}));
    {
        auto project = db::Project::open(path);
        EXPECT_EQ(test::queryInt(project->db(), "SELECT count(*) FROM (SELECT item_id FROM assignments GROUP BY item_id"
                                                " HAVING count(DISTINCT annotator_id) = 2)"),
                  10);
    }

    // ana labels one of her items, then her open ones go to dan: the done one and its label stay hers.
    int64_t anaItem = 0;
    {
        auto project = db::Project::open(path);
        anaItem = test::queryInt(project->db(), "SELECT min(item_id) FROM assignments WHERE annotator_id ="
                                                " (SELECT id FROM annotators WHERE name = 'ana')");
    }
    const auto labels = test::writeFile(
        dir, "ana.jsonl", "{\"item\": \"item " + std::to_string(anaItem - 1) + ".\", \"annotator\": \"ana\", \"labels\": {\"bias\": \"Yes\"}}\n");
    ASSERT_EQ(runCli("import " + shellQuote(path) + " " + shellQuote(labels)).exitCode, 0);
    const int64_t anaBefore = counts["ana"];
    const auto moved = runCli("assign " + shellQuote(path) + " --reassign ana --to dan");
    ASSERT_EQ(moved.exitCode, 0) << moved.output;
    EXPECT_THAT(moved.output, HasSubstr("reassigned " + std::to_string(anaBefore - 1) + " open items from ana to dan "
                                        "(1 done items stay with ana"));
    counts = assignedPerAnnotator(path);
    EXPECT_EQ(counts["ana"], 1);
    EXPECT_EQ(counts["dan"], anaBefore - 1);
    auto project = db::Project::open(path);
    EXPECT_EQ(test::queryText(project->db(), "SELECT labels FROM annotations"), R"({"bias":"Yes"})");
}

TEST(CliTeam, RouteSendsADisagreementToAnExpert) {
    test::ScratchDir dir;
    const std::string path = makeProject(dir, {"ana", "ben", "eve:expert"});
    EXPECT_NE(runCli("route " + shellQuote(path) + " --threshold 1.5").exitCode, 0);
    EXPECT_NE(runCli("route " + shellQuote(path) + " --fields colour").exitCode, 0);
    const auto labels = test::writeFile(dir, "labels.jsonl",
                                        "{\"item\": \"item 1.\", \"annotator\": \"ana\", \"labels\": {\"bias\": \"Yes\"}}\n"
                                        "{\"item\": \"item 1.\", \"annotator\": \"ben\", \"labels\": {\"bias\": \"No\"}}\n"
                                        "{\"item\": \"item 2.\", \"annotator\": \"ana\", \"labels\": {\"bias\": \"No\"}}\n"
                                        "{\"item\": \"item 2.\", \"annotator\": \"ben\", \"labels\": {\"bias\": \"No\"}}\n");
    ASSERT_EQ(runCli("import " + shellQuote(path) + " " + shellQuote(labels)).exitCode, 0);
    const auto off = runCli("route " + shellQuote(path));  // routing is off until a lead turns it on
    EXPECT_THAT(off.output, HasSubstr("routed 0 items"));

    const auto run = runCli("route " + shellQuote(path) + " --threshold 0.75 --to expert --fields bias");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("routing on: threshold 0.75, to expert, fields bias"));
    EXPECT_THAT(run.output, HasSubstr("-> eve (expert): bias: 1 of 2 agree"));  // item 1 only: 1/2 < 0.75
    EXPECT_THAT(run.output, HasSubstr("routed 1 items"));
    EXPECT_THAT(runCli("route " + shellQuote(path)).output, HasSubstr("routed 0 items"));  // routed once
    auto project = db::Project::open(path);
    EXPECT_EQ(test::queryText(project->db(), "SELECT i.text FROM assignments s JOIN items i ON i.id = s.item_id"
                                             " WHERE s.reason = 'expert'"),
              "item 1.");
}

TEST(CliTeam, LexiconSuggestionsAreStoredAsSuggestionsNeverAsLabels) {
    test::ScratchDir dir;
    const std::string path = makeProject(dir, {"ana"});
    const auto words = test::writeFile(dir, "words.txt", "item 3\nnowhere\n");  // a phrase found in one item
    const auto run = runCli("suggest " + shellQuote(path) + " --lexicon " + shellQuote(words));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("(2 entries): candidate words in 1 of 10 items"));
    EXPECT_NE(runCli("suggest " + shellQuote(path)).exitCode, 0);  // neither --lexicon nor --from
    auto project = db::Project::open(path);
    EXPECT_EQ(test::queryInt(project->db(), "SELECT count(*) FROM suggestions"), 1);
    EXPECT_EQ(test::queryInt(project->db(), "SELECT count(*) FROM annotations"), 0);
    EXPECT_EQ(test::queryInt(project->db(), "SELECT count(*) FROM gold"), 0);
}

TEST(CliTeam, ScorerSuggestionsAgreeWithScoreAndSetTheProjectsScorer) {
    test::ScratchDir dir;
    const std::string path = makeProject(dir, {"ana"});
    std::string lines;  // a word rule: "idiot" is toxic
    for (int i = 0; i < 40; ++i)
        lines += nlohmann::json{{"text", "item " + std::to_string(i) + (i % 2 ? ". idiot" : ". fine")}, {"toxicity", i % 2}}.dump() + "\n";
    const std::string scorer = (dir / "scorer").string();
    auto run = runCli("scorer train - " + shellQuote(scorer) + " --hash-bits 12 --data " +
                      shellQuote(test::writeFile(dir, "labels.jsonl", lines)));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    run = runCli("suggest " + shellQuote(path) + " --scorer " + shellQuote(scorer));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("suggested risk labels for 10 of 10 items"));
    run = runCli("score --json --scorer " + shellQuote(scorer) + " 'item 3.'");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto scored = nlohmann::json::parse(run.output.substr(0, run.output.find('\n')));
    auto project = db::Project::open(path);
    auto& d = project->db();
    const std::string source = "scorer:" + scored["scorer"].get<std::string>();
    EXPECT_EQ(test::queryInt(d, "SELECT count(*) FROM suggestions WHERE source = '" + source + "'"), 10);
    const auto labels = nlohmann::json::parse(test::queryText(
        d, "SELECT s.labels FROM suggestions s JOIN items i ON i.id = s.item_id WHERE i.text = 'item 3.'"));
    EXPECT_EQ(labels["toxicity"], scored["toxicity"].get<double>() >= 0.5 ? "Mild" : "No");
    EXPECT_EQ(test::queryInt(d, "SELECT count(*) FROM annotations"), 0);  // suggestions, never labels
    EXPECT_EQ(test::queryText(d, "SELECT value FROM project_settings WHERE key = 'suggestion_scorer'"),
              nlohmann::json(scorer).dump());
    run = runCli("suggest " + shellQuote(path) + " --scorer " + shellQuote(dir.path().string()));  // not a scorer
    EXPECT_NE(run.exitCode, 0);
    EXPECT_THAT(run.output, HasSubstr("scorer.json"));
}

TEST(CliTeam, LabelStudioImportShowsTheMappingAndDoccanoWithoutARuleWritesNothing) {
    test::ScratchDir dir;
    const std::string path = makeProject(dir, {});
    const auto dry = runCli("import " + shellQuote(path) + " " + shellQuote(fixture("label-studio-export.json")) +
                            " --dry-run");
    ASSERT_EQ(dry.exitCode, 0) << dry.output;
    EXPECT_THAT(dry.output, HasSubstr("label-studio: 3 tasks, 3 annotations"));
    EXPECT_THAT(dry.output, HasSubstr("-> toxicity = Mild"));
    EXPECT_THAT(dry.output, HasSubstr("dry run: nothing written"));
    const auto done = runCli("import " + shellQuote(path) + " " + shellQuote(fixture("label-studio-export.json")));
    ASSERT_EQ(done.exitCode, 0) << done.output;
    EXPECT_THAT(done.output, HasSubstr("3 new items in dataset 'label-studio-export', 3 annotations, 2 new annotators"));

    const auto refused = runCli("import " + shellQuote(path) + " " + shellQuote(fixture("doccano-classification.jsonl")));
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_THAT(refused.output, HasSubstr("no taxonomy field has the value 'Biased'"));
    EXPECT_THAT(refused.output, HasSubstr("nothing was written"));
    {
        auto project = db::Project::open(path);
        EXPECT_EQ(test::queryInt(project->db(), "SELECT count(*) FROM items"), 13);
    }
    const auto mapped = runCli("import " + shellQuote(path) + " " + shellQuote(fixture("doccano-classification.jsonl")) +
                               " --map Biased=bias:Yes --annotator dee");
    ASSERT_EQ(mapped.exitCode, 0) << mapped.output;
    auto project = db::Project::open(path);
    EXPECT_EQ(test::queryText(project->db(), "SELECT a.labels FROM annotations a JOIN items i ON i.id = a.item_id"
                                             " WHERE i.text = 'Immigrants are lazy.'"),
              R"({"bias":"Yes","sentiment":"Negative"})");
}

TEST(CliTeam, AnnotationsAndGoldExportAsJsonlAndCsv) {
    test::ScratchDir dir;
    const std::string path = makeProject(dir, {});
    ASSERT_EQ(runCli("import " + shellQuote(path) + " " + shellQuote(fixture("label-studio-export.json"))).exitCode, 0);
    const std::string jsonl = dir / "annotations.jsonl", csv = dir / "gold.csv";
    const auto run = runCli("export " + shellQuote(path) + " " + shellQuote(jsonl) + " --format annotations-jsonl");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("wrote 3 annotations"));
    std::map<std::string, std::string> biasByAnnotator;
    std::istringstream lines(test::readFile(jsonl));
    for (std::string line; std::getline(lines, line);) {
        const auto row = nlohmann::json::parse(line);
        if (row.at("item") == "Old people can't use phones.")
            biasByAnnotator[row.at("annotator")] = row.at("labels").at("bias");
    }
    EXPECT_EQ(biasByAnnotator,
              (std::map<std::string, std::string>{{"label-studio-user-1", "Yes"}, {"ben@example.org", "No"}}));
    const auto gold = runCli("export " + shellQuote(path) + " " + shellQuote(csv) + " --format gold-csv");
    ASSERT_EQ(gold.exitCode, 0) << gold.output;
    EXPECT_THAT(gold.output, HasSubstr("wrote 0 gold labels"));
    EXPECT_NE(runCli("export " + shellQuote(path) + " " + shellQuote(csv) + " --format gold-xml").exitCode, 0);
}
