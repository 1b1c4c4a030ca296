#include "db/jobs.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <ctime>

#include <unistd.h>

#include "db/database.h"

namespace srllm::db {

namespace {

constexpr const char* kStatusNames[] = {"queued", "running", "cancelling", "cancelled", "failed", "done"};
constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
constexpr const char* kColumns =
    "SELECT id, kind, status, coalesce(dir, ''), device, snapshot_id, progress, coalesce(error, ''), pid,"
    " coalesce(host, ''), coalesce(heartbeat_at, ''), created_at, coalesce(started_at, ''),"
    " coalesce(finished_at, '') FROM jobs ";

JobRow readJob(const Statement& st) {
    JobRow row;
    row.id = st.columnInt(0);
    row.kind = st.columnText(1);
    row.status = parseJobStatus(st.columnText(2));
    row.dir = st.columnText(3);
    row.device = st.columnText(4);
    row.snapshotId = st.columnOptionalInt(5);
    if (!st.columnIsNull(6)) row.progress = st.columnDouble(6);
    row.error = st.columnText(7);
    row.pid = st.columnOptionalInt(8);
    row.host = st.columnText(9);
    row.heartbeatAt = st.columnText(10);
    row.createdAt = st.columnText(11);
    row.startedAt = st.columnText(12);
    row.finishedAt = st.columnText(13);
    return row;
}

std::vector<JobRow> readJobs(Statement& st) {
    std::vector<JobRow> rows;
    while (st.step()) rows.push_back(readJob(st));
    return rows;
}

std::string hostName() {
    char name[256] = {};
    if (::gethostname(name, sizeof(name) - 1) != 0) return "localhost";
    return name;
}

// "2026-11-29T18:00:00.123Z" as a time point; nullopt when it does not parse.
std::optional<std::chrono::system_clock::time_point> parseUtc(const std::string& text) {
    std::tm tm{};
    double seconds = 0;
    if (std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%lfZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                    &seconds) != 6)
        return std::nullopt;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_sec = static_cast<int>(seconds);
    const auto whole = std::chrono::system_clock::from_time_t(timegm(&tm));
    return whole + std::chrono::milliseconds(static_cast<int64_t>((seconds - tm.tm_sec) * 1000));
}

// One job per device: "cuda" is the current CUDA device (0), and "auto" may become any device, so it
// shares a lane with every job until its worker has resolved it.
bool sameDevice(const std::string& a, const std::string& b) {
    const auto lane = [](const std::string& d) { return d == "cuda" ? std::string("cuda:0") : d; };
    return a == "auto" || b == "auto" || lane(a) == lane(b);
}

JobRow requireJob(Database& db, int64_t id) {
    auto row = jobById(db, id);
    if (!row) throw DbError(db.path() + ": no job with id " + std::to_string(id));
    return *row;
}

}  // namespace

std::string jobStatusName(JobStatus status) { return kStatusNames[static_cast<int>(status)]; }

JobStatus parseJobStatus(const std::string& name) {
    for (int i = 0; i < 6; ++i)
        if (name == kStatusNames[i]) return static_cast<JobStatus>(i);
    throw DbError("unknown job status '" + name + "'");
}

JobStatus jobStatusOf(core::RunStatus status) {
    switch (status) {
        case core::RunStatus::Done: return JobStatus::Done;
        case core::RunStatus::Cancelled: return JobStatus::Cancelled;
        case core::RunStatus::Failed: return JobStatus::Failed;
    }
    return JobStatus::Failed;
}

WorkerIdentity WorkerIdentity::current() { return {static_cast<int64_t>(::getpid()), hostName()}; }

bool workerAlive(const JobRow& row, std::chrono::system_clock::time_point now) {
    if (!row.active()) return false;
    const auto beat = parseUtc(row.heartbeatAt);
    if (!beat || now - *beat > kJobStaleAfter) return false;
    // On this machine the pid tells at once; a pid reused by another program is caught by the heartbeat.
    if (row.pid && row.host == hostName()) return ::kill(static_cast<pid_t>(*row.pid), 0) == 0 || errno == EPERM;
    return true;
}

JobRow enqueueJob(Database& db, const std::string& dir, const std::string& device, std::optional<int64_t> snapshotId) {
    Transaction tx(db);
    if (const auto existing = jobByDir(db, dir); existing && existing->active() && workerAlive(*existing))
        throw DbError(db.path() + ": the job in " + dir + " is " + jobStatusName(existing->status) +
                      " (hint: cancel it first)");
    auto st = db.prepare(
        "INSERT INTO jobs(kind, status, dir, device, snapshot_id) VALUES ('train', 'queued', ?1, ?2, ?3)"
        " ON CONFLICT(dir) DO UPDATE SET status = 'queued', device = excluded.device, snapshot_id = excluded.snapshot_id,"
        " progress = NULL, error = NULL, pid = NULL, host = NULL, heartbeat_at = NULL, started_at = NULL,"
        " finished_at = NULL");
    st.bind(1, dir).bind(2, device).bind(3, snapshotId).run();
    tx.commit();
    return *jobByDir(db, dir);
}

