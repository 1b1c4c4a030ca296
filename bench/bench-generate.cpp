// Generation throughput (issue #4): greedy decoding of N new tokens after a short prompt on the
// Llama-shaped benchmark model, with the KV cache and without it (the whole sequence recomputed each
// step). bench/run-generate-bench.sh runs it beside bench/peer-generate.py. One JSON line per configuration.
#include <chrono>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "core/generate/generator.h"
#include "core/model/model-factory.h"

using namespace srllm::core;

namespace {

struct Args {
    int64_t layers = 8, dim = 512, heads = 8, ffn = 1376, vocab = 8192, prompt = 16, newTokens = 256, batch = 1;
    int64_t threads = 0;
    std::string configs = "cache,no-cache";
};

}  // namespace

int main(int argc, char** argv) {
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--configs") a.configs = value;
        else if (key == "--new-tokens") a.newTokens = std::stoll(value);
        else if (key == "--batch") a.batch = std::stoll(value);
        else if (key == "--threads") a.threads = std::stoll(value);
        else if (key == "--layers") a.layers = std::stoll(value);
        else {
            std::fprintf(stderr, "unknown option %s (known: --configs --new-tokens --batch --threads --layers)\n", key.c_str());
            return 2;
        }
    }
    if (a.threads > 0) torch::set_num_threads(static_cast<int>(a.threads));
    ModelConfig mc;
    mc.architecture = "LlamaForCausalLM";
    mc.vocabSize = a.vocab;
    mc.hiddenSize = a.dim;
    mc.numLayers = a.layers;
    mc.numHeads = mc.numKvHeads = a.heads;
    mc.intermediateSize = a.ffn;
    mc.maxPositions = a.prompt + a.newTokens;
    auto model = buildModel(mc, 0);
    model->eval();
    std::vector<std::vector<int64_t>> prompts;
    for (int64_t b = 0; b < a.batch; ++b) {
        const auto ids = torch::randint(0, a.vocab, {a.prompt}, torch::kLong);
        prompts.emplace_back(ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + a.prompt);
    }
    Generator generator(*model);
    GenerationOptions warmup;
    warmup.maxNewTokens = 4;
    generator.generate(prompts, warmup);
    size_t begin = 0;
    while (begin < a.configs.size()) {
        const size_t end = std::min(a.configs.find(',', begin), a.configs.size());
        const auto config = a.configs.substr(begin, end - begin);
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
        begin = end + 1;
    }
    return 0;
}
