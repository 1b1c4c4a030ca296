#include "app/cli/engine/local-workers.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace srllm::cli {

namespace {

// How long stopped workers get to finish their step before SIGKILL.
constexpr auto kGracePeriod = std::chrono::seconds(30);

std::string exitText(int status) {
    if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return std::string("was killed by signal ") + ::strsignal(WTERMSIG(status));
    return "stopped";
}

}  // namespace

LocalWorkers::~LocalWorkers() { stop(); }

void LocalWorkers::start(int nproc, int port, const std::vector<std::string>& trainArguments) {
    std::vector<std::string> args{"srllm", "train"};
    args.insert(args.end(), trainArguments.begin(), trainArguments.end());
    for (int rank = 1; rank < nproc; ++rank) {
        std::vector<std::string> env;
        for (char** e = environ; *e; ++e) {
            const std::string entry = *e;
            const auto name = entry.substr(0, entry.find('='));
            // Slurm's task variables would override ours (rendezvousFromEnvironment prefers WORLD_SIZE anyway).
            if (name != "RANK" && name != "WORLD_SIZE" && name != "LOCAL_RANK" && name != "MASTER_ADDR" &&
                name != "MASTER_PORT")
                env.push_back(entry);
        }
        for (const auto& [name, value] : {std::pair<std::string, std::string>{"RANK", std::to_string(rank)},
                                          {"LOCAL_RANK", std::to_string(rank)},
                                          {"WORLD_SIZE", std::to_string(nproc)},
                                          {"MASTER_ADDR", "127.0.0.1"},
                                          {"MASTER_PORT", std::to_string(port)}})
            env.push_back(name + "=" + value);
        std::vector<char*> argv, envp;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        for (auto& e : env) envp.push_back(e.data());
        envp.push_back(nullptr);
        pid_t pid = 0;
        if (::posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), envp.data()) != 0)
            throw std::runtime_error("cannot start training process " + std::to_string(rank) + " of " + std::to_string(nproc));
        m_pids.push_back(pid);
    }
}

std::string LocalWorkers::wait() {
    std::string failure;
    for (size_t i = 0; i < m_pids.size(); ++i) {
        int status = 0;
        ::waitpid(m_pids[i], &status, 0);
        if (failure.empty() && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
            failure = "training process " + std::to_string(i + 1) + " " + exitText(status);
    }
    m_pids.clear();
    return failure;
}

void LocalWorkers::stop() {
    for (auto pid : m_pids) ::kill(pid, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + kGracePeriod;
    for (auto pid : m_pids) {
        int status = 0;
        while (::waitpid(pid, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                ::kill(pid, SIGKILL);
                ::waitpid(pid, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    m_pids.clear();
}

}  // namespace srllm::cli
