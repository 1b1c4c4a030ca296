#include "app/cli/engine/project-job-row.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "db/jobs.h"

namespace srllm::cli {

ProjectJobRow::ProjectJobRow(std::unique_ptr<db::Project> project, std::string jobDir, std::optional<int64_t> snapshotId,
                             std::atomic<bool>& stop)
    : m_projectPath(project->path()), m_jobDir(std::move(jobDir)), m_snapshotId(snapshotId), m_stop(stop),
      m_project(std::move(project)) {
    const auto row = db::jobByDir(m_project->db(), m_jobDir);
    const auto self = db::WorkerIdentity::current();
    if (row && row->active() && db::workerAlive(*row) && !(row->pid == self.pid && row->host == self.host))
        throw db::DbError("the job in " + m_jobDir + " is already running (pid " + std::to_string(row->pid.value_or(0)) +
                          " on " + row->host + ") (hint: wait for it, or cancel it)");
}

ProjectJobRow::~ProjectJobRow() {
    m_done = true;
    if (m_heartbeat.joinable()) m_heartbeat.join();
}

void ProjectJobRow::started(const std::string& device) {
    m_rowId = db::beginJobRun(m_project->db(), m_jobDir, device, m_snapshotId, db::WorkerIdentity::current()).id;
    m_heartbeat = std::thread([this] { beat(); });
}

void ProjectJobRow::beat() {
    // Its own connection: a Database belongs to the thread that opened it.
    try {
        auto project = db::Project::open(m_projectPath);
        auto next = std::chrono::steady_clock::now();
        while (!m_done) {
            if (std::chrono::steady_clock::now() >= next) {
                if (db::heartbeatJob(project->db(), *m_rowId, m_progress.load()) == db::JobStatus::Cancelling) m_stop = true;
                next = std::chrono::steady_clock::now() + db::kJobHeartbeatEvery;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "srllm: warning: project %s: heartbeat stopped: %s\n", m_projectPath.c_str(), e.what());
    }
}

void ProjectJobRow::finished(const core::RunRecord& record) {
    m_done = true;
    if (m_heartbeat.joinable()) m_heartbeat.join();
    if (!m_rowId) {
        // Failed before start: the row (if any) still learns why.
        const auto row = db::jobByDir(m_project->db(), m_jobDir);
        if (!row) return;
        m_rowId = row->id;
    }
    if (record.totalSteps > 0)
        db::heartbeatJob(m_project->db(), *m_rowId, static_cast<double>(record.steps) / static_cast<double>(record.totalSteps));
    db::endJobRun(m_project->db(), *m_rowId, db::jobStatusOf(record.status), record.reason);
}

std::unique_ptr<ProjectJobRow> openProjectJobRow(const std::string& projectPath, const std::string& jobDir,
                                                 std::optional<int64_t> snapshotId, std::atomic<bool>& stop) {
    if (projectPath.empty()) return nullptr;
    if (!std::filesystem::exists(projectPath)) {
        std::fprintf(stderr, "srllm: warning: project %s not found; its job queue is not updated\n", projectPath.c_str());
        return nullptr;
    }
    std::unique_ptr<db::Project> project;
    try {
        project = db::Project::open(projectPath);
    } catch (const db::DbError& e) {
        std::fprintf(stderr, "srllm: warning: %s; the project's job queue is not updated\n", e.what());
        return nullptr;
    }
    return std::make_unique<ProjectJobRow>(std::move(project), jobDir, snapshotId, stop);
}

}  // namespace srllm::cli
