// Generation throughput (issues #4, #14): greedy decoding of N new tokens after short prompts (ragged in a
// batch, 12-20 tokens) on the Llama-shaped benchmark model, batch 1 or more, and the bound batch-1 decoding cannot beat: one pass of
// matrix-vector products over the same weights (torch::mv, i.e. the BLAS, and the engine's own kernel;
// the faster of the two is the bound). Configurations: cpu (the CPU decoder, core/generate/cpu-decoder.h),
// int8 (the same over weight-only int8 copies), cache (the model's forward with a KV cache), no-cache, and
// int8-quality: int8 decoding fed the float32 decoder's greedy tokens, step by step, reporting how often its
// next token agrees and the mean KL divergence of its distribution from float32's.
// Decoding rows also give their best and median step time, to set beside the bound's best and median pass.
// bench/run-generate-bench.sh runs it beside bench/peer-generate.py. One JSON line per configuration.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include "bench/bench-model.h"
#include "core/generate/cpu-decoder.h"
#include "core/generate/generator.h"
#include "core/kernels/cpu-kernels.h"
#include "core/kernels/task-pool.h"
#include "core/model/engine-runtime.h"
#include "core/model/model-factory.h"

using namespace srllm::core;

namespace {

struct Args {
    srllm::bench::ModelShape shape;
    int64_t prompt = 16, newTokens = 256, batch = 1, threads = 0, reps = 100;
    std::string configs = "gemv,cpu,cache,no-cache";
};

// NOTE: the same ragged prompt lengths as peer-generate.py's prompt_lengths().
int64_t promptLength(int64_t row, int64_t prompt) { return row > 0 ? prompt + (row * 7) % 9 - 4 : prompt; }

// Seconds of one pass of `pass`, best and median of `reps` after one warm-up.
std::pair<double, double> timed(const std::function<void()>& pass, int64_t reps) {
    pass();
    std::vector<double> seconds;
    for (int64_t i = 0; i < reps; ++i) {
        const auto start = std::chrono::steady_clock::now();
        pass();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    return {seconds.front(), seconds[seconds.size() / 2]};
}

// The decoding bound: every weight matrix a token step reads (projections and lm_head), times one vector.
nlohmann::json gemvBound(CausalLMImpl& model, int64_t reps) {
    const auto weights = decoderWeights(model, DecoderWeightFormat::Model);
    const auto matrices = decoderMatrices(*weights);
    double bytes = 0;
    std::vector<torch::Tensor> inputs, outputs;
    for (const auto* m : matrices) {
        bytes += static_cast<double>(m->weight.numel() * m->weight.element_size());
        inputs.push_back(torch::randn({m->cols()}));
        outputs.push_back(torch::empty({m->rows()}));
    }
    const auto blas = timed(
        [&] {
            for (size_t i = 0; i < matrices.size(); ++i) torch::mv_out(outputs[i], matrices[i]->weight, inputs[i]);
        },
        reps);
    // The engine's kernel with the rows shared out as the CPU decoder shares them (64-row tasks).
    TaskPool pool(at::get_num_threads());
    const auto own = timed(
        [&] {
            for (size_t i = 0; i < matrices.size(); ++i)
                pool.run((matrices[i]->rows() + 63) / 64, [&](int64_t task, int64_t) {
                    const int64_t begin = task * 64, end = std::min(matrices[i]->rows(), begin + 64);
                    matrices[i]->multiply(inputs[i].data_ptr<float>(), 0, 1, outputs[i].data_ptr<float>(), 0, begin, end);
                });
        },
        reps);
    const double best = std::min(blas.first, own.first);
    return {{"impl", "bound"}, {"config", "gemv"}, {"batch", 1}, {"weight_mb", bytes / 1e6},
            {"blas_ms", 1e3 * blas.first}, {"blas_ms_median", 1e3 * blas.second}, {"kernel_ms", 1e3 * own.first},
            {"kernel_ms_median", 1e3 * own.second}, {"gbps", bytes / best / 1e9}, {"tokens_per_s", 1.0 / best}};
}

// The int8 decoder against the float32 one on the same inputs (teacher forcing with float32's greedy tokens).
nlohmann::json int8Quality(CausalLMImpl& model, const std::vector<std::vector<int64_t>>& prompts, int64_t steps) {
    const auto open = [&](DecoderWeightFormat format) {
        return std::make_unique<CpuDecoder>(model, std::make_shared<const DecoderWeights>(*decoderWeights(model, format)),
                                            prompts, steps);
    };
    auto exact = open(DecoderWeightFormat::Model), int8 = open(DecoderWeightFormat::Int8);
    int64_t agree = 0, total = 0;
    double kl = 0;
    for (int64_t step = 0; step < steps; ++step) {
        const auto p = exact->logits(), q = int8->logits();  // [n,V]
        const auto next = p.argmax(-1);
        agree += (next == q.argmax(-1)).sum().item<int64_t>();
        total += next.size(0);
        kl += (p.softmax(-1) * (p.log_softmax(-1) - q.log_softmax(-1))).sum().item<double>();
        const std::vector<int64_t> tokens(next.data_ptr<int64_t>(), next.data_ptr<int64_t>() + next.size(0));
        exact->advance(tokens);
        int8->advance(tokens);
    }
    return {{"impl", "srllm"}, {"config", "int8-quality"}, {"batch", static_cast<int64_t>(prompts.size())},
            {"steps", steps}, {"top1_agreement", static_cast<double>(agree) / static_cast<double>(total)},
            {"mean_kl", kl / static_cast<double>(total)}};
}

}  // namespace

int main(int argc, char** argv) {
    Args a;
    if (!srllm::bench::parseOptions(argc, argv,
                                    {{"--new-tokens", &a.newTokens}, {"--batch", &a.batch}, {"--threads", &a.threads},
                                     {"--layers", &a.shape.layers}, {"--reps", &a.reps}},
                                    {{"--configs", &a.configs}}))
        return 2;
    configureEngineRuntime(a.threads);
    auto model = buildModel(srllm::bench::benchLlamaConfig(a.shape, a.prompt + 4 + a.newTokens), 0);
    model->eval();
    torch::NoGradGuard noGrad;
    std::vector<std::vector<int64_t>> prompts;
    for (int64_t b = 0; b < a.batch; ++b) {
        const int64_t length = promptLength(b, a.prompt);
        const auto ids = torch::randint(0, a.shape.vocab, {length}, torch::kLong);
        prompts.emplace_back(ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + length);
    }
    Generator generator(*model);
    for (const auto& config : srllm::bench::splitList(a.configs)) {
        if (config == "gemv" || config == "int8-quality") {
            const auto row = config == "gemv" ? gemvBound(*model, a.reps) : int8Quality(*model, prompts, a.newTokens);
            std::printf("%s\n", row.dump().c_str());
            std::fflush(stdout);
            continue;
        }
        GenerationOptions options;  // greedy, no EOS: exactly newTokens per row
        options.useCache = config != "no-cache";
        options.decoder = config == "cpu"    ? DecoderChoice::Auto
                          : config == "int8" ? DecoderChoice::CpuInt8
                                             : DecoderChoice::Tensor;
        options.maxNewTokens = 4;
        generator.generate(prompts, options);  // warm-up
        options.maxNewTokens = a.newTokens;
        // The time of each decoding step (from one token chosen to the next), to set beside the GEMV bound's
        // passes: best against best and median against median, since both are disturbed alike on a loaded machine.
        std::vector<std::chrono::steady_clock::time_point> marks;
        marks.reserve(a.newTokens);
        const auto start = std::chrono::steady_clock::now();
        generator.generate(prompts, options, [&](int64_t, int64_t) {
            marks.push_back(std::chrono::steady_clock::now());
            return true;
        });
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::vector<double> steps;
        for (size_t i = 1; i < marks.size(); ++i) steps.push_back(std::chrono::duration<double>(marks[i] - marks[i - 1]).count());
        std::sort(steps.begin(), steps.end());
        const nlohmann::json row = {{"impl", "srllm"}, {"config", config}, {"batch", a.batch},
                                    {"kernels", cpuIsaName(activeCpuIsa())},
                                    {"tokens_per_s", static_cast<double>(a.batch * a.newTokens) / seconds},
                                    {"step_ms_best", steps.empty() ? 0.0 : 1e3 * steps.front()},
                                    {"step_ms_median", steps.empty() ? 0.0 : 1e3 * steps[steps.size() / 2]}};
        std::printf("%s\n", row.dump().c_str());
        std::fflush(stdout);
    }
    return 0;
}
