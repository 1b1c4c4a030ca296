// `srllm job export-slurm`'s script: valid bash (bash -n), the allocation asked for, srun launching one
// task per process with the rendezvous from Slurm's variables, and every impossible setting refused.
#include <cstdlib>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/job/job-spec.h"
#include "core/job/slurm-script.h"
#include "support/test-data.h"

using namespace srllm::core;
using testing::HasSubstr;
using testing::Not;

namespace {

std::filesystem::path writeJob(const srllm::test::ScratchDir& dir, int64_t batchSize) {
    JobSpec s;
    s.baseModel = {"/models/tiny", "", "LlamaForCausalLM"};
    s.train.batchSize = batchSize;
    s.device = "cpu";
    s.data.templ = {"custom", "Fix: {text}\n", "{rewrite}"};
    s.data.train = {kJobTrainData, 10, ""};
    const auto jobDir = dir / "job one";
    writeJobSpec(jobDir, s);
    return jobDir;
}

std::string errorField(const std::filesystem::path& jobDir, const SlurmScriptOptions& o) {
    try {
        slurmScript(jobDir, "/usr/bin/srllm", o);
    } catch (const InputError& e) {
        return e.diagnostic().field;
    }
    ADD_FAILURE() << "no error";
    return "";
}

}  // namespace

TEST(SlurmScript, AsksForTheAllocationAndLaunchesOneTaskPerProcess) {
    srllm::test::ScratchDir dir;
    const auto jobDir = writeJob(dir, 8);
    SlurmScriptOptions o;
    o.nodes = 2;
    o.gpusPerNode = 4;
    o.time = "1-12:00:00";
    o.partition = "gpu";
    o.account = "lab-42";
    const auto script = slurmScript(jobDir, "/opt/srllm/bin/srllm", o);
    EXPECT_EQ(slurmWorldSize(o), 8);
    for (const char* line : {"#SBATCH --nodes=2\n", "#SBATCH --ntasks-per-node=4\n", "#SBATCH --gpus-per-node=4\n",
                             "#SBATCH --time=1-12:00:00\n", "#SBATCH --partition=gpu\n", "#SBATCH --account=lab-42\n",
                             "#SBATCH --signal=TERM@120\n"})
        EXPECT_THAT(script, HasSubstr(line));
    EXPECT_THAT(script, HasSubstr("JOBDIR='" + jobDir.string() + "'\n"));  // a folder name with a space, quoted
    EXPECT_THAT(script, HasSubstr("srun --kill-on-bad-exit=1 \"$SRLLM\" train \"$JOBDIR\""));
    EXPECT_THAT(script, HasSubstr("export MASTER_PORT="));
    EXPECT_THAT(script, Not(HasSubstr("--cpus-per-task")));  // left to the cluster unless asked

    const auto file = srllm::test::writeFile(dir, "job.sbatch", script);
    EXPECT_EQ(std::system(("bash -n '" + file + "'").c_str()), 0) << script;
}

TEST(SlurmScript, ACpuJobRunsTheTasksAsked) {
    srllm::test::ScratchDir dir;
    const auto jobDir = writeJob(dir, 4);
    SlurmScriptOptions o;
    EXPECT_EQ(slurmWorldSize(o), 1);
    o.tasksPerNode = 2;
    o.cpusPerTask = 1;
    const auto script = slurmScript(jobDir, "/usr/bin/srllm", o);
    EXPECT_THAT(script, HasSubstr("#SBATCH --ntasks-per-node=2\n"));
    EXPECT_THAT(script, HasSubstr("#SBATCH --cpus-per-task=1\n"));
    EXPECT_THAT(script, Not(HasSubstr("--gpus-per-node")));
}

TEST(SlurmScript, ImpossibleSettingsAreRefusedBeforeAnythingIsWritten) {
    srllm::test::ScratchDir dir;
    const auto jobDir = writeJob(dir, 4);
    SlurmScriptOptions o;
    o.tasksPerNode = 3;  // 4 examples per micro-batch do not split over 3 processes
    EXPECT_EQ(errorField(jobDir, o), "train.batch_size");
    o = {};
    o.time = "two hours";
    EXPECT_EQ(errorField(jobDir, o), "--time");
    o = {};
    o.partition = "gpu; rm -rf /";
    EXPECT_EQ(errorField(jobDir, o), "--partition");
    o = {};
    o.nodes = 0;
    EXPECT_EQ(errorField(jobDir, o), "--nodes");
    try {
        slurmScript(dir / "no-such-job", "/usr/bin/srllm", {});
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("no job.json"));
    }
}

// Slurm's time forms (sbatch(1): "minutes", "minutes:seconds", "hours:minutes:seconds", "days-hours",
// "days-hours:minutes", "days-hours:minutes:seconds"); the validation no longer uses <regex> (#12).
TEST(SlurmScript, TimeLimitsInEverySlurmFormAreAcceptedAndOthersRefused) {
    srllm::test::ScratchDir dir;
    const auto jobDir = writeJob(dir, 4);
    for (const std::string time : {"90", "90:30", "1:30:00", "2-12", "2-12:30", "2-12:30:00"}) {
        SlurmScriptOptions o;
        o.time = time;
        EXPECT_THAT(slurmScript(jobDir, "/usr/bin/srllm", o), HasSubstr("#SBATCH --time=" + time + "\n")) << time;
    }
    for (const std::string time : {"1:2:3:4", "-5", "2-", "1::2", ":30", "30:", "1-2-3", "1h", " 90", "2-1:2:3:4"}) {
        SlurmScriptOptions o;
        o.time = time;
        EXPECT_EQ(errorField(jobDir, o), "--time") << time;
    }
    SlurmScriptOptions o;
    o.account = "lab_42.a,b+c-d";
    EXPECT_THAT(slurmScript(jobDir, "/usr/bin/srllm", o), HasSubstr("#SBATCH --account=lab_42.a,b+c-d\n"));
    for (const std::string name : {"gpu queue", "gpu$", "ü", "a/b"}) {
        o = {};
        o.partition = name;
        EXPECT_EQ(errorField(jobDir, o), "--partition") << name;
    }
}
