// ctest-label: slow
// The whole path as a person runs it, with the real binary: init -> import -> adjudicate -> snapshot ->
// job new -> train -> adapter merge -> generate, without a warning; bf16 trains and evaluates like fp32; cancel (SIGTERM) then --resume equals an
// uninterrupted run bit for bit; a trainer killed with -9 is survived; every impossible setting is refused
// before anything is written.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli-job-workspace.h"
#include "support/cli-run.h"
#include "support/test-data.h"

using srllm::test::readFile;
using srllm::test::runCli;
using srllm::test::shellQuote;
using testing::HasSubstr;
namespace fs = std::filesystem;

using srllm::test::eventsOf;
using srllm::test::kSmall;
using srllm::test::lossesOf;
using srllm::test::waitExit;
using srllm::test::Workspace;

TEST(CliJob, FromProjectToGenerationWithoutAWarning) {
    Workspace w;
    const auto created = w.newJob("job", std::string(kSmall) + "--max-steps 4 --save-steps 2 --eval-steps 2");
    ASSERT_EQ(created.exitCode, 0) << created.output;
    EXPECT_THAT(created.output, HasSubstr("10 train records"));
    EXPECT_THAT(created.output, HasSubstr("estimate:"));
    const auto job = shellQuote((w.dir / "job").string());
    const auto trained = runCli("train " + job);
    ASSERT_EQ(trained.exitCode, 0) << trained.output;
    EXPECT_THAT(trained.output, testing::Not(HasSubstr("warning")));
    const auto events = eventsOf(trained.output);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front()["event"], "start");
    EXPECT_EQ(events.front()["device"], "cpu");
    EXPECT_EQ(events.back()["event"], "done");
    EXPECT_EQ(lossesOf(events).size(), 4u);
    int evals = 0, checkpoints = 0;
    for (const auto& e : events) {
        evals += e["event"] == "eval";
        checkpoints += e["event"] == "checkpoint";
        EXPECT_TRUE(e.contains("time"));
    }
    EXPECT_EQ(evals, 2);
    EXPECT_EQ(checkpoints, 2);
    EXPECT_EQ(eventsOf(readFile(w.dir / "job" / "log.jsonl")), events);  // the log holds what stdout showed
    const auto run = nlohmann::json::parse(readFile(w.dir / "job" / "run.json"));
    EXPECT_EQ(run["status"], "done");
    EXPECT_EQ(run["result"], "adapter");
    EXPECT_TRUE(fs::exists(w.dir / "job" / "adapter" / "adapter_model.safetensors"));
    EXPECT_TRUE(fs::exists(w.dir / "job" / "best" / "best-eval.json"));
    EXPECT_THAT(runCli("job list " + w.project).output, HasSubstr("done"));
    // #12: resuming a done job is refused and changes nothing (it used to write "failed" to run.json and the queue).
    const auto again = runCli("train " + job + " --resume");
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_THAT(again.output, HasSubstr("the job is done"));
    EXPECT_EQ(nlohmann::json::parse(readFile(w.dir / "job" / "run.json")), run);
    EXPECT_THAT(runCli("job list " + w.project).output, HasSubstr("done"));

    const auto merged = runCli("adapter merge --run " + job);
    ASSERT_EQ(merged.exitCode, 0) << merged.output;
    EXPECT_TRUE(fs::exists(w.dir / "job" / "merged" / "model.safetensors"));
    EXPECT_TRUE(fs::exists(w.dir / "job" / "merged" / "tokenizer.json"));
    const auto generated = runCli("generate --run " + job + " --max-new-tokens 4 'old people are slow'");
    ASSERT_EQ(generated.exitCode, 0) << generated.output;
    EXPECT_THAT(generated.output, testing::Not(HasSubstr("warning")));
    EXPECT_NE(runCli("generate --run " + job + " --template paper 'x'").exitCode, 0);  // the run's template only
}

