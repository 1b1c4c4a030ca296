// The data-parallel trainer's collective alone: one all-reduce (sum) of --elements float32 values between
// --nproc processes of this machine over gloo, through core/train/data-parallel (the same TCPStore and
// process group the trainer uses), median of --repeats. Prints one JSON line. Rerun with
// bench/run-data-parallel-bench.sh, which passes the trainable parameter counts of its jobs.
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include "bench/bench-model.h"
#include "core/model/engine-runtime.h"
#include "core/train/data-parallel.h"

namespace {

int freePort() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    ::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(s);
    return ntohs(address.sin_port);
}

}  // namespace

int main(int argc, char** argv) {
    int64_t elements = 1 << 20, nproc = 2, repeats = 20;
    if (!srllm::bench::parseOptions(argc, argv, {{"--elements", &elements}, {"--nproc", &nproc}, {"--repeats", &repeats}}, {}))
        return 2;
    const int port = freePort();
    int rank = 0;
    std::vector<pid_t> children;
    for (int r = 1; r < nproc; ++r) {  // forked before any torch call starts a thread
        const pid_t pid = ::fork();
        if (pid == 0) {
            rank = r;
            children.clear();
            break;
        }
        children.push_back(pid);
    }
    srllm::core::configureEngineRuntime(1);
    srllm::core::DataParallel group({rank, static_cast<int>(nproc), rank, "127.0.0.1", port}, std::chrono::seconds(60));
    const double seconds = group.allreduceSeconds(elements, static_cast<int>(repeats));
    if (rank == 0)
        std::printf("{\"elements\": %lld, \"bytes\": %lld, \"nproc\": %lld, \"seconds\": %.6f, \"gbit_per_s\": %.3f}\n",
                    static_cast<long long>(elements), static_cast<long long>(4 * elements), static_cast<long long>(nproc),
                    seconds, 4.0 * static_cast<double>(elements) * 8 / seconds / 1e9);
    for (auto pid : children) ::waitpid(pid, nullptr, 0);
    return 0;
}
