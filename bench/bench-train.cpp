// Training throughput (issues #4, #14): tokens/s of the srllm trainer on a Llama-shaped model, full
// fine-tuning and LoRA, fp32 and bf16 autocast, and N = matmul weights (projections + lm_head), from which
// bench/run-train-bench.sh reads MFU against bench-machine's peaks (6N FLOPs a token for full
// fine-tuning, 4N for a frozen base + LoRA: forward 2N, input gradient 2N), beside bench/peer-train.py.
// --profile PREFIX writes the timed steps' operators as chrome traces (bench/profile-summary.py sums them).
// Prints one JSON line per configuration.
#include <cstdio>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <torch/csrc/autograd/profiler_legacy.h>

#include "bench/bench-model.h"
#include "core/model/engine-runtime.h"
#include "core/model/model-factory.h"
#include "core/train/trainer.h"

using namespace srllm::core;

namespace {

struct Args {
    srllm::bench::ModelShape shape;
    int64_t seq = 256, batch = 8, rank = 16, warmup = 1, steps = 3, threads = 0;
    std::string configs = "full:fp32,lora:fp32,full:bf16,lora:bf16";
    std::string profile;  // when set, the timed steps' operators go to PROFILE-<mode>-<dtype>.json (chrome trace)
};

nlohmann::json run(const Args& a, const std::string& mode, const std::string& dtype) {
    auto model = buildModel(srllm::bench::benchLlamaConfig(a.shape, a.seq), 0);
    int64_t matmulWeights = 0;
    for (const auto& item : model->named_parameters()) {
        if (item.value().dim() == 2 && item.key().find("embed") == std::string::npos) matmulWeights += item.value().numel();
    }
    TrainConfig tc;
    tc.method = mode == "full" ? TrainMethod::Full : TrainMethod::Lora;
    tc.precision = dtype == "bf16" ? Precision::Bf16 : Precision::Fp32;
    tc.batchSize = a.batch;
    tc.gradAccumulation = 1;
    tc.maxLength = a.seq;
    tc.maxSteps = a.warmup + a.steps;
    tc.warmupRatio = 0;
    tc.checkpointEvery = 1 << 30;
    tc.evalEvery = 1 << 30;
    tc.lora.rank = a.rank;
    tc.lora.alpha = 16;
    tc.lora.dropout = 0.05;
    std::vector<TokenizedExample> data;
    for (int64_t i = 0; i < a.batch * tc.maxSteps; ++i) {
        const auto ids = torch::randint(0, a.shape.vocab, {a.seq}, torch::kLong);
        TokenizedExample ex;
        ex.ids.assign(ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + a.seq);
        ex.labels = ex.ids;
        data.push_back(std::move(ex));
    }
    Trainer trainer(model, tc, std::move(data), {}, std::filesystem::temp_directory_path() / "srllm-bench-train", 0);
    trainer.setup(false);
    double seconds = 0;
    std::optional<torch::autograd::profiler::RecordProfile> profile;
    trainer.train({}, [&](const StepReport& r) {
        if (r.step > a.warmup) seconds += r.seconds;
        if (r.step == a.warmup && !a.profile.empty()) profile.emplace(a.profile + "-" + mode + "-" + dtype + ".json");
    });
    profile.reset();
    const double tokensPerS = static_cast<double>(a.batch * a.seq * a.steps) / seconds;
    return {{"impl", "srllm"}, {"mode", mode}, {"dtype", dtype}, {"tokens_per_s", tokensPerS}, {"n_matmul", matmulWeights}};
}

}  // namespace

int main(int argc, char** argv) {
    Args a;
    if (!srllm::bench::parseOptions(argc, argv,
                                    {{"--steps", &a.steps}, {"--warmup", &a.warmup}, {"--threads", &a.threads},
                                     {"--layers", &a.shape.layers}},
                                    {{"--configs", &a.configs}, {"--profile", &a.profile}}))
        return 2;
    configureEngineRuntime(a.threads);
    for (const auto& config : srllm::bench::splitList(a.configs)) {
        const auto colon = config.find(':');
        std::printf("%s\n", run(a, config.substr(0, colon), config.substr(colon + 1)).dump().c_str());
        std::fflush(stdout);
    }
    return 0;
}
