// db/generation-runs and db/metric-values: frozen test sets, resumable outputs, metric values keyed by
// scorer and version, and nothing stored on a failed write.
#include <cstdio>
#include <functional>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/database.h"
#include "db/generation-runs.h"
#include "db/metric-values.h"
#include "db/project.h"
#include "support/db-query.h"
#include "support/test-data.h"

using namespace srllm;
using testing::HasSubstr;

namespace {

struct GenerationRunsFixture : testing::Test {
    test::ScratchDir dir;
    std::unique_ptr<db::Project> project = db::Project::create(dir / "p.srllm");
    db::Database& db = project->db();

    std::vector<db::RunItem> items(int n) {
        std::vector<db::RunItem> out;
        for (int i = 0; i < n; ++i) out.push_back({i, std::nullopt, "text " + std::to_string(i), {"ref " + std::to_string(i)}, "g"});
        return out;
    }
    static nlohmann::json oneRowTable() {  // the shape core::evaluationTable writes
        return {{"baseline", "r"}, {"n", 2}, {"tests", nlohmann::json::array()},
                {"rows", {{{"run", "r"}, {"groups", nlohmann::json::object()},
                           {"cells", {{"chrf_source", {{"value", 75.0}, {"lo", 50.0}, {"hi", 100.0}, {"n", 2}}}}}}}}};
    }
    db::GenerationRunRow makeRun(const std::string& name, int n) {
        db::GenerationRunSpec spec;
        spec.name = name;
        spec.baseModel = "/models/tiny";
        spec.modelHash = "sha256:abc";
        spec.decoding = {{"max_new_tokens", 8}};
        spec.testSet = "file:x.jsonl";
        return db::createGenerationRun(db, spec, items(n));
    }
};

const std::string kHashA(64, 'a'), kHashB(64, 'b');

}  // namespace

TEST_F(GenerationRunsFixture, TestSetHashIsTheDocumentedEncoding) {
    // position;len:source count;len:ref... len:group, hashed by coreutils' sha256sum.
    const auto file = dir / "encoding.bin";
    FILE* out = std::fopen(file.c_str(), "wb");
    std::fputs("0;6:text 01;5:ref 01:g1;6:text 11;5:ref 11:g", out);
    std::fclose(out);
    FILE* pipe = popen(("sha256sum " + file.string()).c_str(), "r");
    char hex[65] = {};
    ASSERT_EQ(std::fread(hex, 1, 64, pipe), 64u);
    pclose(pipe);
    EXPECT_EQ(db::testSetHash(items(2)), std::string(hex));
    EXPECT_EQ(makeRun("a", 2).testSetHash, std::string(hex));
}

TEST_F(GenerationRunsFixture, OutputsResumeWhereTheyStoppedAndFinishTheRun) {
    const auto run = makeRun("tuned", 3);
    EXPECT_EQ(run.status, "running");
    EXPECT_EQ(run.itemCount, 3);
    db::storeRunOutputs(db, run.id, {{0, "p0", "out 0", {{"tokens", 2}}}, {2, "p2", "out 2", {}}});
    const auto pending = db::pendingRunItems(db, run.id);
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].position, 1);
    EXPECT_EQ(pending[0].source, "text 1");
    EXPECT_EQ(pending[0].references, std::vector<std::string>{"ref 1"});
    EXPECT_EQ(db::generationRunById(db, run.id)->status, "running");
    db::storeRunOutputs(db, run.id, {{1, "p1", "out 1", {}}});
    const auto done = *db::generationRunByName(db, "tuned");
    EXPECT_EQ(done.status, "done");
    EXPECT_EQ(done.outputCount, 3);
    EXPECT_TRUE(done.finishedAt.has_value());
    EXPECT_EQ(done.spec.decoding["max_new_tokens"], 8);
    const auto rows = db::runOutputs(db, run.id);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(*rows[1].output, "out 1");
    EXPECT_EQ(test::queryText(db, "SELECT model || ' ' || prompt FROM generations WHERE position = 2"), "/models/tiny p2");
}

