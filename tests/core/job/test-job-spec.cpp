// job.json: the keys of one header written and read by the same code, unknown keys warned, newer
// versions refused, and every impossible setting a clear error naming its field before a run starts.
#include <gtest/gtest.h>

#include "core/common/durable-file.h"
#include "core/job/job-layout.h"
#include "core/job/job-spec.h"
#include "core/common/input-file.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

JobSpec sampleSpec() {
    JobSpec s;
    s.createdAt = "2026-11-29T18:00:00.000Z";
    s.codeVersion = srllmCodeVersion();
    s.baseModel = {"/models/tiny", "sha256:ab", "LlamaForCausalLM"};
    s.train.method = TrainMethod::Qlora;
    s.train.maxSteps = 3;
    s.device = "cpu";
    s.data.project = "/p/study.srllm";
    s.data.snapshotId = 3;
    s.data.snapshotName = "gold";
    s.data.snapshotHash = "cafe";
    s.data.templ = {"custom", "Fix: {text}\n", "{rewrite}"};
    s.data.responseRule = "gold-rewrite-else-reference";
    s.data.train = {kJobTrainData, 338, "sha256:01"};
    s.data.val = {kJobValData, 0, "sha256:02"};
    return s;
}

std::string fieldOfError(const JobSpec& s) {
    try {
        validateJobSpec(s, "job.json");
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().file, "job.json");
        EXPECT_FALSE(e.diagnostic().message.empty());
        return e.diagnostic().field;
    }
    return "(no error)";
}

}  // namespace

TEST(JobSpec, RoundTripsThroughTheFolder) {
    srllm::test::ScratchDir dir;
    const auto spec = sampleSpec();
    writeJobSpec(dir.path(), spec);
    const auto back = readJobSpec(dir.path());
    EXPECT_TRUE(back.warnings.empty());
    EXPECT_EQ(jobSpecToJson(back.spec), jobSpecToJson(spec));
    EXPECT_EQ(back.spec.train.method, TrainMethod::Qlora);
    EXPECT_EQ(back.spec.data.snapshotId, 3);
    EXPECT_EQ(back.spec.data.train.records, 338);
    const auto json = readJsonFile(dir / kJobFile);  // the documented shape (docs/JOBS.md)
    EXPECT_EQ(json["format"], "srllm-job");
    EXPECT_EQ(json["train"]["learning_rate"], 2e-4);
    EXPECT_EQ(json["data"]["special_tokens"], "tokenizer-bos-eos");
    EXPECT_EQ(json["data"]["template"]["prompt"], "Fix: {text}\n");
}

TEST(JobSpec, UnknownKeysAreWarnedAndNewerVersionsRefused) {
    auto json = jobSpecToJson(sampleSpec());
    json["future"] = 1;
    json["data"]["colour"] = "red";
    const auto parsed = parseJobSpec(json, "job.json");
    ASSERT_EQ(parsed.warnings.size(), 2u);
    EXPECT_EQ(parsed.warnings[0].field, "future");
    EXPECT_EQ(parsed.warnings[1].field, "data.colour");
    json["format_version"] = kJobFormatVersion + 1;
    EXPECT_THROW(parseJobSpec(json, "job.json"), InputError);
    // #12 (fuzz finding 12): read with get<int>, 8.9e44 was undefined behaviour and 1.5 passed as version 1;
    // 2^32 + 1 would have wrapped to 1.
    for (const auto& [version, message] : {std::pair{nlohmann::json(8.9e44), "must be an integer, found 8.9e+44"},
                                           std::pair{nlohmann::json(1.5), "must be an integer, found 1.5"},
                                           std::pair{nlohmann::json(4294967297), "is out of range: 4294967297"}}) {
        json["format_version"] = version;
        try {
            parseJobSpec(json, "job.json");
            ADD_FAILURE() << version;
        } catch (const InputError& e) {
            EXPECT_EQ(e.diagnostic().field, "format_version");
            EXPECT_EQ(e.diagnostic().message, message);
        }
    }
    json = jobSpecToJson(sampleSpec());
    json.erase("base_model");
    try {
        parseJobSpec(json, "job.json");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().field, "base_model");
    }
}

