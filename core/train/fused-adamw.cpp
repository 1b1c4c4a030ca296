#include "core/train/fused-adamw.h"

#include <cmath>
#include <string>

#include <ATen/Parallel.h>
#include <ATen/record_function.h>

namespace srllm::core {
namespace {

bool covered(const torch::Tensor& t) { return t.is_cpu() && t.scalar_type() == torch::kFloat32 && t.is_contiguous(); }

// The key torch::optim::AdamW files a parameter's state under, so save() and load() stay interchangeable.
std::string stateKey(const torch::Tensor& p) { return c10::guts::to_string(p.unsafeGetTensorImpl()); }

}  // namespace

torch::Tensor FusedAdamW::step(LossClosure closure) {
    for (auto& group : param_groups()) {
        const auto& options = static_cast<const torch::optim::AdamWOptions&>(group.options());
        for (const auto& p : group.params()) {
            if (!p.grad().defined()) continue;
            const auto found = state_.find(stateKey(p));
            const auto* state = found == state_.end() ? nullptr
                                                      : static_cast<const torch::optim::AdamWParamState*>(found->second.get());
            if (options.amsgrad() || !covered(p) || !covered(p.grad()) ||
                (state && (!covered(state->exp_avg()) || !covered(state->exp_avg_sq()))))
                return torch::optim::AdamW::step(std::move(closure));
        }
    }
    RECORD_FUNCTION("srllm::adamw", std::vector<c10::IValue>());  // named in profiles (bench/profile-summary.py)
    torch::NoGradGuard noGrad;
    torch::Tensor loss;
    if (closure) {
        at::AutoGradMode enableGrad(true);
        loss = closure();
    }
    for (auto& group : param_groups()) {
        const auto& options = static_cast<const torch::optim::AdamWOptions&>(group.options());
        const double beta1 = std::get<0>(options.betas()), beta2 = std::get<1>(options.betas());
        for (auto& p : group.params()) {
            if (!p.grad().defined()) continue;
            auto& slot = state_[stateKey(p)];
            if (!slot) {
                auto fresh = std::make_unique<torch::optim::AdamWParamState>();
                fresh->step(0);
                fresh->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Contiguous));
                fresh->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Contiguous));
                slot = std::move(fresh);
            }
            auto& state = static_cast<torch::optim::AdamWParamState&>(*slot);
            state.step(state.step() + 1);
            const double correction1 = 1 - std::pow(beta1, static_cast<double>(state.step()));
            const double correction2 = 1 - std::pow(beta2, static_cast<double>(state.step()));
            const auto decay = static_cast<float>(1 - options.lr() * options.weight_decay());
            const auto stepSize = static_cast<float>(options.lr() / correction1);
            const auto rootCorrection2 = static_cast<float>(std::sqrt(correction2));
            const auto b1 = static_cast<float>(beta1), b2 = static_cast<float>(beta2);
            const auto eps = static_cast<float>(options.eps());
            float* w = p.data_ptr<float>();
            const float* g = p.grad().data_ptr<float>();
            float* m = state.exp_avg().data_ptr<float>();
            float* v = state.exp_avg_sq().data_ptr<float>();
            at::parallel_for(0, p.numel(), 1 << 14, [&](int64_t begin, int64_t end) {
                for (int64_t i = begin; i < end; ++i) {
                    m[i] = b1 * m[i] + (1 - b1) * g[i];
                    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                    w[i] = w[i] * decay - stepSize * m[i] / (std::sqrt(v[i]) / rootCorrection2 + eps);
                }
            });
        }
    }
    return loss;
}

}  // namespace srllm::core
