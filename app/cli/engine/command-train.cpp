// `srllm train JOBDIR [--resume]`: runs a job folder made by `srllm job new` (or the GUI). Prints the JSON
// event lines of docs/JOBS.md on stdout and appends them to JOBDIR/log.jsonl; human messages go to
// stderr. SIGINT/SIGTERM finish the step, save a checkpoint and stop (exit 0 after a `cancelled` line);
// a failure prints a `failed` line and exits 1. The project's job row follows when the project is reachable.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/engine/project-job-row.h"
#include "core/job/job-layout.h"
#include "core/job/job-spec.h"
#include "core/model/engine-runtime.h"
#include "core/train/job-runner.h"

namespace srllm::cli {

namespace {

std::atomic<bool> gStop{false};

void onSignal(int) { gStop = true; }

struct TrainOptions {
    std::string jobDir;
    bool resume = false;
    int64_t threads = 0;
};

// One trainer per job folder at a time, project or not: an exclusive lock on JOBDIR/train.lock, released
// by the kernel when this process ends however it ends.
class FolderLock {
public:
    explicit FolderLock(const std::filesystem::path& jobDir)
        : m_fd(::open((jobDir / core::kJobLockFile).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
        if (m_fd < 0) throw core::InputError(jobDir.string(), 0, "", "cannot create the lock file (is the folder writable?)");
        if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(m_fd);
            throw core::InputError(jobDir.string(), 0, "", "another `srllm train` is running this job (hint: wait for it, "
                                                           "or cancel it)");
        }
    }
    ~FolderLock() { ::close(m_fd); }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int m_fd;
};

void installSignalHandlers() {
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    // A reader that goes away (the GUI crashed, `| head`) must not kill the run: the lines still reach
    // log.jsonl and the project's row, and a reopened GUI follows and cancels the run through them.
    action.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &action, nullptr);
}

void runTrain(const TrainOptions& o) {
    const std::filesystem::path jobDir = std::filesystem::absolute(o.jobDir).lexically_normal();
    const auto spec = core::readJobSpec(jobDir).spec;  // an unreadable job.json fails here, before any write
    FolderLock lock(jobDir);
    core::configureEngineRuntime(o.threads);
    installSignalHandlers();
    auto row = openProjectJobRow(spec.data.project, jobDir.string(), spec.data.snapshotId, gStop);

    std::FILE* log = std::fopen((jobDir / core::kJobLogFile).c_str(), "a");
    if (!log) throw core::InputError((jobDir / core::kJobLogFile).string(), 0, "", "cannot append to the log");
    core::JobRunOptions options;
    options.resume = o.resume;
    options.stop = &gStop;
    const auto record = core::runJob(jobDir, options, [&](const core::JobEvent& event) {
        const std::string line = core::eventLine(event) + "\n";
        std::fwrite(line.data(), 1, line.size(), stdout);
        std::fflush(stdout);
        std::fwrite(line.data(), 1, line.size(), log);
        std::fflush(log);
        if (!row) return;
        if (const auto* start = std::get_if<core::StartEvent>(&event.body)) row->started(start->device);
        if (const auto* step = std::get_if<core::StepEvent>(&event.body))
            row->progress(static_cast<double>(step->step) / static_cast<double>(std::max<int64_t>(1, step->totalSteps)));
    });
    std::fclose(log);
    if (row) row->finished(record);
    switch (record.status) {
        case core::RunStatus::Done:
            std::fprintf(stderr, "srllm: trained %lld steps; the result is in %s\n", static_cast<long long>(record.steps),
                         (jobDir / record.result).c_str());
            break;
        case core::RunStatus::Cancelled:
            std::fprintf(stderr, "srllm: cancelled at step %lld; `srllm train %s --resume` continues\n",
                         static_cast<long long>(record.steps), o.jobDir.c_str());
            break;
        case core::RunStatus::Failed: throw std::runtime_error(record.reason);
    }
}

const RegisterCommand kRegister("train", [](CLI::App& root) {
    auto options = std::make_shared<TrainOptions>();
    auto* cmd = root.add_subcommand("train", "run a training job folder (made by `srllm job new`); JSON event lines "
                                             "on stdout, SIGINT/SIGTERM checkpoint and stop");
    cmd->add_option("JOBDIR", options->jobDir, "the job folder (job.json, data/)")->required()->check(CLI::ExistingDirectory);
    cmd->add_flag("--resume", options->resume, "continue from the newest complete checkpoint (optimizer, RNG, data position)");
    cmd->add_option("--threads", options->threads, "CPU threads (default: every core)");
    cmd->callback([options] { runTrain(*options); });
});

}  // namespace

}  // namespace srllm::cli