TEST(JobSpec, ImpossibleSettingsNameTheirField) {
    auto s = sampleSpec();
    EXPECT_EQ(fieldOfError(s), "(no error)");
    s.train.lora.rank = 0;
    EXPECT_EQ(fieldOfError(s), "r");
    s = sampleSpec();
    s.train.learningRate = -1e-4;
    EXPECT_EQ(fieldOfError(s), "learning_rate");
    s = sampleSpec();
    s.train.maxLength = 0;
    EXPECT_EQ(fieldOfError(s), "max_length");
    s = sampleSpec();
    s.device = "tpu";
    EXPECT_EQ(fieldOfError(s), "device");
    s.device = "cpu";
    s.train.precision = Precision::Fp16;
    EXPECT_EQ(fieldOfError(s), "train.precision");
    s = sampleSpec();
    s.data.train.records = 0;
    EXPECT_EQ(fieldOfError(s), "data.train.records");
    s = sampleSpec();
    s.data.templ.prompt = "<s>{text}";
    EXPECT_EQ(fieldOfError(s), "data.template");
    s = sampleSpec();
    s.data.specialTokens = "template-text";
    EXPECT_EQ(fieldOfError(s), "data.special_tokens");
    s = sampleSpec();
    s.train.earlyStoppingMetric = EarlyStoppingMetric::ToxicPercent;
    EXPECT_EQ(fieldOfError(s), "train.early_stopping_metric");  // nothing measures it without a scorer
    s.scorer = JobScorer{"/scorers/a", "ab", 0, 32};
    EXPECT_EQ(fieldOfError(s), "scorer.sample_size");
}

TEST(JobSpec, AScorerRoundTripsAndNullMeansNone) {
    auto s = sampleSpec();
    EXPECT_TRUE(jobSpecToJson(s)["scorer"].is_null());
    EXPECT_FALSE(parseJobSpec(jobSpecToJson(s), "job.json").spec.scorer);
    s.scorer = JobScorer{"/scorers/a", std::string(64, 'c'), 5, 12};
    s.train.earlyStoppingMetric = EarlyStoppingMetric::ToxicPercent;
    const auto json = jobSpecToJson(s);
    EXPECT_EQ(json["scorer"], nlohmann::json::parse(R"({"path": "/scorers/a", "hash": ")" + std::string(64, 'c') +
                                                    R"(", "sample_size": 5, "max_new_tokens": 12})"));
    EXPECT_EQ(json["train"]["early_stopping_metric"], "toxic_percent");
    const auto back = parseJobSpec(json, "job.json");
    EXPECT_TRUE(back.warnings.empty());
    ASSERT_TRUE(back.spec.scorer);
    EXPECT_EQ(back.spec.scorer->sampleSize, 5);
    EXPECT_EQ(back.spec.scorer->maxNewTokens, 12);
    EXPECT_EQ(back.spec.train.earlyStoppingMetric, EarlyStoppingMetric::ToxicPercent);
}

TEST(JobSpec, ACorpusJobRoundTripsAndNeedsFullTraining) {
    auto s = sampleSpec();
    EXPECT_EQ(jobSpecToJson(s)["data"]["kind"], "instructions");
    auto old = jobSpecToJson(s);
    old["data"].erase("kind");  // jobs written before corpora read as instruction jobs
    EXPECT_EQ(parseJobSpec(old, "job.json").spec.data.kind, kDataKindInstructions);
    s.data.kind = kDataKindCorpus;
    s.data.train = {kJobTrainCorpus, 36, "sha256:01"};
    EXPECT_EQ(fieldOfError(s), "train.method");  // the sample is a QLoRA job
    s.train.method = TrainMethod::Full;
    const auto back = parseJobSpec(jobSpecToJson(s), "job.json");
    EXPECT_EQ(back.spec.data.kind, "corpus");
    EXPECT_EQ(back.spec.data.train.file, "data/train.txt");
    s.scorer = JobScorer{"/scorers/a", "ab", 8, 32};
    EXPECT_EQ(fieldOfError(s), "scorer");
    s.scorer.reset();
    s.data.kind = "tweets";
    EXPECT_EQ(fieldOfError(s), "data.kind");
}

TEST(JobSpec, TimestampsAreIsoUtcWithMilliseconds) {
    const auto t = utcTimestamp();
    ASSERT_EQ(t.size(), 24u);
    EXPECT_EQ(t[10], 'T');
    EXPECT_EQ(t[19], '.');
    EXPECT_EQ(t.back(), 'Z');
}
