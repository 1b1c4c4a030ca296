// Generation throughput (issue #4): greedy decoding of N new tokens after a short prompt on the
// Llama-shaped benchmark model, with the KV cache and without it (the whole sequence recomputed each
// step). bench/run-generate-bench.sh runs it beside bench/peer-generate.py. One JSON line per configuration.
#include <chrono>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "bench/bench-model.h"
#include "core/generate/generator.h"
#include "core/model/engine-runtime.h"
#include "core/model/model-factory.h"

using namespace srllm::core;

namespace {

struct Args {
    srllm::bench::ModelShape shape;
    int64_t prompt = 16, newTokens = 256, batch = 1, threads = 0;
    std::string configs = "cache,no-cache";
};

}  // namespace

int main(int argc, char** argv) {
    Args a;
    if (!srllm::bench::parseOptions(argc, argv,
                                    {{"--new-tokens", &a.newTokens}, {"--batch", &a.batch}, {"--threads", &a.threads},
                                     {"--layers", &a.shape.layers}},
                                    {{"--configs", &a.configs}}))
        return 2;
    configureEngineRuntime(a.threads);
    auto model = buildModel(srllm::bench::benchLlamaConfig(a.shape, a.prompt + a.newTokens), 0);
    model->eval();
    std::vector<std::vector<int64_t>> prompts;
    for (int64_t b = 0; b < a.batch; ++b) {
        const auto ids = torch::randint(0, a.shape.vocab, {a.prompt}, torch::kLong);
        prompts.emplace_back(ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + a.prompt);
    }
    Generator generator(*model);
    GenerationOptions warmup;
    warmup.maxNewTokens = 4;
    generator.generate(prompts, warmup);
    for (const auto& config : srllm::bench::splitList(a.configs)) {
        GenerationOptions options;  // greedy, no EOS: exactly newTokens per row
        options.maxNewTokens = a.newTokens;
        options.useCache = config == "cache";
        const auto start = std::chrono::steady_clock::now();
        generator.generate(prompts, options);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const nlohmann::json row = {{"impl", "srllm"}, {"config", config}, {"batch", a.batch},
                                    {"tokens_per_s", static_cast<double>(a.batch * a.newTokens) / seconds}};
        std::printf("%s\n", row.dump().c_str());
        std::fflush(stdout);
    }
    return 0;
}
