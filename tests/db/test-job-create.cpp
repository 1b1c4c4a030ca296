// db/job-create and db/instruction-data: a job folder frozen from a snapshot under the one response rule,
// and every problem (bad model folder, snapshot without gold data, impossible settings, no GPU) refused
// before anything is written.
#include <fstream>

#include <gtest/gtest.h>

#include "core/common/sha256.h"
#include "core/job/job-layout.h"
#include "core/tokenizer/bpe-trainer.h"
#include "db/gold.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/job-create.h"
#include "db/project.h"
#include "db/references.h"
#include "db/snapshots.h"
#include "support/test-data.h"
#include "support/vector-item-reader.h"

using namespace srllm;
namespace fs = std::filesystem;

namespace {

struct JobCreateFixture : testing::Test {
    test::ScratchDir dir;
    std::unique_ptr<db::Project> project = db::Project::create(dir / "p.srllm");
    db::Database& db = project->db();
    std::vector<db::ItemRow> rows;

    void SetUp() override {
        test::VectorItemReader reader(test::numberedRecords(0, 6));
        db::importItems(*project, reader, "d", nullptr);
        rows = db::queryItems(db, {});
        const char* splits[] = {"train", "train", "train", "val", "test", "train"};
        for (size_t i = 0; i < rows.size(); ++i) db::setItemSplit(db, rows[i].id, std::string(splits[i]));
        // Item 0: gold Unsafe with a rewrite (gold); 1: gold Benign, a reference (reference); 2: nothing
        // (no record); 3: val, gold Unsafe; 4: test, kept out; 5: gold Unsafe and a reference (gold wins).
        db::saveGold(db, {rows[0].id, {{"annotation", "Unsafe"}}, {}, std::string("kind zero"), "majority"});
        db::saveGold(db, {rows[1].id, {{"annotation", "Benign"}}, {}, std::string("ignored"), "majority"});
        db::addReference(db, rows[1].id, "ref one", "paper");
        db::saveGold(db, {rows[3].id, {{"annotation", "Unsafe"}}, {}, std::string("kind three"), "majority"});
        db::saveGold(db, {rows[4].id, {{"annotation", "Unsafe"}}, {}, std::string("kind four"), "majority"});
        db::saveGold(db, {rows[5].id, {{"annotation", "Unsafe"}}, {}, std::string("kind five"), "majority"});
        db::addReference(db, rows[5].id, "ref five", "paper");
        writeModel(dir / "model");
    }

    static void writeModel(const fs::path& model) {
        core::BpeTrainerOptions options;
        options.vocabSize = 300;
        options.minFrequency = 1;
        core::BpeTrainer trainer(options);
        trainer.addText("text kind ref zero one three four five fix");
        core::saveTrainedTokenizer(*trainer.train(), model);
        std::ofstream(model / "config.json")
            << R"({"architectures":["LlamaForCausalLM"],"vocab_size":300,"hidden_size":16,"num_hidden_layers":2,)"
               R"("num_attention_heads":4,"intermediate_size":32,"max_position_embeddings":64})";
        std::ofstream(model / "model.safetensors") << "not loaded by job new";
    }

    db::JobRequest request(const std::string& job) {
        db::JobRequest r;
        r.jobDir = dir / job;
        r.baseModel = dir / "model";
        r.snapshotId = db::createSnapshot(db, "gold", std::nullopt).id;
        r.templateName = "custom";
        r.customTemplate = "Fix: {text}\n{rewrite}";
        r.hashCache = dir / "hashes.json";
        r.train.maxSteps = 2;
        return r;
    }

    std::string errorField(const db::JobRequest& r) {
        try {
            db::createJob(db, dir / "p.srllm", r);
        } catch (const core::InputError& e) {
            EXPECT_FALSE(fs::exists(r.jobDir)) << "nothing may be written before start";
            return e.diagnostic().field.empty() ? e.diagnostic().file : e.diagnostic().field;
        }
        return "(no error)";
    }
};

}  // namespace

TEST(InstructionData, TheResponseRule) {
    const nlohmann::json unsafe = {{"annotation", "Unsafe"}}, benign = {{"annotation", "Benign"}};
    EXPECT_EQ(db::chooseResponse(&unsafe, std::string("g"), {"r"})->text, "g");
    EXPECT_STREQ(db::chooseResponse(&unsafe, std::string("g"), {"r"})->source, "gold");
    EXPECT_EQ(db::chooseResponse(&benign, std::string("g"), {"r"})->text, "r");
    EXPECT_EQ(db::chooseResponse(&unsafe, std::string(""), {"r"})->text, "r");
    EXPECT_EQ(db::chooseResponse(nullptr, std::nullopt, {"r", "s"})->text, "r");
    EXPECT_FALSE(db::chooseResponse(&unsafe, std::nullopt, {}));
}