TEST_F(GenerationRunsFixture, ABatchWithADuplicateOrUnknownPositionStoresNothing) {
    const auto run = makeRun("r", 2);
    db::storeRunOutputs(db, run.id, {{0, "", "first", {}}});
    try {
        db::storeRunOutputs(db, run.id, {{1, "", "second", {}}, {0, "", "again", {}}});
        FAIL() << "an output was stored twice";
    } catch (const db::DbError& e) {
        EXPECT_THAT(e.what(), HasSubstr("already has an output at position 0"));
    }
    EXPECT_THROW(db::storeRunOutputs(db, run.id, {{1, "", "x", {}}, {5, "", "y", {}}}), db::DbError);
    EXPECT_EQ(test::queryText(db, "SELECT group_concat(output, '|') FROM generations"), "first");
    EXPECT_EQ(db::pendingRunItems(db, run.id).size(), 1u);
}

TEST_F(GenerationRunsFixture, EmptyTestSetAndTakenNameAreRefused) {
    makeRun("r", 1);
    EXPECT_THROW(makeRun("r", 1), db::DbError);
    EXPECT_THROW(makeRun("empty", 0), db::DbError);
    EXPECT_EQ(db::listGenerationRuns(db).size(), 1u);
    db::GenerationRunSpec noModel;
    noModel.name = "m";
    noModel.testSet = "split:test";
    EXPECT_THROW(db::createGenerationRun(db, noModel, items(1)), db::DbError) << "a model run without a base model";
    noModel.kind = "original";
    EXPECT_EQ(db::createGenerationRun(db, noModel, items(1)).spec.kind, "original");
}

TEST_F(GenerationRunsFixture, MetricValuesKeepEachScorerAndVersionApartAndRecomputeInPlace) {
    const auto run = makeRun("r", 2);
    db::storeRunOutputs(db, run.id, {{0, "", "a", {}}, {1, "", "b", {}}});
    db::storeOutputMetric(db, run.id, {"toxicity", 1, kHashA}, {{0, 0.25, {}}, {1, 0.75, {}}});
    db::storeOutputMetric(db, run.id, {"toxicity", 1, kHashB}, {{0, 0.5, {}}});
    db::storeOutputMetric(db, run.id, {"flesch", 1, ""}, {{0, std::nullopt, {}}, {1, 90.0, {}}});
    db::storeOutputMetric(db, run.id, {"toxicity", 1, kHashA}, {{0, 0.25, {}}, {1, 0.75, {}}});  // again
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM metric_values"), 5);
    const auto a = db::runMetricSeries(db, run.id, {"toxicity", 1, kHashA});
    ASSERT_EQ(a.size(), 2u);
    EXPECT_DOUBLE_EQ(*a[0], 0.25);
    EXPECT_DOUBLE_EQ(*a[1], 0.75);
    const auto b = db::runMetricSeries(db, run.id, {"toxicity", 1, kHashB});
    EXPECT_DOUBLE_EQ(*b[0], 0.5);
    EXPECT_FALSE(b[1].has_value());
    EXPECT_FALSE(db::runMetricSeries(db, run.id, {"flesch", 1, ""})[0].has_value());
    EXPECT_FALSE(db::runMetricSeries(db, run.id, {"toxicity", 2, kHashA})[0].has_value());
    const std::vector<db::MetricKey> keys = {{"flesch", 1, ""}, {"toxicity", 1, kHashA}, {"toxicity", 1, kHashB}};
    EXPECT_EQ(db::runMetricKeys(db, run.id), keys);
    EXPECT_THROW(db::storeOutputMetric(db, run.id, {"x", 1, ""}, {{0, 1.0, {}}, {9, 1.0, {}}}), db::DbError);
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM metric_values WHERE metric = 'x'"), 0);
    db::storeRunSummary(db, run.id, {{"toxic-percent", 1, kHashA}, 50.0, {{"n", 2}}});
    const auto summary = db::runSummaryValues(db, run.id);
    ASSERT_EQ(summary.size(), 1u);
    EXPECT_EQ(summary[0].details["n"], 2);
    EXPECT_FALSE(db::latestEvaluation(db).has_value());
    db::RunValues values{run.id, {{{"chrf-source", 1, ""}, {{0, 100.0, {}}, {1, 50.0, {}}}}}, {{{"n", 1, ""}, 2.0, {}}}};
    const int64_t id = db::storeEvaluation(db, {values}, kHashA, oneRowTable());
    EXPECT_EQ((*db::latestEvaluation(db))["result"], oneRowTable());
    EXPECT_EQ((*db::latestEvaluation(db))["id"], id);
    EXPECT_DOUBLE_EQ(*db::runMetricSeries(db, run.id, {"chrf-source", 1, ""})[1], 50.0);
    // A failing part (no output at position 7) leaves nothing of the evaluation stored.
    db::RunValues broken{run.id, {{{"y", 1, ""}, {{0, 1.0, {}}}}, {{"z", 1, ""}, {{7, 1.0, {}}}}}, {}};
    EXPECT_THROW(db::storeEvaluation(db, {broken}, "", {}), db::DbError);
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM metric_values WHERE metric IN ('y', 'z')"), 0);
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM evaluations"), 1);
}

