#include "core/model/autocast-scope.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

// libtorch 2.4 made autocast per device type and deprecated the CPU/GPU-named calls.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define SRLLM_AUTOCAST_PER_DEVICE 1
#endif

namespace srllm::core {

namespace {

void setAutocast(torch::DeviceType type, bool enabled, torch::Dtype dtype) {
#ifdef SRLLM_AUTOCAST_PER_DEVICE
    if (enabled) at::autocast::set_autocast_dtype(type, dtype);
    at::autocast::set_autocast_enabled(type, enabled);
#else
    if (type == torch::kCUDA) {
        if (enabled) at::autocast::set_autocast_gpu_dtype(dtype);
        at::autocast::set_enabled(enabled);
    } else {
        if (enabled) at::autocast::set_autocast_cpu_dtype(dtype);
        at::autocast::set_cpu_enabled(enabled);
    }
#endif
}

}  // namespace

AutocastScope::AutocastScope(const torch::Device& device, std::optional<torch::Dtype> dtype) {
    if (!dtype) return;
    m_type = device.is_cuda() ? torch::kCUDA : torch::kCPU;
    setAutocast(*m_type, true, *dtype);
}

AutocastScope::~AutocastScope() {
    if (!m_type) return;
    setAutocast(*m_type, false, torch::kFloat32);
    at::autocast::clear_cache();
}

bool AutocastScope::active() {
#ifdef SRLLM_AUTOCAST_PER_DEVICE
    return at::autocast::is_autocast_enabled(torch::kCPU) || at::autocast::is_autocast_enabled(torch::kCUDA);
#else
    return at::autocast::is_cpu_enabled() || at::autocast::is_enabled();
#endif
}

std::optional<torch::Dtype> AutocastScope::cpuDtype() {
#ifdef SRLLM_AUTOCAST_PER_DEVICE
    if (!at::autocast::is_autocast_enabled(torch::kCPU)) return std::nullopt;
    return at::autocast::get_autocast_dtype(torch::kCPU);
#else
    if (!at::autocast::is_cpu_enabled()) return std::nullopt;
    return at::autocast::get_autocast_cpu_dtype();
#endif
}

}  // namespace srllm::core
