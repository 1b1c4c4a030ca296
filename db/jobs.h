#pragma once
// The project's training-job queue: one row per job folder (dir) with status queued, running,
// cancelling, cancelled, failed or done. One job runs per device at a time. The worker that runs a job
// (`srllm train JOBDIR`) records its pid, host and a heartbeat, so a worker killed with -9 is detected:
// its row becomes failed and the job resumes from its newest checkpoint.
// Threading: like Database, call from the thread that owns the connection.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/job/run-record.h"

namespace srllm::db {

class Database;

enum class JobStatus { Queued, Running, Cancelling, Cancelled, Failed, Done };
std::string jobStatusName(JobStatus status);  // "queued", "running", ...
JobStatus parseJobStatus(const std::string& name);  // throws DbError for an unknown name
// The row's status for how a run ended (its run.json).
JobStatus jobStatusOf(core::RunStatus status);

// A heartbeat older than this (or, on the same host, a pid that no longer exists) means the worker is gone.
inline constexpr std::chrono::seconds kJobStaleAfter{60};
// How often a worker beats (well inside kJobStaleAfter).
inline constexpr std::chrono::seconds kJobHeartbeatEvery{10};

struct JobRow {
    int64_t id = 0;
    std::string kind = "train";
    JobStatus status = JobStatus::Queued;
    std::string dir;                  // the job folder, absolute
    std::string device = "auto";      // as job.json asks; the worker replaces it with the one it resolved
    std::optional<int64_t> snapshotId;
    std::optional<double> progress;   // steps done / total steps
    std::string error;                // why it failed
    std::optional<int64_t> pid;       // the worker process while running
    std::string host;
    std::string heartbeatAt;          // ISO-8601 UTC
    std::string createdAt, startedAt, finishedAt;

    bool active() const { return status == JobStatus::Running || status == JobStatus::Cancelling; }
};

struct WorkerIdentity {
    int64_t pid = 0;
    std::string host;
    static WorkerIdentity current();  // this process on this machine
};

// Queues the folder's job (a new row, or the folder's row again when it is not active). Throws DbError
// when the folder's job is active.
JobRow enqueueJob(Database& db, const std::string& dir, const std::string& device, std::optional<int64_t> snapshotId);
std::optional<JobRow> jobById(Database& db, int64_t id);
std::optional<JobRow> jobByDir(Database& db, const std::string& dir);
std::vector<JobRow> listJobs(Database& db);  // by id
// The oldest queued job whose device has no live active job: what to start next (read only).
std::optional<JobRow> nextQueuedJob(Database& db);

// The worker's side. beginJobRun marks the folder's row running by `worker` (inserting a row when there
// is none, so a job started by hand appears in the GUI); throws DbError when another live worker runs it.
JobRow beginJobRun(Database& db, const std::string& dir, const std::string& device, std::optional<int64_t> snapshotId,
                   const WorkerIdentity& worker);
// Refreshes the heartbeat (and progress); returns the status, so a worker sees a cancel requested in the
// project ("cancelling") even when the GUI that asked has gone.
JobStatus heartbeatJob(Database& db, int64_t id, std::optional<double> progress);
// Ends a run: done, cancelled or failed (with the reason); clears the worker.
void endJobRun(Database& db, int64_t id, JobStatus status, const std::string& error = {});

// Cancel from the queue: a queued job becomes cancelled; an active one cancelling (its worker then saves a
// checkpoint and stops). Returns the new status.
JobStatus requestCancel(Database& db, int64_t id);
// Deletes the row (the GUI's Discard of a job that is not active); throws DbError when it is active.
void removeJob(Database& db, int64_t id);

// Whether the worker of an active row still lives, as seen from this machine at `now`.
bool workerAlive(const JobRow& row, std::chrono::system_clock::time_point now = std::chrono::system_clock::now());
// Active rows whose worker is gone become failed ("the worker ... stopped"), or done when their folder's run.json
// says done (the worker died between the two); returns them as they are now.
// Call when a project opens and before starting the next job.
std::vector<JobRow> recoverStaleJobs(Database& db);

}  // namespace srllm::db
