// ctest-label: slow
// `srllm train JOBDIR --nproc N` with the real binary on the CPU (gloo): N processes x batch b train the
// same job as one process x batch N*b (losses and weights within a stated float tolerance), full fine-tuning
// and LoRA; a cancelled or a rank-killed 2-process run resumes to the uninterrupted run's weights; and bad
// input (a batch the processes cannot share, a missing rendezvous variable, a port in use) fails before
// the first step.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/io/safetensors.h"
#include "support/cli-job-workspace.h"
#include "support/tensor-compare.h"

using namespace srllm::test;
using testing::HasSubstr;
namespace fs = std::filesystem;

namespace {

// Float tolerance of a data-parallel run against one process: each rank sums its half of a batch and the
// all-reduce adds the halves, where one process sums the whole batch at once, so float32 rounding differs
// in the last bits (about 1e-7 relative per sum). Over a few AdamW steps (which divide by sqrt(v)) that
// stays far below these bounds; a wrong shard, divisor or missed gradient moves losses by 1e-2 or more.
constexpr double kLossTolerance = 2e-5;    // relative, per step
constexpr double kWeightTolerance = 2e-5;  // absolute, every trained tensor

std::string trainOf(const Workspace& w, const std::string& name, const std::string& options) {
    const auto run = runCli("train " + shellQuote((w.dir / name).string()) + " " + options);
    EXPECT_EQ(run.exitCode, 0) << run.output;
    return run.output;
}

void expectSameTraining(const Workspace& w, const std::string& a, const std::string& b, const std::string& result,
                        const std::string& file) {
    const auto lossesA = lossesOf(eventsOf(readFile(w.dir / a / "log.jsonl")));
    const auto lossesB = lossesOf(eventsOf(readFile(w.dir / b / "log.jsonl")));
    ASSERT_EQ(lossesA.size(), lossesB.size());
    ASSERT_FALSE(lossesA.empty());
    for (size_t i = 0; i < lossesA.size(); ++i)
        EXPECT_NEAR(lossesA[i], lossesB[i], kLossTolerance * std::abs(lossesA[i])) << a << " vs " << b << ", step " << i + 1;
    const auto weightsA = srllm::core::loadSafetensors(w.dir / a / result / file);
    const auto weightsB = srllm::core::loadSafetensors(w.dir / b / result / file);
    ASSERT_EQ(weightsA.size(), weightsB.size());
    for (const auto& [name, tensor] : weightsA) {
        ASSERT_TRUE(weightsB.count(name)) << name;
        EXPECT_LT(maxAbsDiff(tensor, weightsB.at(name)), kWeightTolerance) << name;
    }
}

// The pid of a child of `parent` (the --nproc launcher's worker), or 0.
pid_t childOf(pid_t parent) {
    std::istringstream children(readFile("/proc/" + std::to_string(parent) + "/task/" + std::to_string(parent) + "/children"));
    pid_t child = 0;
    children >> child;
    return child;
}

}  // namespace

TEST(CliDataParallel, TwoProcessesEqualOneWithTheWholeBatchForLoraAndFullFineTuning) {
    Workspace w;
    // No dropout: a data-parallel rank draws its masks from (seed, step, rank), one process from one stream.
    const std::string batching = "--lora-dropout 0 --batch-size 4 --grad-accum 2 ";
    const std::string options = std::string(kSmall) + "--max-steps 6 --save-steps 100 --eval-steps 3 --seed 5 --no-queue ";
    for (const std::string method : {"lora", "full"}) {
        ASSERT_EQ(w.newJob(method + "-1", options + "--method " + method, batching).exitCode, 0);
        ASSERT_EQ(w.newJob(method + "-2", options + "--method " + method, batching).exitCode, 0);
        trainOf(w, method + "-1", "");
        const auto two = eventsOf(trainOf(w, method + "-2", "--nproc 2 --timeout 120"));
        ASSERT_FALSE(two.empty());
        EXPECT_EQ(two.front()["world_size"], 2);
        EXPECT_EQ(two.back()["event"], "done");
    }
    expectSameTraining(w, "lora-1", "lora-2", "adapter", "adapter_model.safetensors");
    expectSameTraining(w, "full-1", "full-2", "model", "model.safetensors");
    // Four processes: the epoch's short last micro-batch (2 of 10 examples) leaves two ranks without an
    // example; they still join the all-reduce with a zero-weighted stand-in.
    ASSERT_EQ(w.newJob("lora-4", options + "--method lora", batching).exitCode, 0);
    trainOf(w, "lora-4", "--nproc 4 --timeout 120");
    expectSameTraining(w, "lora-1", "lora-4", "adapter", "adapter_model.safetensors");
}

