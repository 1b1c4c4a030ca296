#pragma once
// libtorch defaults to one intra-op thread here; every engine command uses all cores instead.
#include <thread>

#include <torch/torch.h>

namespace srllm::cli {

inline void useAllCores() {
    const unsigned cores = std::thread::hardware_concurrency();
    torch::set_num_threads(cores > 0 ? static_cast<int>(cores) : 1);
}

}  // namespace srllm::cli
