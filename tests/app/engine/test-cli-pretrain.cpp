// ctest-label: slow
// Pretraining from scratch through a job folder (data.kind "corpus"): `srllm job new --corpus FILE --method
// full` freezes the documents, `srllm train` packs them into blocks and the next-token loss falls on a tiny
// corpus; the result is a model folder that later jobs fine-tune. Bad corpora are refused before anything
// is written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli-job-workspace.h"
#include "support/cli-run.h"
#include "support/test-data.h"

using srllm::test::eventsOf;
using srllm::test::lossesOf;
using srllm::test::readFile;
using srllm::test::runCli;
using srllm::test::shellQuote;
using srllm::test::Workspace;
using testing::HasSubstr;
namespace fs = std::filesystem;

namespace {

std::string corpusJob(const Workspace& w, const std::string& name, const std::string& corpus, const std::string& options) {
    return "job new " + w.project + " " + shellQuote((w.dir / name).string()) + " --model " + w.model + " --corpus " +
           shellQuote(corpus) + " " + options;
}

}  // namespace

TEST(CliPretrain, LossFallsOnATinyCorpusAndTheModelFineTunesOn) {
    Workspace w;  // its corpus.txt: 40 equal lines of 14 words
    const auto corpus = (w.dir / "corpus.txt").string();
    const auto created = runCli(corpusJob(w, "pre", corpus, "--method full --max-length 16 --batch-size 4 --grad-accum 1 "
                                                            "--lr 3e-3 --max-steps 24 --eval-steps 12 --corpus-val-every 10"));
    ASSERT_EQ(created.exitCode, 0) << created.output;
    EXPECT_THAT(created.output, HasSubstr("36 train documents"));
    const auto job = nlohmann::json::parse(readFile(w.dir / "pre" / "job.json"));
    EXPECT_EQ(job["data"]["kind"], "corpus");
    EXPECT_EQ(job["data"]["train"]["records"], 36);
    EXPECT_EQ(job["data"]["val"]["records"], 4);  // documents 1, 11, 21, 31
    EXPECT_EQ(readFile(w.dir / "pre" / "data" / "val.txt").size(), 4 * (readFile(w.dir / "corpus.txt").size() / 40));

    const auto trained = runCli("train " + shellQuote((w.dir / "pre").string()));
    ASSERT_EQ(trained.exitCode, 0) << trained.output;
    const auto events = eventsOf(trained.output);
    const auto losses = lossesOf(events);
    ASSERT_EQ(losses.size(), 24u);
    EXPECT_LT(losses.back(), 0.5 * losses.front()) << "the next-token loss did not fall";
    int evals = 0;
    for (const auto& e : events) evals += e["event"] == "eval";
    EXPECT_EQ(evals, 2);
    EXPECT_EQ(nlohmann::json::parse(readFile(w.dir / "pre" / "run.json"))["result"], "model");
    ASSERT_TRUE(fs::exists(w.dir / "pre" / "model" / "model.safetensors"));

    // The pretrained model is a base model like any other: a LoRA job over the project's snapshot.
    const auto lora = runCli("job new " + w.project + " " + shellQuote((w.dir / "lora").string()) + " --model " +
                             shellQuote((w.dir / "pre" / "model").string()) + " --snapshot gold-1 --template custom "
                             "--custom-template 'Fix: {text}\n{rewrite}' --lora-r 4 --max-length 32 --max-steps 2 "
                             "--batch-size 2 --grad-accum 1");
    ASSERT_EQ(lora.exitCode, 0) << lora.output;
    const auto tuned = runCli("train " + shellQuote((w.dir / "lora").string()));
    ASSERT_EQ(tuned.exitCode, 0) << tuned.output;
    EXPECT_TRUE(fs::exists(w.dir / "lora" / "adapter" / "adapter_model.safetensors"));
}

TEST(CliPretrain, BadCorporaAndSettingsAreRefusedBeforeAnythingIsWritten) {
    Workspace w;
    const auto bad = srllm::test::writeFile(w.dir, "bad.txt", "fine\nbroken \xC3\x28 here\n");
    auto refused = runCli(corpusJob(w, "a", bad, "--method full"));
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_THAT(refused.output, HasSubstr("bad.txt:2"));
    refused = runCli(corpusJob(w, "b", (w.dir / "missing.txt").string(), "--method full"));
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_THAT(refused.output, HasSubstr("missing.txt"));
    refused = runCli(corpusJob(w, "c", (w.dir / "corpus.txt").string(), "--method lora"));
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_THAT(refused.output, HasSubstr("must be full"));
    refused = runCli(corpusJob(w, "d", (w.dir / "corpus.txt").string(), "--method full --snapshot gold-1"));
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_THAT(refused.output, HasSubstr("either --snapshot"));
    const auto tiny = srllm::test::writeFile(w.dir, "tiny.txt", "old\n");
    refused = runCli(corpusJob(w, "e", tiny, "--method full --max-length 64 --corpus-val-every 0"));
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_THAT(refused.output, HasSubstr("fewer than one block"));
    for (const char* name : {"a", "b", "c", "d", "e"}) EXPECT_FALSE(fs::exists(w.dir / name)) << name;
}
