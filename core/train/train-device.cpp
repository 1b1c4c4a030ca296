#include "core/train/train-device.h"

#include <sys/resource.h>

#include <ATen/Context.h>

#ifdef SRLLM_HAVE_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#endif

#include "core/common/diagnostics.h"
#include "core/job/job-device.h"

namespace srllm::core {

bool cudaAvailable() { return torch::cuda::is_available(); }

torch::Device resolveTrainDevice(const std::string& name) {
    const DeviceName parsed = parseDeviceName(name);
    if (parsed.kind == DeviceName::Kind::Cpu || (parsed.kind == DeviceName::Kind::Auto && !cudaAvailable()))
        return torch::Device(torch::kCPU);
    if (!cudaAvailable())
        throw InputError("", 0, "device", "is '" + name + "' but libtorch sees no CUDA GPU here (hint: device auto or " +
                                              "cpu, or build against a CUDA libtorch)");
    const int64_t count = static_cast<int64_t>(torch::cuda::device_count());
    const int64_t index = parsed.index < 0 ? 0 : parsed.index;
    if (index >= count)
        throw InputError("", 0, "device", "is '" + name + "' but this machine has " + std::to_string(count) + " GPU(s)");
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
}

std::string deviceText(const torch::Device& device) {
    return device.is_cuda() ? "cuda:" + std::to_string(device.has_index() ? device.index() : 0) : "cpu";
}

std::optional<torch::Dtype> autocastDtype(Precision precision, const torch::Device& device) {
    switch (precision) {
        case Precision::Fp32: return std::nullopt;
        case Precision::Bf16: return torch::kBFloat16;
        case Precision::Fp16:
            if (!device.is_cuda())
                throw InputError("", 0, "precision", "fp16 runs on CUDA only (hint: bf16 or fp32 on the CPU)");
            return torch::kFloat16;
    }
    return std::nullopt;
}

void resetPeakMemory(const torch::Device& device) {
#ifdef SRLLM_HAVE_CUDA
    if (device.is_cuda()) c10::cuda::CUDACachingAllocator::resetPeakStats(device.index());
#else
    (void)device;
#endif
}

int64_t peakMemoryBytes(const torch::Device& device) {
#ifdef SRLLM_HAVE_CUDA
    if (device.is_cuda()) {
        // Index 0 of every StatArray is the aggregate over the small and large pools.
        return c10::cuda::CUDACachingAllocator::getDeviceStats(device.index()).allocated_bytes[0].peak;
    }
#endif
    if (device.is_cuda()) return 0;  // a CUDA device in a build without c10::cuda: not measured
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<int64_t>(usage.ru_maxrss) * 1024;  // kilobytes on Linux
}

torch::Tensor rngState(const torch::Device& device) {
    auto generator = at::globalContext().defaultGenerator(device);
    std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get_state();
}

void setRngState(const torch::Device& device, const torch::Tensor& state) {
    auto generator = at::globalContext().defaultGenerator(device);
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(state);
}

}  // namespace srllm::core
