#pragma once
// Mixed precision for one forward (+ backward) pass on the CPU or a CUDA device, as Python's
// `with torch.autocast(device_type, dtype)`: matmuls run in bf16/fp16 while weights stay float32.
// Hides the autocast API, which libtorch changed in 2.4 (per-device calls replaced set_cpu_enabled & co).
#include <optional>

#include <torch/torch.h>

namespace srllm::core {

class AutocastScope {
public:
    // No-op when dtype is nullopt (fp32). The weight-cast cache is cleared on exit because the weights
    // change every step.
    AutocastScope(const torch::Device& device, std::optional<torch::Dtype> dtype);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

    // Whether autocast is on for the CPU or CUDA in this thread.
    static bool active();
    // The dtype CPU autocast casts products to in this thread; nullopt when it is off.
    static std::optional<torch::Dtype> cpuDtype();

private:
    std::optional<torch::DeviceType> m_type;
};

}  // namespace srllm::core