// #12: stored JSON that parses but lost its shape (a project from elsewhere, edited by another program) threw
// nlohmann's type_error with no file, or reached the GUI's reads of rows[0]["cells"] unchecked.
TEST_F(GenerationRunsFixture, StoredJsonOfTheWrongShapeIsRefusedNamingTheFileAndRow) {
    const auto run = makeRun("r", 2);
    db::storeRunOutputs(db, run.id, {{0, "", "a", {}}, {1, "", "b", {}}});
    const int64_t id = db::storeEvaluation(db, {{run.id, {}, {}}}, kHashA, oneRowTable());
    const std::string file = (dir / "p.srllm").string(), evaluation = "evaluation " + std::to_string(id);
    struct Case {
        const char* sql;
        std::function<void()> read;
        std::string message;
    };
    const auto latest = [&] { db::latestEvaluation(db); };
    const Case cases[] = {
        {R"(UPDATE evaluations SET result = json_set(result, '$.rows[0].cells.chrf_source.value', '75'))", latest,
         "result of " + evaluation + ": rows[0].cells.chrf_source.value: expected a number or null, found string"},
        {R"(UPDATE evaluations SET result = '{"rows": 5}')", [&] { db::evaluationOfRuns(db, {run.id}); },
         "result of " + evaluation + ": baseline: expected a value, found none"},
        {R"(UPDATE evaluations SET run_ids = '[1e300]')", latest, "run ids of " + evaluation + ": must be an integer, found 1e+300"},
        {R"(UPDATE evaluations SET run_ids = '{"0": 1}')", latest, "run ids of " + evaluation + ": expected a list of integers, found object"},
        {R"(UPDATE generation_run_items SET refs = '[5]' WHERE position = 1)", [&] { db::runItems(db, run.id); },
         "references of a generation run item: expected a list of strings, found 5 in it"},
        {R"(UPDATE generation_run_items SET refs = '"one"' WHERE position = 1)", [&] { db::runOutputs(db, run.id); },
         "references of a generation run item: expected a list of strings, found string"},
    };
    for (const auto& c : cases) {
        db.exec("SAVEPOINT damage");
        db.exec(std::string("PRAGMA ignore_check_constraints=ON; ") + c.sql);
        try {
            c.read();
            ADD_FAILURE() << c.sql;
        } catch (const db::DbError& e) {
            EXPECT_THAT(e.what(), HasSubstr(file + ": " + c.message)) << c.sql;
            EXPECT_THAT(e.what(), HasSubstr("(hint: the file is damaged")) << c.sql;
        }
        db.exec("ROLLBACK TO damage; RELEASE damage");
    }
    EXPECT_EQ((*db::latestEvaluation(db))["result"], oneRowTable()) << "each damage rolled back";
    // Only the evaluation asked for is read: a newer, damaged evaluation of other runs does not hide it.
    const auto other = makeRun("other", 2);
    const int64_t otherId = db::storeEvaluation(db, {{other.id, {}, {}}}, kHashA, oneRowTable());
    db.exec("PRAGMA ignore_check_constraints=ON; UPDATE evaluations SET result = '{\"rows\": 5}' WHERE id = " +
            std::to_string(otherId));
    EXPECT_EQ((*db::evaluationOfRuns(db, {run.id}))["id"], id);
    EXPECT_THROW(db::evaluationOfRuns(db, {other.id}), db::DbError);
}

TEST_F(GenerationRunsFixture, DeletingARunRemovesItsItemsOutputsAndValues) {
    const auto run = makeRun("r", 1);
    db::storeRunOutputs(db, run.id, {{0, "", "a", {}}});
    db::storeOutputMetric(db, run.id, {"m", 1, ""}, {{0, 1.0, {}}});
    db.exec("DELETE FROM generation_runs");
    EXPECT_EQ(test::queryInt(db, "SELECT (SELECT count(*) FROM generations) + (SELECT count(*) FROM metric_values)"
                                 " + (SELECT count(*) FROM generation_run_items)"), 0);
}
