// Attention's batched products (issue #4): core::batchedMatmul (oneDNN on CPU) against torch::bmm on the
// six products of one training step's attention for the benchmark model (batch 8 × 8 heads, 256 tokens,
// head size 64): scores q·kᵀ, weighted values p·v, and the four of their backward. Alternates the two
// implementations, five rounds each, and prints GFLOP/s as medians, one JSON line per product.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/bench-model.h"
#include "core/model/batched-matmul.h"
#include "core/model/engine-runtime.h"

using namespace srllm::core;

namespace {

double gflops(const std::function<torch::Tensor()>& product, double flops, int reps) {
    product();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < reps; ++i) product();
    return flops * reps / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 1e9;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    int64_t threads = 0, batch = 8, heads = 8, tokens = 256, headDim = 64, reps = 10;
    if (!srllm::bench::parseOptions(argc, argv,
                                    {{"--threads", &threads}, {"--batch", &batch}, {"--heads", &heads},
                                     {"--tokens", &tokens}, {"--head-dim", &headDim}, {"--reps", &reps}},
                                    {}))
        return 2;
    configureEngineRuntime(threads);
    torch::NoGradGuard noGrad;
    const int64_t n = batch * heads;
    // The layouts attention produces: keys used transposed, probabilities and gradients contiguous.
    const auto q = torch::randn({n, tokens, headDim}), k = torch::randn({n, tokens, headDim});
    const auto v = torch::randn({n, tokens, headDim}), p = torch::softmax(torch::randn({n, tokens, tokens}), -1);
    const auto gradOut = torch::randn({n, tokens, headDim}), gradScores = torch::randn({n, tokens, tokens});
    struct Product {
        const char* name;
        torch::Tensor a, b;
    };
    const Product products[] = {{"scores q·kT", q, k.transpose(1, 2)},
                                {"values p·v", p, v},
                                {"grad p: dO·vT", gradOut, v.transpose(1, 2)},
                                {"grad v: pT·dO", p.transpose(1, 2), gradOut},
                                {"grad q: dS·k", gradScores, k},
                                {"grad k: dST·q", gradScores.transpose(1, 2), q}};
    for (const auto& product : products) {
        const double flops = 2.0 * n * product.a.size(1) * product.a.size(2) * product.b.size(2);
        std::vector<double> torchRates, oursRates;
        for (int round = 0; round < 5; ++round) {
            torchRates.push_back(gflops([&] { return torch::bmm(product.a, product.b); }, flops, static_cast<int>(reps)));
            oursRates.push_back(gflops([&] { return batchedMatmul(product.a, product.b); }, flops, static_cast<int>(reps)));
        }
        const double diff = (batchedMatmul(product.a, product.b) - torch::bmm(product.a, product.b)).abs().max().item<double>();
        std::printf("%s\n", nlohmann::json{{"product", product.name},
                                           {"torch_bmm_gflops", median(torchRates)},
                                           {"batched_matmul_gflops", median(oursRates)},
                                           {"max_abs_diff", diff}}
                                .dump()
                                .c_str());
    }
    return 0;
}
