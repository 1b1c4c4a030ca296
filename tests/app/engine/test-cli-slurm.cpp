// ctest-label: slow
// A one-node Slurm on this machine (Debian's slurm-wlm and munge: munged, slurmctld and slurmd with a
// generated slurm.conf in a temporary folder), a job exported by `srllm job export-slurm` and submitted with
// sbatch as two srun tasks, waited for, and its run folder checked. Skips (never passes) where the packages
// are missing or the daemons do not start; the daemons are stopped by their pid files when the test ends.
#include <pwd.h>
#include <sys/stat.h>

#include <cstdio>
#include <random>

#include <gtest/gtest.h>

#include "support/cli-job-workspace.h"

using namespace srllm::test;
namespace fs = std::filesystem;

namespace {

// What a shell command prints on stdout (and its exit status).
std::pair<int, std::string> shellOutput(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return {-1, out};
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

// munged, slurmctld and slurmd of a private cluster "srllmtest"; `error` says why it could not start.
class LocalSlurm {
public:
    LocalSlurm() {
        for (const char* binary : {"/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch"})
            if (!fs::exists(binary)) {
                error = std::string(binary) + " is missing (scripts/install-deps.sh installs slurm-wlm and munge)";
                return;
            }
        // munged wants every folder on its socket's path searchable and its key readable by its owner only.
        fs::permissions(m_dir.path(), fs::perms(0755));
        fs::create_directories(m_dir / "munge");
        fs::permissions(m_dir / "munge", fs::perms(0711));
        for (const char* sub : {"state", "spool", "log"}) fs::create_directories(m_dir / sub);
        std::string key(1024, '\0');
        std::random_device random;
        for (auto& c : key) c = static_cast<char>(random());
        const auto keyFile = writeFile(m_dir, "munge/munge.key", key);
        fs::permissions(keyFile, fs::perms::owner_read);
        const auto munge = (m_dir / "munge").string();
        if (!start("munged --key-file=" + keyFile + " --socket=" + munge + "/munge.socket --pid-file=" + munge +
                   "/munged.pid --log-file=" + munge + "/munged.log --seed-file=" + munge + "/munge.seed",
                   m_dir / "munge" / "munged.log"))
            return;
        const std::string nodeLine = shellOutput("slurmd -C | head -n 1").second;
        const std::string user = ::getpwuid(::geteuid())->pw_name;
        std::string host(256, '\0');
        ::gethostname(host.data(), host.size());
        host.resize(host.find('\0'));
        const auto d = m_dir.path().string();
        // Private ports from the pid (below the jobs' MASTER_PORT range): two test runs at once do not meet.
        const int port = 10000 + 2 * (::getpid() % 5000);
        writeFile(m_dir, "slurm.conf",
                  "ClusterName=srllmtest\nSlurmctldHost=" + host + "\nSlurmUser=" + user + "\nSlurmdUser=" + user +
                      "\nAuthType=auth/munge\nAuthInfo=socket=" + munge + "/munge.socket\nCredType=cred/munge\n"
                      "StateSaveLocation=" + d + "/state\nSlurmdSpoolDir=" + d + "/spool\nSlurmctldPidFile=" + d +
                      "/slurmctld.pid\nSlurmdPidFile=" + d + "/slurmd.pid\nSlurmctldLogFile=" + d +
                      "/log/slurmctld.log\nSlurmdLogFile=" + d + "/log/slurmd.log\nSlurmctldPort=" +
                      std::to_string(port) + "\nSlurmdPort=" + std::to_string(port + 1) +
                      "\nProctrackType=proctrack/linuxproc\nTaskPlugin=task/none\nSchedulerType=sched/builtin\n"
                      "SelectType=select/cons_tres\nSelectTypeParameters=CR_Core\nReturnToService=2\nMpiDefault=none\n" +
                      trimmed(nodeLine) + " State=UNKNOWN\nPartitionName=debug Nodes=" + host +
                      " Default=YES MaxTime=INFINITE State=UP\n");
        env = "SLURM_CONF=" + shellQuote(d + "/slurm.conf") + " ";
        if (!start(env + "slurmctld -c", m_dir / "log" / "slurmctld.log") || !start(env + "slurmd", m_dir / "log" / "slurmd.log"))
            return;
        for (int i = 0; i < 300; ++i) {
            if (trimmed(shellOutput(env + "sinfo -h -o %t 2>/dev/null").second) == "idle") return;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        error = "the node did not become idle in 30 s: " + readFile(m_dir / "log" / "slurmd.log");
    }

    ~LocalSlurm() {
        for (const char* pidFile : {"slurmd.pid", "slurmctld.pid", "munge/munged.pid"}) {
            const auto text = readFile(m_dir / pidFile);
            if (text.empty()) continue;
            const pid_t pid = std::stoi(text);
            ::kill(pid, SIGTERM);
            for (int i = 0; i < 100 && ::kill(pid, 0) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (::kill(pid, 0) == 0) ::kill(pid, SIGKILL);
        }
    }

    std::string error;
    std::string env;  // "SLURM_CONF=... " before every client command

private:
    bool start(const std::string& command, const fs::path& log) {
        if (std::system(command.c_str()) == 0) return true;
        error = "`" + command + "` failed: " + readFile(log);
        return false;
    }

    ScratchDir m_dir;
};

}  // namespace

TEST(CliSlurm, AnExportedJobRunsAsTwoTasksOnAOneNodeCluster) {
    LocalSlurm slurm;
    if (!slurm.error.empty()) GTEST_SKIP() << "no local Slurm: " << slurm.error;
    Workspace w;
    ASSERT_EQ(w.newJob("job", std::string(kSmall) + "--max-steps 4 --save-steps 2 --eval-steps 2 --no-queue").exitCode, 0);
    const auto job = w.dir / "job";
    const auto exported = runCli("job export-slurm " + shellQuote(job.string()) + " --tasks-per-node 2 --cpus-per-task 1 --time 10");
    ASSERT_EQ(exported.exitCode, 0) << exported.output;

    const auto [submitted, id] = shellOutput(slurm.env + "sbatch --parsable " + shellQuote((job / "slurm.sbatch").string()));
    ASSERT_EQ(submitted, 0) << id;
    const std::string jobId = trimmed(id);
    bool finished = false;
    for (int i = 0; i < 1200 && !finished; ++i) {
        finished = trimmed(shellOutput(slurm.env + "squeue -h -j " + jobId + " -o %T 2>/dev/null").second).empty();
        if (!finished) std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    ASSERT_TRUE(finished) << "the job did not end within 5 minutes";
    const auto output = readFile(job / ("slurm-" + jobId + ".out"));
    const auto run = nlohmann::json::parse(readFile(job / "run.json"));
    EXPECT_EQ(run["status"], "done") << output;
    const auto events = eventsOf(readFile(job / "log.jsonl"));
    ASSERT_FALSE(events.empty()) << output;
    EXPECT_EQ(events.front()["event"], "start");
    EXPECT_EQ(events.front()["world_size"], 2);  // srun's two tasks trained together
    EXPECT_EQ(lossesOf(events).size(), 4u);
    EXPECT_EQ(events.back()["event"], "done");
    EXPECT_TRUE(fs::exists(job / "adapter" / "adapter_model.safetensors"));
}
