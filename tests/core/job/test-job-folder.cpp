// The job folder as the queue and the GUI see it: complete checkpoints only, Discard keeping job.json and
// data/, run.json round trips, and `job new` refusing a folder that holds something.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "core/job/job-folder.h"
#include "core/job/job-layout.h"
#include "core/job/run-record.h"
#include "support/test-data.h"

using namespace srllm::core;
namespace fs = std::filesystem;

namespace {

void makeCheckpoint(const fs::path& job, int64_t step, bool done) {
    const auto dir = job / kCheckpointsFolder / checkpointFolderName(step);
    fs::create_directories(dir);
    std::ofstream(dir / kCheckpointStateFile) << "x";
    if (done) std::ofstream(dir / kCheckpointDoneFile) << "step";
}

}  // namespace

TEST(JobFolder, ListsOnlyCompleteCheckpointsInStepOrder) {
    srllm::test::ScratchDir dir;
    EXPECT_EQ(checkpointFolderName(25), "step-00000025");
    EXPECT_EQ(checkpointFolderName(123456789), "step-123456789");
    makeCheckpoint(dir.path(), 50, true);
    makeCheckpoint(dir.path(), 25, true);
    makeCheckpoint(dir.path(), 75, false);  // killed while writing
    Diagnostics warnings;
    const auto list = completeCheckpoints(dir / kCheckpointsFolder, &warnings);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].first, 25);
    EXPECT_EQ(list[1].first, 50);
    EXPECT_EQ(warnings.size(), 1u);
}

TEST(JobFolder, InspectAndDiscardKeepTheJobAndItsData) {
    srllm::test::ScratchDir dir;
    const auto job = dir.path();
    std::ofstream(job / kJobFile) << "{}";
    fs::create_directories(job / kJobDataFolder);
    std::ofstream(job / kJobTrainData) << "{}";
    makeCheckpoint(job, 25, true);
    fs::create_directories(job / kAdapterFolder);
    fs::create_directories(job / (std::string(kBestFolder) + ".tmp-42"));
    std::ofstream(job / kJobLogFile) << "\n";
    RunRecord run;
    run.status = RunStatus::Cancelled;
    run.steps = 25;
    writeRunRecord(job, run);
    auto state = inspectJobFolder(job);
    EXPECT_TRUE(state.hasJob);
    EXPECT_EQ(state.checkpointSteps, std::vector<int64_t>{25});
    EXPECT_TRUE(state.hasResult);
    EXPECT_TRUE(state.canResume());
    ASSERT_TRUE(state.run);
    EXPECT_EQ(state.run->status, RunStatus::Cancelled);

    {
        // A running trainer holds the folder's lock: Discard refuses.
        const int fd = ::open((job / kJobLockFile).c_str(), O_RDWR | O_CREAT, 0644);
        ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
        const pid_t child = ::fork();
        if (child == 0) ::_exit(jobFolderBusy(job) ? 0 : 1);  // another process sees the lock
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_EQ(WEXITSTATUS(status), 0);
        ::close(fd);
    }
    EXPECT_FALSE(jobFolderBusy(job));
    discardJobOutputs(job);
    state = inspectJobFolder(job);
    EXPECT_TRUE(state.hasJob);
    EXPECT_FALSE(state.hasOutputs());
    EXPECT_TRUE(fs::exists(job / kJobTrainData));
    EXPECT_FALSE(fs::exists(job / (std::string(kBestFolder) + ".tmp-42")));
    EXPECT_THROW(discardJobOutputs(dir / "not-a-job"), InputError);
}

TEST(JobFolder, RunRecordRoundTripsAndNewJobsNeedAnEmptyFolder) {
    srllm::test::ScratchDir dir;
    RunRecord r;
    r.status = RunStatus::Failed;
    r.reason = "out of memory";
    r.steps = 7;
    r.lossEvalBest = 1.5;
    r.bestStep = 5;
    r.device = "cpu";
    r.memoryPeakBytes = 123;
    writeRunRecord(dir.path(), r);
    const auto back = readRunRecord(dir.path());
    ASSERT_TRUE(back);
    EXPECT_EQ(runRecordToJson(*back), runRecordToJson(r));
    EXPECT_EQ(runRecordToJson(r)["status"], "failed");
    EXPECT_FALSE(readRunRecord(dir / "none"));

    EXPECT_NO_THROW(requireNewJobFolder(dir / "new"));
    fs::create_directories(dir / "empty");
    EXPECT_NO_THROW(requireNewJobFolder(dir / "empty"));
    EXPECT_THROW(requireNewJobFolder(dir.path()), InputError);
}
