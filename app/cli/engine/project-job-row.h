#pragma once
// The project's row of the job `srllm train` runs, kept up to date when the project is reachable: running
// (with this process's pid and host) at start, a heartbeat every few seconds from a thread of its own
// (which also sees a cancel requested in the project), and done/cancelled/failed at the end. When the
// project cannot be opened the run goes on without it (a warning on stderr).
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "core/job/run-record.h"
#include "db/project.h"

namespace srllm::cli {

class ProjectJobRow {
public:
    // Throws DbError when another live worker runs this job folder.
    ProjectJobRow(std::unique_ptr<db::Project> project, std::string jobDir, std::optional<int64_t> snapshotId,
                  std::atomic<bool>& stop);
    ~ProjectJobRow();  // stops the heartbeat thread
    ProjectJobRow(const ProjectJobRow&) = delete;
    ProjectJobRow& operator=(const ProjectJobRow&) = delete;

    void started(const std::string& device);  // marks the row running, starts beating
    void progress(double fraction) { m_progress = fraction; }
    void finished(const core::RunRecord& record);

private:
    void beat();

    std::string m_projectPath;
    std::string m_jobDir;
    std::optional<int64_t> m_snapshotId;
    std::atomic<bool>& m_stop;
    std::unique_ptr<db::Project> m_project;
    std::optional<int64_t> m_rowId;
    std::atomic<double> m_progress{0.0};
    std::atomic<bool> m_done{false};
    std::thread m_heartbeat;
};

// The row keeper for a job, or nullptr (with a warning on stderr) when its project is not reachable.
// Throws DbError when another live worker runs this job folder.
std::unique_ptr<ProjectJobRow> openProjectJobRow(const std::string& projectPath, const std::string& jobDir,
                                                 std::optional<int64_t> snapshotId, std::atomic<bool>& stop);

}  // namespace srllm::cli
