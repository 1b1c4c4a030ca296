#include "core/model/batched-matmul.h"

#include <ATen/record_function.h>

#if defined(SRLLM_HAVE_DNNL)
#include <oneapi/dnnl/dnnl.hpp>
#endif

namespace srllm::core {

#if defined(SRLLM_HAVE_DNNL)
namespace {

bool oneDnnCovers(const torch::Tensor& a, const torch::Tensor& b) {
    return a.is_cpu() && b.is_cpu() && a.scalar_type() == torch::kFloat32 && b.scalar_type() == torch::kFloat32 &&
           a.numel() > 0 && b.numel() > 0;
}

dnnl::memory::desc describe(const torch::Tensor& t) {
    const auto type = t.scalar_type() == torch::kBFloat16 ? dnnl::memory::data_type::bf16 : dnnl::memory::data_type::f32;
    return {dnnl::memory::dims(t.sizes().begin(), t.sizes().end()), type,
            dnnl::memory::dims(t.strides().begin(), t.strides().end())};
}

// The product without autograd.
torch::Tensor oneDnnProduct(const torch::Tensor& a, const torch::Tensor& b) {
    auto out = torch::empty({a.size(0), a.size(1), b.size(2)}, a.options());
    oneDnnMatmulInto(a, b, out);
    return out;
}

struct BatchedMatmulFunction : torch::autograd::Function<BatchedMatmulFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& a, const torch::Tensor& b) {
        ctx->save_for_backward({a, b});
        return oneDnnProduct(a, b);
    }

    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::tensor_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto& grad = grads[0];
        torch::Tensor gradA, gradB;
        if (ctx->needs_input_grad(0)) gradA = batchedMatmul(grad, saved[1].transpose(1, 2));  // [N,m,n]·[N,n,k]
        if (ctx->needs_input_grad(1)) gradB = batchedMatmul(saved[0].transpose(1, 2), grad);  // [N,k,m]·[N,m,n]
        return {gradA, gradB};
    }
};

}  // namespace

// oneDNN caches the compiled kernel per shape and layout, so building the primitive each call costs
// microseconds after the first.
bool oneDnnMatmulInto(const torch::Tensor& a, const torch::Tensor& b, torch::Tensor& out, bool accumulate) {
    RECORD_FUNCTION("srllm::matmul", std::vector<c10::IValue>());  // named in profiles (bench/profile-summary.py)
    static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
    try {
        dnnl::primitive_attr attributes;
        if (accumulate) {
            dnnl::post_ops sum;
            sum.append_sum(1.0f);
            attributes.set_post_ops(sum);
        }
        const dnnl::matmul::primitive_desc pd(dnnl::matmul::desc(describe(a), describe(b), describe(out)), attributes, engine);
        dnnl::stream stream(engine);
        dnnl::matmul(pd).execute(stream, {{DNNL_ARG_SRC, dnnl::memory(pd.src_desc(), engine, a.data_ptr())},
                                          {DNNL_ARG_WEIGHTS, dnnl::memory(pd.weights_desc(), engine, b.data_ptr())},
                                          {DNNL_ARG_DST, dnnl::memory(pd.dst_desc(), engine, out.data_ptr())}});
        stream.wait();
    } catch (const dnnl::error&) {
        return false;  // no implementation for these types on this CPU
    }
    return true;
}

torch::Tensor batchedMatmul(const torch::Tensor& a, const torch::Tensor& b) {
    TORCH_CHECK(a.dim() == 3 && b.dim() == 3 && a.size(0) == b.size(0) && a.size(2) == b.size(1),
                "batchedMatmul: shapes ", a.sizes(), " and ", b.sizes(), " do not multiply");
    if (!oneDnnCovers(a, b)) return torch::bmm(a, b);
    if (torch::GradMode::is_enabled() && (a.requires_grad() || b.requires_grad()))
        return BatchedMatmulFunction::apply(a, b);
    return oneDnnProduct(a, b);
}

#else

bool oneDnnMatmulInto(const torch::Tensor&, const torch::Tensor&, torch::Tensor&, bool) { return false; }

torch::Tensor batchedMatmul(const torch::Tensor& a, const torch::Tensor& b) { return torch::bmm(a, b); }

#endif

}  // namespace srllm::core