std::optional<JobRow> jobById(Database& db, int64_t id) {
    auto st = db.prepare(std::string(kColumns) + "WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return readJob(st);
}

std::optional<JobRow> jobByDir(Database& db, const std::string& dir) {
    auto st = db.prepare(std::string(kColumns) + "WHERE dir = ?1");
    st.bind(1, dir);
    if (!st.step()) return std::nullopt;
    return readJob(st);
}

std::vector<JobRow> listJobs(Database& db) {
    auto st = db.prepare(std::string(kColumns) + "ORDER BY id");
    return readJobs(st);
}

std::optional<JobRow> nextQueuedJob(Database& db) {
    auto activeSt = db.prepare(std::string(kColumns) + "WHERE status IN ('running', 'cancelling')");
    std::vector<std::string> busy;
    for (const auto& row : readJobs(activeSt))
        if (workerAlive(row)) busy.push_back(row.device);
    auto queued = db.prepare(std::string(kColumns) + "WHERE status = 'queued' ORDER BY id");
    for (auto& row : readJobs(queued)) {
        const bool free = std::none_of(busy.begin(), busy.end(), [&](const std::string& d) { return sameDevice(d, row.device); });
        if (free) return row;
    }
    return std::nullopt;
}

JobRow beginJobRun(Database& db, const std::string& dir, const std::string& device, std::optional<int64_t> snapshotId,
                   const WorkerIdentity& worker) {
    Transaction tx(db);
    const auto existing = jobByDir(db, dir);
    if (existing && existing->active() && workerAlive(*existing) &&
        !(existing->pid == worker.pid && existing->host == worker.host))
        throw DbError("the job in " + dir + " is already running (pid " + std::to_string(existing->pid.value_or(0)) +
                      " on " + existing->host + ") (hint: wait for it, or cancel it)");
    auto st = db.prepare(std::string(
        "INSERT INTO jobs(kind, status, dir, device, snapshot_id, pid, host, heartbeat_at, started_at)"
        " VALUES ('train', 'running', ?1, ?2, ?3, ?4, ?5, ") + kNow + ", " + kNow + ")"
        " ON CONFLICT(dir) DO UPDATE SET status = 'running', device = excluded.device,"
        " snapshot_id = coalesce(excluded.snapshot_id, snapshot_id), pid = excluded.pid, host = excluded.host,"
        " heartbeat_at = excluded.heartbeat_at, started_at = excluded.started_at, finished_at = NULL, error = NULL");
    st.bind(1, dir).bind(2, device).bind(3, snapshotId).bind(4, worker.pid).bind(5, worker.host).run();
    tx.commit();
    return *jobByDir(db, dir);
}

JobStatus heartbeatJob(Database& db, int64_t id, std::optional<double> progress) {
    auto st = db.prepare(std::string("UPDATE jobs SET heartbeat_at = ") + kNow +
                         ", progress = coalesce(?2, progress) WHERE id = ?1");
    st.bind(1, id);
    if (progress) st.bind(2, *progress);
    else st.bind(2, std::nullopt);
    st.run();
    return requireJob(db, id).status;
}

void endJobRun(Database& db, int64_t id, JobStatus status, const std::string& error) {
    auto st = db.prepare(std::string("UPDATE jobs SET status = ?2, error = nullif(?3, ''), pid = NULL, finished_at = ") +
                         kNow + " WHERE id = ?1");
    st.bind(1, id).bind(2, jobStatusName(status)).bind(3, error).run();
}

JobStatus requestCancel(Database& db, int64_t id) {
    Transaction tx(db);
    const auto row = requireJob(db, id);
    JobStatus next = row.status;
    if (row.status == JobStatus::Queued) next = JobStatus::Cancelled;
    else if (row.status == JobStatus::Running) next = JobStatus::Cancelling;
    auto st = db.prepare("UPDATE jobs SET status = ?2 WHERE id = ?1");
    st.bind(1, id).bind(2, jobStatusName(next)).run();
    tx.commit();
    return next;
}

void removeJob(Database& db, int64_t id) {
    const auto row = requireJob(db, id);
    if (row.active() && workerAlive(row))
        throw DbError(db.path() + ": job " + std::to_string(id) + " is " + jobStatusName(row.status) +
                      "; cancel it before discarding");
    auto st = db.prepare("DELETE FROM jobs WHERE id = ?1");
    st.bind(1, id).run();
}

namespace {

// A worker killed after writing run.json ("done") but before marking its row finished the job: the folder has
// the last word (a done job refuses Resume, so a failed row would stay failed). Other states fail the row.
bool folderSaysDone(const JobRow& row) {
    if (row.dir.empty()) return false;
    try {
        const auto record = core::readRunRecord(row.dir);
        return record && record->status == core::RunStatus::Done;
    } catch (const std::exception&) {
        return false;  // a damaged run.json: the row fails, and Resume names the file
    }
}

}  // namespace

std::vector<JobRow> recoverStaleJobs(Database& db) {
    Transaction tx(db);
    auto active = db.prepare(std::string(kColumns) + "WHERE status IN ('running', 'cancelling')");
    std::vector<JobRow> stale;
    for (const auto& row : readJobs(active)) {
        if (workerAlive(row)) continue;
        if (folderSaysDone(row)) {
            endJobRun(db, row.id, JobStatus::Done);
            stale.push_back(*jobById(db, row.id));
            continue;
        }
        const std::string why = "the worker (pid " + std::to_string(row.pid.value_or(0)) + " on " + row.host +
                                ") stopped without finishing; Resume continues from the newest checkpoint";
        endJobRun(db, row.id, JobStatus::Failed, why);
        stale.push_back(*jobById(db, row.id));
    }
    tx.commit();
    return stale;
}

}  // namespace srllm::db
