// `srllm train JOBDIR [--resume]`: runs a job folder made by `srllm job new` (or the GUI). Prints the JSON
// event lines of docs/JOBS.md on stdout and appends them to JOBDIR/log.jsonl; human messages go to
// stderr. SIGINT/SIGTERM finish the step, save a checkpoint and stop (exit 0 after a `cancelled` line);
// a failure prints a `failed` line and exits 1. The project's job row follows when the project is reachable.
// Data-parallel: `--nproc N` starts N processes here; under torchrun's or Slurm's variables this process is
// one rank (core/job/rendezvous.h). Rank 0 does all of the above; the other ranks print only failures.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "app/cli/engine/local-workers.h"
#include "app/cli/engine/project-job-row.h"
#include "core/job/job-folder.h"
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
    int nproc = 1;        // processes on this machine (1: none started; the environment may still make a rank)
    int masterPort = 0;   // --nproc: rank 0's store port (0: a free one)
    int64_t timeout = 1800;  // seconds ranks wait for each other (torch.distributed's default)
};

// This process's place in a data-parallel run: rank 0 of `--nproc N`, a rank from the environment, or none.
std::optional<core::Rendezvous> trainRendezvous(const TrainOptions& o) {
    if (o.nproc > 1) return core::Rendezvous{0, o.nproc, 0, "127.0.0.1", o.masterPort};
    return core::rendezvousFromEnvironment(core::processEnvironment());
}

// A rank other than 0: trains its shard, writes nothing, and says why on stderr when it fails.
void runRank(const std::filesystem::path& jobDir, const TrainOptions& o, const core::Rendezvous& rendezvous) {
    core::JobRunOptions options;
    options.resume = o.resume;
    options.stop = &gStop;
    options.rendezvous = rendezvous;
    options.groupTimeout = std::chrono::seconds(o.timeout);
    const auto record = core::runJob(jobDir, options, [](const core::JobEvent&) {});
    if (record.status == core::RunStatus::Failed)
        throw std::runtime_error("rank " + std::to_string(rendezvous.rank) + ": " + record.reason);
}

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
    const auto rendezvous = trainRendezvous(o);         // so does a missing rendezvous variable
    if (rendezvous) core::requireWorldDividesBatch(spec.train.batchSize, rendezvous->worldSize, (jobDir / core::kJobFile).string());
    // --nproc shares this machine's cores among the processes (torchrun gives each one thread).
    const int64_t threads = o.threads > 0 || o.nproc <= 1
                                ? o.threads
                                : std::max<int64_t>(1, std::thread::hardware_concurrency() / o.nproc);
    core::configureEngineRuntime(threads);
    installSignalHandlers();
    if (rendezvous && rendezvous->rank > 0) return runRank(jobDir, o, *rendezvous);
    FolderLock lock(jobDir);
    core::requireStartable(jobDir, o.resume);  // a refused start must not mark a done job's row or run.json failed
    auto row = openProjectJobRow(spec.data.project, jobDir.string(), spec.data.snapshotId, gStop);

    std::FILE* log = std::fopen((jobDir / core::kJobLogFile).c_str(), "a");
    if (!log) throw core::InputError((jobDir / core::kJobLogFile).string(), 0, "", "cannot append to the log");
    core::JobRunOptions options;
    options.resume = o.resume;
    options.stop = &gStop;
    options.rendezvous = rendezvous;
    options.groupTimeout = std::chrono::seconds(o.timeout);
    LocalWorkers workers;
    std::vector<std::string> arguments{jobDir.string(), "--threads", std::to_string(threads), "--timeout",
                                       std::to_string(o.timeout)};
    if (o.resume) arguments.push_back("--resume");
    if (o.nproc > 1) options.onListening = [&](int port) { workers.start(o.nproc, port, arguments); };
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
    if (record.status != core::RunStatus::Failed)
        if (const auto failure = workers.wait(); !failure.empty()) std::fprintf(stderr, "srllm: %s\n", failure.c_str());
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
    cmd->add_option("--threads", options->threads, "CPU threads per process (default: every core, shared by --nproc)");
    cmd->add_option("--nproc", options->nproc, "data-parallel processes on this machine (each takes its share of "
                                               "every batch; train.batch_size must be a multiple)")
        ->check(CLI::Range(1, 1024));
    cmd->add_option("--master-port", options->masterPort, "with --nproc: the port rank 0 listens on (default: a free one)")
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--timeout", options->timeout, "seconds the processes of a data-parallel run wait for each other "
                                                   "(default 1800)")
        ->check(CLI::PositiveNumber);
    cmd->callback([options] { runTrain(*options); });
});

}  // namespace

}  // namespace srllm::cli
