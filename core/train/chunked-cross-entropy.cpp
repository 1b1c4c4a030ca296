#include "core/train/chunked-cross-entropy.h"

#include <algorithm>

#include <ATen/Parallel.h>
#include <ATen/record_function.h>

#include "core/kernels/cpu-kernels.h"
#include "core/model/batched-matmul.h"

namespace srllm::core {
namespace {

constexpr int64_t kChunkFloats = int64_t{1} << 22;  // 16 MB of float32 logits per chunk
constexpr int64_t kMinChunkRows = 128;              // fewer rows would re-read the head weight too often

// out = a·b for float32 a, else bfloat16 operands with the sums kept in out's dtype; accumulate adds to out.
void productInto(const torch::Tensor& a, const torch::Tensor& b, torch::Tensor& out, bool accumulate = false) {
    if (a.scalar_type() == torch::kFloat32 && out.scalar_type() == torch::kFloat32) {
        if (accumulate)
            out.addmm_(a, b);
        else
            torch::mm_out(out, a, b);
        return;
    }
    if (oneDnnMatmulInto(a, b, out, accumulate)) return;
    const auto product = torch::mm(a, b).to(out.scalar_type());
    if (accumulate)
        out.add_(product);
    else
        out.copy_(product);
}

struct ChunkedCrossEntropyFunction : torch::autograd::Function<ChunkedCrossEntropyFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& hidden,
                                 const torch::Tensor& weight, const torch::Tensor& targets, int64_t ignoreIndex,
                                 int64_t rowsPerChunk, bool wantHidden, bool wantWeight) {
        RECORD_FUNCTION("srllm::chunked_cross_entropy", std::vector<c10::IValue>());
        const auto h = hidden.contiguous();
        const auto w = weight.to(h.scalar_type()).contiguous();  // the bfloat16 copy under autocast
        const auto t = targets.to(torch::kInt64).contiguous();
        const int64_t rows = h.size(0), vocab = w.size(0);
        const int64_t chunk = std::max<int64_t>(
            1, std::min(rows, rowsPerChunk > 0 ? rowsPerChunk : std::max(kMinChunkRows, kChunkFloats / vocab)));
        auto logits = torch::empty({chunk, vocab}, h.options().dtype(torch::kFloat32));
        const bool bf16 = h.scalar_type() == torch::kBFloat16;
        auto logitsBf16 = bf16 && (wantHidden || wantWeight) ? torch::empty({chunk, vocab}, h.options()) : torch::Tensor();
        auto gradHidden = wantHidden ? torch::empty_like(h) : torch::Tensor();
        auto gradWeight = wantWeight ? torch::zeros({vocab, h.size(1)}, h.options().dtype(torch::kFloat32)) : torch::Tensor();
        auto losses = torch::empty({rows}, h.options().dtype(torch::kFloat32));
        const int64_t* tp = t.data_ptr<int64_t>();
        for (int64_t first = 0; first < rows; first += chunk) {
            const int64_t n = std::min(chunk, rows - first);
            const auto hc = h.narrow(0, first, n);
            auto lc = logits.narrow(0, 0, n);
            productInto(hc, w.t(), lc);
            // Each row becomes its loss and, in place, its gradient softmax − onehot (zero when ignored).
            at::parallel_for(0, n, 4, [&](int64_t begin, int64_t end) {
                const auto& kernels = cpuKernels();
                for (int64_t r = begin; r < end; ++r) {
                    float* row = lc.data_ptr<float>() + r * vocab;
                    const int64_t target = tp[first + r];
                    float loss = 0.0f;
                    if (target == ignoreIndex) {
                        std::fill(row, row + vocab, 0.0f);
                    } else {
                        TORCH_CHECK(target >= 0 && target < vocab, "cross-entropy target ", target,
                                    " outside the vocabulary of ", vocab);
                        loss = kernels.crossEntropyRowF32(row, vocab, target);
                    }
                    losses.data_ptr<float>()[first + r] = loss;
                    if (logitsBf16.defined()) kernels.toBf16(row, vocab, reinterpret_cast<Bf16*>(logitsBf16.data_ptr()) + r * vocab);
                }
            });
            if (!wantHidden && !wantWeight) continue;  // evaluation: the losses only (no bf16 logits copy exists)
            const auto grad = bf16 ? logitsBf16.narrow(0, 0, n) : lc;  // d loss / d logits, [n,V]
            if (wantHidden) {
                auto gh = gradHidden.narrow(0, first, n);
                productInto(grad, w, gh);  // [n,V]·[V,C]
            }
            if (wantWeight) productInto(grad.t(), hc, gradWeight, true);  // [V,n]·[n,C], summed over chunks
        }
        ctx->save_for_backward({gradHidden, gradWeight});
        ctx->saved_data["weightDtype"] = static_cast<int64_t>(weight.scalar_type());
        return losses.sum(torch::kFloat64).to(torch::kFloat32);
    }

    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::tensor_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto& upstream = grads[0];
        const auto weightDtype = static_cast<at::ScalarType>(ctx->saved_data["weightDtype"].toInt());
        const auto dHidden = saved[0].defined() ? saved[0] * upstream.to(saved[0].scalar_type()) : torch::Tensor();
        const auto dWeight = saved[1].defined() ? (saved[1] * upstream).to(weightDtype) : torch::Tensor();
        return {dHidden, dWeight, torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

bool floating(const torch::Tensor& t) { return t.scalar_type() == torch::kFloat32 || t.scalar_type() == torch::kBFloat16; }

}  // namespace

torch::Tensor chunkedCrossEntropySum(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& targets,
                                     int64_t ignoreIndex, int64_t rowsPerChunk) {
    const bool grad = torch::GradMode::is_enabled();
    return ChunkedCrossEntropyFunction::apply(hidden, weight, targets, ignoreIndex, rowsPerChunk,
                                              grad && hidden.requires_grad(), grad && weight.requires_grad());
}

torch::Tensor crossEntropySum(CausalLMImpl& model, const torch::Tensor& hidden, const torch::Tensor& targets,
                              int64_t ignoreIndex) {
    const auto weight = model.plainHeadWeight();
    const int64_t width = hidden.size(-1);
    if (weight.defined() && hidden.is_cpu() && weight.is_cpu() && floating(hidden) && floating(weight))
        return chunkedCrossEntropySum(hidden.reshape({-1, width}), weight, targets.reshape({-1}), ignoreIndex);
    const auto logits = model.projectVocabulary(hidden);  // [B,T,V]
    return torch::nn::functional::cross_entropy(
        logits.reshape({-1, logits.size(-1)}).to(torch::kFloat32), targets.reshape({-1}),
        torch::nn::functional::CrossEntropyFuncOptions().ignore_index(ignoreIndex).reduction(torch::kSum));
}

}  // namespace srllm::core