// bf16 on the CPU through the CLI, evaluation included (its loss once failed in bf16), against fp32.
TEST(CliJob, Bf16LoraTrainsAndEvaluatesLikeFp32) {
    Workspace w;
    double evalLoss[2] = {0, 0};
    for (int bf16 = 0; bf16 < 2; ++bf16) {
        const std::string name = bf16 ? "bf16" : "fp32";
        ASSERT_EQ(w.newJob(name, std::string(kSmall) + "--max-steps 1 --eval-steps 1 --precision " + name).exitCode, 0);
        const auto trained = runCli("train " + shellQuote((w.dir / name).string()));
        ASSERT_EQ(trained.exitCode, 0) << trained.output;
        for (const auto& e : eventsOf(trained.output))
            if (e["event"] == "eval") evalLoss[bf16] = e["loss_eval"].get<double>();
    }
    ASSERT_GT(evalLoss[0], 0.0);
    EXPECT_NEAR(evalLoss[1], evalLoss[0], 0.01 * evalLoss[0]);  // bf16 tolerance on a one-step run
}

TEST(CliJob, CancelThenResumeEqualsAnUninterruptedRunBitForBit) {
    Workspace w;
    const std::string options = std::string(kSmall) + "--max-steps 40 --save-steps 100 --eval-steps 100 --seed 3";
    ASSERT_EQ(w.newJob("straight", options).exitCode, 0);
    ASSERT_EQ(w.newJob("cancelled", options + " --no-queue").exitCode, 0);
    const auto straight = runCli("train " + shellQuote((w.dir / "straight").string()));
    ASSERT_EQ(straight.exitCode, 0) << straight.output;

    nlohmann::json cancelled;
    const auto resumed = w.cancelAndResume("cancelled", "step", &cancelled);
    const auto stoppedAt = cancelled["step"].get<int64_t>();
    EXPECT_LT(stoppedAt, 40);
    ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
    EXPECT_EQ(eventsOf(resumed.output).front()["resumed_from_step"], stoppedAt);
    const auto expected = lossesOf(eventsOf(straight.output));
    const auto got = lossesOf(eventsOf(readFile(w.dir / "cancelled" / "log.jsonl")));
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], expected[i]) << "step " << i + 1;
    EXPECT_EQ(readFile(w.dir / "cancelled" / "adapter" / "adapter_model.safetensors"),
              readFile(w.dir / "straight" / "adapter" / "adapter_model.safetensors"));
}

TEST(CliJob, AKilledTrainerIsSurvived) {
    Workspace w;
    const std::string options = std::string(kSmall) + "--max-steps 40 --save-steps 5 --eval-steps 100 --seed 4";
    ASSERT_EQ(w.newJob("straight", options + " --no-queue").exitCode, 0);
    ASSERT_EQ(w.newJob("killed", options).exitCode, 0);
    ASSERT_EQ(runCli("train " + shellQuote((w.dir / "straight").string())).exitCode, 0);

    const pid_t pid = w.spawnTrain("killed", false);
    w.waitForEvent("killed", "checkpoint");
    ::kill(pid, SIGKILL);
    EXPECT_EQ(waitExit(pid), -SIGKILL);
    // The project opens and its queue shows the job failed, resumable.
    const auto list = runCli("job list " + w.project);
    ASSERT_EQ(list.exitCode, 0) << list.output;
    EXPECT_THAT(list.output, HasSubstr("failed"));
    EXPECT_THAT(list.output, HasSubstr("Resume"));
    const auto resumed = runCli("train " + shellQuote((w.dir / "killed").string()) + " --resume");
    ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
    EXPECT_GT(eventsOf(resumed.output).front()["resumed_from_step"].get<int64_t>(), 0);
    EXPECT_EQ(readFile(w.dir / "killed" / "adapter" / "adapter_model.safetensors"),
              readFile(w.dir / "straight" / "adapter" / "adapter_model.safetensors"));
    EXPECT_THAT(runCli("job list " + w.project).output, HasSubstr("done"));
}