TEST(CliDataParallel, ACancelledOrRankKilledRunResumesToTheUninterruptedWeights) {
    Workspace w;
    const std::string options = std::string(kSmall) + "--max-steps 30 --save-steps 3 --eval-steps 100 --seed 6 --no-queue ";
    for (const char* name : {"straight", "cancelled", "killed"}) ASSERT_EQ(w.newJob(name, options).exitCode, 0);
    trainOf(w, "straight", "--nproc 2 --timeout 120");

    // SIGTERM to rank 0 (what the GUI's Cancel sends): every rank stops at the same step, rank 0 checkpoints.
    const pid_t cancelled = w.spawnTrain("cancelled", false, "--nproc 2 --timeout 120");
    w.waitForEvent("cancelled", "step");
    ::kill(cancelled, SIGTERM);
    EXPECT_EQ(waitExit(cancelled), 0) << readFile(w.dir / "cancelled.err");
    ASSERT_EQ(eventsOf(readFile(w.dir / "cancelled" / "log.jsonl")).back()["event"], "cancelled")
        << "the run ended before the signal; lengthen it";
    trainOf(w, "cancelled", "--nproc 2 --timeout 120 --resume");

    // kill -9 of rank 1: rank 0 fails with a clear reason instead of hanging; the folder resumes.
    const pid_t killed = w.spawnTrain("killed", false, "--nproc 2 --timeout 60");
    w.waitForEvent("killed", "checkpoint");
    const pid_t worker = childOf(killed);
    ASSERT_GT(worker, 0);
    ::kill(worker, SIGKILL);
    EXPECT_EQ(waitExit(killed), 1);
    const auto events = eventsOf(readFile(w.dir / "killed" / "log.jsonl"));
    ASSERT_EQ(events.back()["event"], "failed") << "the run ended before the kill; lengthen it";
    EXPECT_THAT(events.back()["reason"].get<std::string>(), HasSubstr("data-parallel training stopped"));
    EXPECT_THAT(events.back()["reason"].get<std::string>(), HasSubstr("--resume"));
    EXPECT_EQ(nlohmann::json::parse(readFile(w.dir / "killed" / "run.json"))["status"], "failed");
    const auto resumed = eventsOf(trainOf(w, "killed", "--nproc 2 --timeout 120 --resume"));
    EXPECT_GT(resumed.front()["resumed_from_step"].get<int64_t>(), 0);

    // Dropout masks come from (seed, step, rank), and two ranks add each gradient element once: bit for bit.
    const auto expected = lossesOf(eventsOf(readFile(w.dir / "straight" / "log.jsonl")));
    for (const char* name : {"cancelled", "killed"}) {
        std::vector<double> got;  // the last loss of each step: a killed run logs some steps twice
        for (const auto& e : eventsOf(readFile(w.dir / name / "log.jsonl")))
            if (e["event"] == "step") {
                got.resize(e["step"].get<size_t>());
                got.back() = e["loss_train"].get<double>();
            }
        EXPECT_EQ(got, expected) << name;
        EXPECT_EQ(readFile(w.dir / name / "adapter" / "adapter_model.safetensors"),
                  readFile(w.dir / "straight" / "adapter" / "adapter_model.safetensors"))
            << name;
    }
}

TEST(CliDataParallel, BadInputFailsBeforeTheFirstStep) {
    Workspace w;
    ASSERT_EQ(w.newJob("job", std::string(kSmall) + "--max-steps 2 --no-queue").exitCode, 0);  // batch size 2
    const auto job = shellQuote((w.dir / "job").string());

    const auto threeWays = runCli("train " + job + " --nproc 3");
    EXPECT_NE(threeWays.exitCode, 0);
    EXPECT_THAT(threeWays.output, HasSubstr("field 'train.batch_size': 2 examples per micro-batch do not split evenly over 3"));
    EXPECT_FALSE(fs::exists(w.dir / "job" / "log.jsonl"));

    ::setenv("WORLD_SIZE", "2", 1);
    ::setenv("RANK", "0", 1);
    ::setenv("MASTER_ADDR", "127.0.0.1", 1);
    const auto noPort = runCli("train " + job);
    for (const char* name : {"WORLD_SIZE", "RANK", "MASTER_ADDR"}) ::unsetenv(name);
    EXPECT_NE(noPort.exitCode, 0);
    EXPECT_THAT(noPort.output, HasSubstr("environment: field 'MASTER_PORT': is not set"));
    EXPECT_FALSE(fs::exists(w.dir / "job" / "log.jsonl"));

    // A port another program listens on.
    const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    ASSERT_EQ(::bind(socket, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(socket, 1), 0);
    socklen_t length = sizeof address;
    ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length);
    const auto port = std::to_string(ntohs(address.sin_port));
    const auto busy = runCli("train " + job + " --nproc 2 --timeout 20 --master-port " + port);
    ::close(socket);
    EXPECT_EQ(busy.exitCode, 1);
    EXPECT_THAT(busy.output, HasSubstr("cannot listen on port " + port));
    EXPECT_EQ(lossesOf(eventsOf(busy.output)).size(), 0u);

    const auto noFolder = runCli("job export-slurm " + shellQuote((w.dir / "no-such-job").string()));
    EXPECT_NE(noFolder.exitCode, 0);
    EXPECT_THAT(noFolder.output, HasSubstr("no such job folder"));
}
