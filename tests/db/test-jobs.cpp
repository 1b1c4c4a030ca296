// db/jobs: the queue's statuses, one job per device, the worker's heartbeat and cancel, and a worker
// killed with -9 detected (its row fails; the project still opens).
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "db/jobs.h"
#include "db/project.h"
#include "support/test-data.h"

using namespace srllm;
using db::JobStatus;

namespace {

struct JobsFixture : testing::Test {
    test::ScratchDir dir;
    std::unique_ptr<db::Project> project = db::Project::create(dir / "p.srllm");
    db::Database& db = project->db();
};

// The pid of a process that has exited and been reaped: what a worker killed with -9 leaves behind.
int64_t deadPid() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

}  // namespace

TEST_F(JobsFixture, QueueRunsOneJobPerDeviceInOrder) {
    const auto a = db::enqueueJob(db, "/jobs/a", "cpu", std::nullopt);
    const auto b = db::enqueueJob(db, "/jobs/b", "cpu", std::nullopt);
    const auto c = db::enqueueJob(db, "/jobs/c", "cuda:0", std::nullopt);
    EXPECT_EQ(a.status, JobStatus::Queued);
    EXPECT_EQ(db::nextQueuedJob(db)->dir, "/jobs/a");
    const auto worker = db::WorkerIdentity::current();
    db::beginJobRun(db, "/jobs/a", "cpu", std::nullopt, worker);
    EXPECT_EQ(db::nextQueuedJob(db)->dir, "/jobs/c");  // the CPU is busy, the GPU is free
    db::beginJobRun(db, "/jobs/c", "cuda:0", std::nullopt, worker);
    EXPECT_FALSE(db::nextQueuedJob(db));
    db::endJobRun(db, a.id, JobStatus::Done);
    EXPECT_EQ(db::nextQueuedJob(db)->id, b.id);
    EXPECT_EQ(db::jobById(db, a.id)->status, JobStatus::Done);
    EXPECT_FALSE(db::jobById(db, a.id)->pid);
    EXPECT_EQ(db::listJobs(db).size(), 3u);
    EXPECT_EQ(c.device, "cuda:0");
}

TEST_F(JobsFixture, AJobStartedByHandAppearsAndCannotRunTwice) {
    const auto worker = db::WorkerIdentity::current();
    const auto row = db::beginJobRun(db, "/jobs/x", "cpu", std::nullopt, worker);
    EXPECT_EQ(row.status, JobStatus::Running);
    EXPECT_EQ(row.pid, worker.pid);
    EXPECT_FALSE(row.heartbeatAt.empty());
    EXPECT_TRUE(db::workerAlive(row));
    db::WorkerIdentity other = worker;
    other.pid = ::getppid();  // another live process on this host
    EXPECT_THROW(db::beginJobRun(db, "/jobs/x", "cpu", std::nullopt, other), db::DbError);
    EXPECT_THROW(db::enqueueJob(db, "/jobs/x", "cpu", std::nullopt), db::DbError);
    EXPECT_THROW(db::removeJob(db, row.id), db::DbError);
    EXPECT_EQ(db::heartbeatJob(db, row.id, 0.5), JobStatus::Running);
    EXPECT_DOUBLE_EQ(*db::jobById(db, row.id)->progress, 0.5);
}

TEST_F(JobsFixture, CancelQueuedAtOnceRunningThroughItsWorker) {
    const auto queued = db::enqueueJob(db, "/jobs/q", "cpu", std::nullopt);
    EXPECT_EQ(db::requestCancel(db, queued.id), JobStatus::Cancelled);
    const auto running = db::beginJobRun(db, "/jobs/r", "cpu", std::nullopt, db::WorkerIdentity::current());
    EXPECT_EQ(db::requestCancel(db, running.id), JobStatus::Cancelling);
    EXPECT_EQ(db::heartbeatJob(db, running.id, std::nullopt), JobStatus::Cancelling);  // the worker sees it
    db::endJobRun(db, running.id, JobStatus::Cancelled);
    EXPECT_EQ(db::jobById(db, running.id)->status, JobStatus::Cancelled);
    EXPECT_EQ(db::enqueueJob(db, "/jobs/r", "cpu", std::nullopt).id, running.id);  // Resume queues the same row
    db::removeJob(db, running.id);
    EXPECT_FALSE(db::jobByDir(db, "/jobs/r"));
}

TEST_F(JobsFixture, AKilledWorkerIsDetectedAndItsJobFails) {
    db::WorkerIdentity gone = db::WorkerIdentity::current();
    gone.pid = deadPid();
    const auto row = db::beginJobRun(db, "/jobs/k", "cpu", std::nullopt, gone);
    EXPECT_FALSE(db::workerAlive(*db::jobById(db, row.id)));
    // Another host's worker is judged by its heartbeat alone.
    const auto remote = db::beginJobRun(db, "/jobs/remote", "cuda:0", std::nullopt, {42, "elsewhere"});
    EXPECT_TRUE(db::workerAlive(remote));
    EXPECT_FALSE(db::workerAlive(remote, std::chrono::system_clock::now() + db::kJobStaleAfter + std::chrono::seconds(1)));

    project.reset();
    project = db::Project::open(dir / "p.srllm");  // the project opens
    const auto stale = db::recoverStaleJobs(project->db());
    ASSERT_EQ(stale.size(), 1u);
    EXPECT_EQ(stale[0].dir, "/jobs/k");
    EXPECT_EQ(stale[0].status, JobStatus::Failed);
    EXPECT_NE(stale[0].error.find("Resume"), std::string::npos);
    // Resuming takes the row over.
    EXPECT_EQ(db::beginJobRun(project->db(), "/jobs/k", "cpu", std::nullopt, db::WorkerIdentity::current()).status,
              JobStatus::Running);
}

// #12 (crash scenario "train" killed in its final writes): run.json said done, the row still said running.
TEST_F(JobsFixture, AWorkerKilledAfterItsJobWasDoneLeavesItDoneNotFailed) {
    db::WorkerIdentity gone = db::WorkerIdentity::current();
    gone.pid = deadPid();
    const auto finished = dir / "finished";
    const auto unfinished = dir / "unfinished";
    std::filesystem::create_directories(finished);
    std::filesystem::create_directories(unfinished);
    core::RunRecord record;
    record.status = core::RunStatus::Done;
    core::writeRunRecord(finished, record);
    record.status = core::RunStatus::Cancelled;  // an earlier session's end: this one died running
    core::writeRunRecord(unfinished, record);
    const auto done = db::beginJobRun(db, finished.string(), "cpu", std::nullopt, gone);
    const auto failed = db::beginJobRun(db, unfinished.string(), "cpu", std::nullopt, gone);
    db::recoverStaleJobs(db);
    EXPECT_EQ(db::jobById(db, done.id)->status, JobStatus::Done);
    EXPECT_EQ(db::jobById(db, done.id)->error, "");
    EXPECT_EQ(db::jobById(db, failed.id)->status, JobStatus::Failed);
}

TEST(Jobs, ARunsEndNamesTheRowsStatus) {
    EXPECT_EQ(db::jobStatusOf(core::RunStatus::Done), JobStatus::Done);
    EXPECT_EQ(db::jobStatusOf(core::RunStatus::Cancelled), JobStatus::Cancelled);
    EXPECT_EQ(db::jobStatusOf(core::RunStatus::Failed), JobStatus::Failed);
}