TEST(CliJob, ImpossibleSettingsAreClearErrorsBeforeStart) {
    Workspace w;
    fs::create_directories(w.dir / "empty-model");
    const struct {
        std::string options, expected;
    } cases[] = {
        {"--lora-r 0", "'r'"},
        {"--lr -1e-4", "learning_rate"},
        {"--max-length 0", "max_length"},
        {"--device cuda", "device"},
        {"--precision fp16 --device cpu", "fp16"},
    };
    for (const auto& c : cases) {
        const auto run = w.newJob("bad", c.options);
        EXPECT_NE(run.exitCode, 0) << c.options;
        EXPECT_THAT(run.output, HasSubstr("srllm: error:")) << c.options;
        EXPECT_THAT(run.output, HasSubstr(c.expected)) << run.output;
        EXPECT_FALSE(fs::exists(w.dir / "bad")) << c.options;
    }
    const auto badModel = runCli("job new " + w.project + " " + shellQuote((w.dir / "bad").string()) + " --model " +
                                 shellQuote((w.dir / "empty-model").string()) + " --snapshot gold-1");
    EXPECT_NE(badModel.exitCode, 0);
    for (const char* piece : {"config.json", "model.safetensors", "tokenizer"}) EXPECT_THAT(badModel.output, HasSubstr(piece));
    // A snapshot taken before any gold label or rewrite existed.
    ASSERT_EQ(runCli("init " + shellQuote((w.dir / "fresh.srllm").string())).exitCode, 0);
    ASSERT_EQ(runCli("import " + shellQuote((w.dir / "fresh.srllm").string()) + " " +
                     shellQuote((w.dir / "items.jsonl").string())).exitCode, 0);
    ASSERT_EQ(runCli("snapshot create " + shellQuote((w.dir / "fresh.srllm").string()) + " empty").exitCode, 0);
    const auto noGold = runCli("job new " + shellQuote((w.dir / "fresh.srllm").string()) + " " +
                               shellQuote((w.dir / "bad").string()) + " --model " + w.model + " --snapshot empty");
    EXPECT_NE(noGold.exitCode, 0);
    EXPECT_THAT(noGold.output, HasSubstr("gives no training record"));
    EXPECT_FALSE(fs::exists(w.dir / "bad"));
    // A job folder asking for CUDA on a machine without one fails before its first step, with a reason.
    ASSERT_EQ(w.newJob("cuda-job", std::string(kSmall) + "--max-steps 2").exitCode, 0);
    auto spec = nlohmann::json::parse(readFile(w.dir / "cuda-job" / "job.json"));
    spec["device"] = "cuda";
    std::ofstream(w.dir / "cuda-job" / "job.json") << spec.dump(2);
    const auto cuda = runCli("train " + shellQuote((w.dir / "cuda-job").string()));
    EXPECT_EQ(cuda.exitCode, 1);
    const auto events = eventsOf(cuda.output);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back()["event"], "failed");
    EXPECT_THAT(events.back()["reason"].get<std::string>(), HasSubstr("CUDA"));
    EXPECT_EQ(lossesOf(events).size(), 0u);
}

TEST(CliJob, RepeatedWarningsAreSummedByKind) {
    Workspace w;
    // Prompts are 12-13 tokens here, so max length 14 cuts every record: one summed warning, not one per record.
    const auto created = w.newJob("short", "--lora-r 4 --max-length 14 --max-steps 2");
    ASSERT_EQ(created.exitCode, 0) << created.output;
    EXPECT_THAT(created.output, HasSubstr("(10 in all; first lines 1, 2, 3, 4, 5)"));
    const auto trained = runCli("train " + shellQuote((w.dir / "short").string()));
    ASSERT_EQ(trained.exitCode, 0) << trained.output;
    std::vector<nlohmann::json> warnings;
    for (const auto& e : eventsOf(trained.output))
        if (e["event"] == "warning") warnings.push_back(e);
    ASSERT_EQ(warnings.size(), 1u) << trained.output;
    EXPECT_EQ(warnings[0]["kind"], "truncated");
    EXPECT_EQ(warnings[0]["count"], 12);  // ten train and two val records
    EXPECT_EQ(warnings[0]["first_lines"], nlohmann::json::array({1, 2, 3, 4, 5}));
}

TEST(CliJob, AReaderThatGoesAwayDoesNotStopTheRun) {
    // The GUI that reads the lines crashed: the run goes on, its log and row say how it ended.
    Workspace w;
    ASSERT_EQ(w.newJob("orphan", "--max-steps 10 --eval-steps 100").exitCode, 0);
    const auto run = runCli("train " + shellQuote((w.dir / "orphan").string()) + " | head -n 1");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto events = eventsOf(readFile(w.dir / "orphan" / "log.jsonl"));
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back()["event"], "done");
    EXPECT_THAT(runCli("job list " + w.project).output, HasSubstr("done"));
}
