#include "core/train/data-parallel.h"

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/csrc/autograd/utils/lambda_post_hook.h>
#include <torch/csrc/distributed/c10d/comm.hpp>
#ifdef SRLLM_HAVE_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include "core/common/diagnostics.h"

namespace srllm::core {

namespace {

// DDP's defaults (torch.nn.parallel.DistributedDataParallel): a small first bucket starts the first
// all-reduce early in backward, later buckets of 25 MiB amortise each call's latency.
// The buckets hold the parameters in reverse order, the order backward makes their gradients final.
constexpr size_t kFirstBucketBytes = 1024 * 1024;
constexpr size_t kBucketBytes = 25 * 1024 * 1024;

std::string describe(const std::exception& e) {
    if (const auto* torchError = dynamic_cast<const c10::Error*>(&e)) return torchError->what_without_backtrace();
    return e.what();
}

std::shared_ptr<::gloo::transport::Device> glooDevice(const std::string& masterAddr) {
    // GLOO_SOCKET_IFNAME picks the network interface as in torch.distributed (e.g. the cluster's fast one);
    // a group on one machine (`--nproc`) stays on the loopback whatever the host name resolves to.
    if (const char* name = std::getenv("GLOO_SOCKET_IFNAME"); name && *name)
        return c10d::ProcessGroupGloo::createDeviceForInterface(name);
    if (masterAddr == "127.0.0.1" || masterAddr == "localhost")
        return c10d::ProcessGroupGloo::createDeviceForHostname(masterAddr);
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

}  // namespace

struct DataParallel::Group {
    c10::intrusive_ptr<c10d::TCPStore> store;
    c10::intrusive_ptr<c10d::ProcessGroup> group;
    Rendezvous rendezvous;
    torch::Device device = torch::kCPU;
};

DataParallel::DataParallel(const Rendezvous& rendezvous, std::chrono::seconds timeout, torch::Device device,
                           const std::function<void(int port)>& onListening)
    : m_group(std::make_unique<Group>()) {
    m_group->rendezvous = rendezvous;
    m_group->device = device;
    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(rendezvous.masterPort);
    options.isServer = rendezvous.rank == 0;
    options.numWorkers = rendezvous.worldSize;
    options.waitWorkers = false;  // the process group's own rendezvous waits, after onListening
    options.timeout = timeout;
    const std::string where = rendezvous.masterAddr + ":" + std::to_string(rendezvous.masterPort);
    try {
        m_group->store = c10::make_intrusive<c10d::TCPStore>(rendezvous.masterAddr, options);
    } catch (const std::exception& e) {
        if (rendezvous.rank == 0)
            throw InputError("environment", 0, "MASTER_PORT",
                             "rank 0 cannot listen on port " + std::to_string(rendezvous.masterPort) +
                                 " (in use by another program?) (hint: choose a free one, with --master-port under "
                                 "--nproc): " + describe(e));
        throw InputError("environment", 0, "MASTER_ADDR",
                         "rank " + std::to_string(rendezvous.rank) + " cannot reach rank 0's store at " + where + ": " +
                             describe(e));
    }
    if (onListening) onListening(m_group->store->getPort());
    try {
#ifdef SRLLM_HAVE_NCCL
        if (device.is_cuda()) {
            auto ncclOptions = c10d::ProcessGroupNCCL::Options::create();
            ncclOptions->timeout = timeout;
            m_group->group = c10::make_intrusive<c10d::ProcessGroupNCCL>(m_group->store, rendezvous.rank,
                                                                         rendezvous.worldSize, ncclOptions);
        }
#endif
        if (!m_group->group) {
            auto groupOptions = c10d::ProcessGroupGloo::Options::create(timeout);
            groupOptions->devices.push_back(glooDevice(rendezvous.masterAddr));
            m_group->group = c10::make_intrusive<c10d::ProcessGroupGloo>(m_group->store, rendezvous.rank,
                                                                         rendezvous.worldSize, groupOptions);
        }
    } catch (const std::exception& e) {
        throw std::runtime_error("the " + std::to_string(rendezvous.worldSize) + " training processes did not all join within " +
                                 std::to_string(timeout.count()) + " s at " + where +
                                 " (hint: start every rank, each with its own RANK; under Slurm launch through srun): " +
                                 describe(e));
    }
}

struct DataParallel::Buckets {
    struct Bucket {
        torch::Tensor flat;          // the gradients of its parameters, one after another
        std::vector<size_t> params;  // indices into `params`
        size_t pending = 0;          // parameters whose gradient is not final yet in this backward
        c10::intrusive_ptr<c10d::Work> work;
    };
    std::vector<torch::Tensor> params;
    std::vector<std::pair<size_t, int64_t>> slots;  // per parameter: its bucket and offset there
    std::vector<bool> final;                        // per parameter, in this backward
    std::vector<Bucket> buckets;                    // in launch order
    std::vector<std::pair<std::shared_ptr<torch::autograd::Node>, uintptr_t>> hooks;  // accumulators kept alive
    size_t nextLaunch = 0;
    bool syncing = false;
    std::mutex mutex;  // CUDA backwards call the hooks from the engine's device threads
};

DataParallel::~DataParallel() {
    if (m_buckets)
        for (auto& [accumulator, key] : m_buckets->hooks) accumulator->del_post_hook(key);
}

int DataParallel::rank() const { return m_group->rendezvous.rank; }
int DataParallel::size() const { return m_group->rendezvous.worldSize; }

void DataParallel::attach(const std::vector<torch::Tensor>& params) {
    TORCH_CHECK(!m_buckets, "DataParallel::attach called twice");
    // DDP's _sync_module_states: every rank starts from rank 0's weights.
    guarded([&] {
        torch::NoGradGuard noGrad;
        c10d::broadcast_coalesced(m_group->group, params, kBucketBytes, 0);
    });
    m_buckets = std::make_unique<Buckets>();
    auto& b = *m_buckets;
    b.params = params;
    b.slots.resize(params.size());
    b.final.resize(params.size());
    Buckets::Bucket bucket;
    int64_t elements = 0, bytes = 0;
    size_t limit = kFirstBucketBytes;
    auto close = [&] {
        const auto& first = params[bucket.params.front()];
        bucket.flat = torch::zeros({elements}, first.options().requires_grad(false));
        b.buckets.push_back(std::move(bucket));
        bucket = {};
        elements = bytes = 0;
        limit = kBucketBytes;
    };
    for (size_t k = params.size(); k-- > 0;) {
        const auto& p = params[k];
        if (!bucket.params.empty() && (static_cast<size_t>(bytes) >= limit || p.options().dtype() != params[bucket.params.front()].options().dtype()))
            close();
        b.slots[k] = {b.buckets.size(), elements};
        bucket.params.push_back(k);
        elements += p.numel();
        bytes += p.numel() * static_cast<int64_t>(p.element_size());
    }
    if (!bucket.params.empty()) close();
    for (size_t k = 0; k < params.size(); ++k) {
        auto accumulator = torch::autograd::impl::grad_accumulator(params[k]);
        const auto key = accumulator->add_post_hook(std::make_unique<torch::autograd::utils::LambdaPostHook>(
            [this, k](const torch::autograd::variable_list& outputs, const torch::autograd::variable_list&) {
                onGradientReady(k);
                return outputs;
            }));
        b.hooks.emplace_back(std::move(accumulator), key);
    }
}

void DataParallel::backward(const std::function<void()>& run, bool sync) {
    TORCH_CHECK(m_buckets, "DataParallel::backward called before attach");
    guarded([&] {
        if (sync) {
            std::lock_guard lock(m_buckets->mutex);
            for (auto& bucket : m_buckets->buckets) bucket.pending = bucket.params.size();
            std::fill(m_buckets->final.begin(), m_buckets->final.end(), false);
            m_buckets->nextLaunch = 0;
            m_buckets->syncing = true;
        }
        run();
        if (sync) finishSync();
    });
}

void DataParallel::onGradientReady(size_t param) {
    auto& b = *m_buckets;
    std::lock_guard lock(b.mutex);
    if (!b.syncing || b.final[param]) return;
    b.final[param] = true;
    const auto [index, offset] = b.slots[param];
    auto& bucket = b.buckets[index];
    const auto& grad = b.params[param].grad();
    auto slot = bucket.flat.narrow(0, offset, b.params[param].numel());
    grad.defined() ? slot.copy_(grad.reshape({-1})) : slot.zero_();
    if (--bucket.pending == 0) launchReadyBuckets();
}

void DataParallel::launchReadyBuckets() {
    auto& b = *m_buckets;
    while (b.nextLaunch < b.buckets.size() && b.buckets[b.nextLaunch].pending == 0) {
        auto& bucket = b.buckets[b.nextLaunch++];
        std::vector<at::Tensor> tensors{bucket.flat};
        bucket.work = m_group->group->allreduce(tensors);  // a sum; the trainer's loss is already the global mean
    }
}

void DataParallel::finishSync() {
    auto& b = *m_buckets;
    // A parameter this backward did not reach (none in these models) still joins, with its current gradient;
    // those already final are skipped.
    for (size_t k = 0; k < b.params.size(); ++k) onGradientReady(k);
    {
        std::lock_guard lock(b.mutex);
        b.syncing = false;
    }
    for (auto& bucket : b.buckets) bucket.work->wait();
    torch::NoGradGuard noGrad;
    for (size_t k = 0; k < b.params.size(); ++k) {
        const auto [index, offset] = b.slots[k];
        auto& p = b.params[k];
        const auto summed = b.buckets[index].flat.narrow(0, offset, p.numel()).view(p.sizes());
        if (p.grad().defined()) {
            p.mutable_grad().copy_(summed);
        } else {
            p.mutable_grad() = summed.clone();
        }
    }
}

std::vector<double> DataParallel::sum(std::vector<double> values) {
    std::vector<at::Tensor> tensors{torch::tensor(values, torch::kFloat64).to(m_group->device)};
    guarded([&] { m_group->group->allreduce(tensors)->wait(); });
    const auto host = tensors[0].cpu();
    const auto summed = host.accessor<double, 1>();
    for (size_t i = 0; i < values.size(); ++i) values[i] = summed[static_cast<int64_t>(i)];
    return values;
}

double DataParallel::allreduceSeconds(int64_t elements, int repeats) {
    std::vector<at::Tensor> tensors{torch::ones({elements}, torch::TensorOptions(torch::kFloat32).device(m_group->device))};
    std::vector<double> seconds;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        guarded([&] { m_group->group->allreduce(tensors)->wait(); });
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    return seconds[seconds.size() / 2];
}

void DataParallel::rethrowGroupFailure(const std::exception& e) const {
    throw std::runtime_error("data-parallel training stopped on rank " + std::to_string(rank()) + " of " +
                             std::to_string(size()) + ": another process failed, was killed or timed out (" + describe(e) +
                             ") (hint: the newest checkpoint is kept; `srllm train JOBDIR --resume` continues)");
}

void seedForStep(uint64_t seed, int64_t step, int rank) {
    // splitmix64 of the three: nearby (step, rank) pairs give unrelated streams.
    uint64_t x = seed ^ (static_cast<uint64_t>(step) * 0x9E3779B97F4A7C15ULL) ^ (static_cast<uint64_t>(rank) << 48);
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    torch::manual_seed(x ^ (x >> 31));
}

}  // namespace srllm::core