TEST_F(JobCreateFixture, WritesTheFolderFromTheSnapshotAndQueuesIt) {
    const auto created = db::createJob(db, dir / "p.srllm", request("job"));
    EXPECT_EQ(created.data.train.size(), 3u);  // items 0, 1, 5
    EXPECT_EQ(created.data.val.size(), 1u);    // item 3
    EXPECT_EQ(created.data.testItems, 1);
    EXPECT_EQ(created.data.withoutResponse, 1);
    EXPECT_EQ(created.data.fromGold, 3);
    EXPECT_EQ(created.data.fromReference, 1);
    EXPECT_EQ(created.data.train[0].prompt, "Fix: text 0\n");
    EXPECT_EQ(created.data.train[0].response, "kind zero");
    EXPECT_EQ(created.data.train[1].response, "ref one");
    EXPECT_EQ(created.data.train[2].response, "kind five");
    EXPECT_EQ(created.data.train[0].itemUid, rows[0].uid);
    EXPECT_EQ(created.data.train[2].line, 3);  // its line in data/train.jsonl, for warnings before it is written
    EXPECT_EQ(created.data.val[0].line, 1);
    ASSERT_TRUE(created.row);
    EXPECT_EQ(created.row->status, db::JobStatus::Queued);
    EXPECT_EQ(created.row->dir, fs::absolute(dir / "job").lexically_normal().string());
    EXPECT_GT(created.estimate.memoryBytes, 0);

    const auto spec = core::readJobSpec(dir / "job").spec;
    EXPECT_EQ(spec.data.train.records, 3);
    EXPECT_EQ(spec.data.train.hash, core::fileSha256(dir / "job" / core::kJobTrainData));
    EXPECT_EQ(spec.data.val.hash, core::fileSha256(dir / "job" / core::kJobValData));
    EXPECT_EQ(spec.data.responseRule, db::kResponseRule);
    EXPECT_EQ(spec.data.templ.prompt, "Fix: {text}\n");
    EXPECT_EQ(spec.data.snapshotName, "gold");
    EXPECT_EQ(spec.baseModel.architecture, "LlamaForCausalLM");
    EXPECT_EQ(spec.baseModel.hash.rfind("sha256:", 0), 0u);
    core::Diagnostics warnings;
    EXPECT_EQ(core::readInstructionRecords(dir / "job" / core::kJobTrainData, warnings).size(), 3u);
    EXPECT_TRUE(warnings.empty());
}

TEST_F(JobCreateFixture, EveryProblemIsACleanErrorBeforeStart) {
    auto r = request("bad-model");
    r.baseModel = dir / "nowhere";
    EXPECT_NE(errorField(r), "(no error)");
    r = request("no-gold");
    db.prepare("UPDATE snapshots SET gold_hash = NULL WHERE id = ?1").bind(1, r.snapshotId).run();  // a v1 snapshot
    EXPECT_EQ(errorField(r), "snapshot");
    r = request("empty");
    db.exec("DELETE FROM gold; DELETE FROM reference_rewrites");
    r.snapshotId = db::createSnapshot(db, "no gold at all", std::nullopt).id;
    EXPECT_EQ(errorField(r), "snapshot");
}

TEST_F(JobCreateFixture, ImpossibleSettingsAreRefused) {
    auto r = request("r0");
    r.train.lora.rank = 0;
    EXPECT_EQ(errorField(r), "r");
    r = request("lr");
    r.train.learningRate = -1;
    EXPECT_EQ(errorField(r), "learning_rate");
    r = request("len");
    r.train.maxLength = 0;
    EXPECT_EQ(errorField(r), "max_length");
    r = request("cuda");
    r.device = "cuda";
    EXPECT_EQ(errorField(r), "device");
    r = request("tmpl");
    r.customTemplate = "<s>{text} {rewrite}";
    EXPECT_EQ(errorField(r), "custom_template");
    fs::create_directories(dir / "used");
    std::ofstream(dir / "used" / "x") << "keep me";
    r = request("used");
    try {
        db::createJob(db, dir / "p.srllm", r);
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_EQ(e.diagnostic().field, "JOBDIR");
    }
    EXPECT_TRUE(fs::exists(dir / "used" / "x"));
}

TEST_F(JobCreateFixture, PreviewFindsWhatCreateWouldWithoutWriting) {
    const auto preview = db::previewJob(db, request("preview"));
    EXPECT_FALSE(fs::exists(dir / "preview"));
    EXPECT_TRUE(db::listJobs(db).empty());
    const auto created = db::createJob(db, dir / "p.srllm", request("preview"));
    EXPECT_EQ(preview.data.train.size(), created.data.train.size());
    EXPECT_EQ(preview.data.val.size(), created.data.val.size());
    EXPECT_EQ(preview.estimate.memoryBytes, created.estimate.memoryBytes);
    EXPECT_EQ(preview.estimate.steps, created.estimate.steps);
    auto r = request("preview-lr");
    r.train.learningRate = -1;
    EXPECT_THROW(db::previewJob(db, r), core::InputError);
}
