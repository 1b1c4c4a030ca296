#include "core/model/swiglu.h"

#include <ATen/Parallel.h>

#include "core/kernels/cpu-kernels.h"

namespace srllm::core {
namespace {

constexpr int64_t kSwigluGrain = 1 << 14;  // values per parallel task

template <typename T>
T* typed(const torch::Tensor& t) {
    return reinterpret_cast<T*>(t.data_ptr());
}

struct SwigluFunction : torch::autograd::Function<SwigluFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& gate, const torch::Tensor& up) {
        auto out = torch::empty_like(gate);
        const bool bf16 = gate.scalar_type() == torch::kBFloat16;
        at::parallel_for(0, gate.numel(), kSwigluGrain, [&](int64_t begin, int64_t end) {
            const auto& k = cpuKernels();
            if (bf16)
                k.swigluBf16(typed<Bf16>(gate) + begin, typed<Bf16>(up) + begin, end - begin, typed<Bf16>(out) + begin);
            else
                k.swigluF32(typed<float>(gate) + begin, typed<float>(up) + begin, end - begin, typed<float>(out) + begin);
        });
        ctx->save_for_backward({gate, up});
        return out;
    }

    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::tensor_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto &gate = saved[0], &up = saved[1];
        const auto grad = grads[0].to(gate.scalar_type()).contiguous();
        auto dGate = torch::empty_like(gate), dUp = torch::empty_like(up);
        const bool bf16 = gate.scalar_type() == torch::kBFloat16;
        at::parallel_for(0, gate.numel(), kSwigluGrain, [&](int64_t begin, int64_t end) {
            const auto& k = cpuKernels();
            if (bf16)
                k.swigluBackwardBf16(typed<Bf16>(grad) + begin, typed<Bf16>(gate) + begin, typed<Bf16>(up) + begin,
                                     end - begin, typed<Bf16>(dGate) + begin, typed<Bf16>(dUp) + begin);
            else
                k.swigluBackwardF32(typed<float>(grad) + begin, typed<float>(gate) + begin, typed<float>(up) + begin,
                                    end - begin, typed<float>(dGate) + begin, typed<float>(dUp) + begin);
        });
        return {dGate, dUp};
    }
};

}  // namespace

torch::Tensor swiglu(const torch::Tensor& gate, const torch::Tensor& up) {
    const bool covered = gate.is_cpu() && up.is_cpu() && gate.scalar_type() == up.scalar_type() &&
                         (gate.scalar_type() == torch::kFloat32 || gate.scalar_type() == torch::kBFloat16) &&
                         gate.sizes() == up.sizes() && gate.is_contiguous() && up.is_contiguous() && gate.numel() > 0;
    if (!covered) return torch::silu(gate) * up;
    return SwigluFunction::apply(gate, up);
}

}  // namespace srllm::core
