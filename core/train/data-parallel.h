#pragma once
// Data-parallel training over torch.distributed's C++ process group (c10d): gloo between processes on
// the CPU (NCCL for CUDA where the libtorch build has it). Gradients are summed in buckets as DDP does:
// a post-hook on each parameter's gradient accumulator marks it final, and a full bucket is all-reduced
// while backward goes on. (DDP's own c10d::Reducer is exported by Debian's libtorch, but its header needs
// torch/csrc/distributed/autograd/, which libtorch-dev does not ship.) c10d stays in the .cpp.
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include <torch/torch.h>

#include "core/job/rendezvous.h"

namespace srllm::core {

class DataParallel {
public:
    // Joins the group: rank 0 hosts the store at masterAddr:masterPort (port 0: a free one) and calls
    // `onListening(port)` before it waits for the others (the `--nproc` launcher starts them there); every
    // rank then waits up to `timeout` for all. A port in use or a rank that never comes is an InputError.
    // `device` is where the weights live: CUDA uses NCCL when this libtorch was built with it, else gloo.
    DataParallel(const Rendezvous& rendezvous, std::chrono::seconds timeout, torch::Device device = torch::kCPU,
                 const std::function<void(int port)>& onListening = {});
    ~DataParallel();
    DataParallel(const DataParallel&) = delete;
    DataParallel& operator=(const DataParallel&) = delete;

    int rank() const;
    int size() const;
    bool writer() const { return rank() == 0; }  // the one process that writes checkpoints, logs, results

    // Copies rank 0's values into `params` and hooks their gradients into buckets (the trainable tensors
    // only: LoRA all-reduces its adapters' gradients). Call once, after the weights are final (resume included).
    void attach(const std::vector<torch::Tensor>& params);
    // Runs `backward`. With `sync`, the gradients it leaves in .grad (accumulated over the backwards before)
    // are summed over the ranks, bucket by bucket while it runs; without, they accumulate locally (DDP's
    // no_sync()). A failure of the group becomes the error of rethrowGroupFailure.
    void backward(const std::function<void()>& run, bool sync);
    // Element-wise sums over the ranks (small figures: losses, token counts, a stop flag).
    std::vector<double> sum(std::vector<double> values);
    // Seconds one all-reduce of `elements` float32 values takes (median of `repeats`): the benchmark's figure.
    double allreduceSeconds(int64_t elements, int repeats);

    // Runs `work` (collectives or a synced backward); a failure of the group (a rank killed, a timeout)
    // becomes one clear std::runtime_error that says the job can be resumed.
    template <class F>
    auto guarded(F&& work) -> decltype(work()) {
        try {
            return work();
        } catch (const std::exception& e) {
            rethrowGroupFailure(e);
        }
    }

private:
    [[noreturn]] void rethrowGroupFailure(const std::exception& e) const;
    void onGradientReady(size_t param);  // from the autograd engine's thread
    void launchReadyBuckets();           // in bucket order, the same on every rank
    void finishSync();                   // launches what backward left, waits, writes .grad

    struct Group;
    struct Buckets;
    std::unique_ptr<Group> m_group;
    std::unique_ptr<Buckets> m_buckets;
};

// Dropout masks of a data-parallel run: each rank reseeds its generators from (seed, step, rank) before a
// step, so a resume draws the same masks without saving every rank's generator.
void seedForStep(uint64_t seed, int64_t step, int rank);

}  // namespace srllm::core
