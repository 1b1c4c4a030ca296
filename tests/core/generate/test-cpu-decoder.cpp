// The CPU decoder (core/generate/cpu-decoder.h): its step logits equal the independent float64 reference
// (tests/data/reference-logits.py) for ragged rows decoded together; batched generation with rows
// finishing early equals each prompt decoded alone, bit for bit; and it agrees with the model's own
// forward for LoRA adapters, Mistral's sliding window, bfloat16 weights and every kernel set; steps shared
// among threads equal one thread's; int8 stays within its stated loss and refuses models it cannot run.
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/generate/cpu-decoder.h"
#include "core/generate/generator.h"
#include "core/io/safetensors.h"
#include "core/kernels/cpu-kernels.h"
#include "core/lora/apply-lora.h"
#include "core/model/model-factory.h"
#include "core/model/model-loader.h"
#include "support/tensor-compare.h"
#include "support/test-data.h"
#include "support/tiny-model.h"

using namespace srllm::core;
using srllm::test::maxAbsDiff;

namespace {

std::filesystem::path modelDir(const std::string& name) { return srllm::test::sourceDir() / "tests/data/models" / name; }

std::unique_ptr<DecodeSession> cpuSession(CausalLMImpl& model, const std::vector<std::vector<int64_t>>& prompts,
                                          int64_t maxNew, DecoderWeightFormat format = DecoderWeightFormat::Model) {
    auto weights = decoderWeights(model, format);
    EXPECT_TRUE(weights.has_value());
    return std::make_unique<CpuDecoder>(model, std::make_shared<const DecoderWeights>(std::move(*weights)), prompts, maxNew);
}

// Logits of every step when each row is fed `feed[row]` token by token (teacher forcing), [rows,V] per step.
std::vector<torch::Tensor> forcedLogits(DecodeSession& session, const std::vector<std::vector<int64_t>>& feed) {
    std::vector<torch::Tensor> out = {session.logits().clone()};
    for (size_t step = 0; step < feed[0].size(); ++step) {
        std::vector<int64_t> tokens;
        for (const auto& row : feed) tokens.push_back(row[step]);
        session.advance(tokens);
        out.push_back(session.logits().clone());
    }
    return out;
}

// Both kernel sets a machine always has: its best and the generic fallback.
std::vector<CpuIsa> kernelSets() { return {bestCpuIsa(), CpuIsa::Generic}; }

struct IsaGuard {
    ~IsaGuard() { limitCpuIsa(CpuIsa::Avx512); }
};

}  // namespace

TEST(CpuDecoder, RaggedRowsStepByStepMatchTheFloat64Reference) {
    IsaGuard guard;
    for (const std::string name : {"tiny-llama-gqa", "tiny-qwen2-bias"}) {  // GQA untied; q/k/v bias, tied head
        const auto model = loadModel(modelDir(name)).model;
        const auto golden = loadSafetensors(modelDir(name) / "golden-logits.safetensors");
        const auto& ids = golden.at("input_ids");     // row 0: 7 real tokens; row 1: 2 pads, then 5
        const auto& expected = golden.at("logits");   // [2,7,V]
        for (const CpuIsa isa : kernelSets()) {
            limitCpuIsa(isa);
            torch::NoGradGuard noGrad;
            // Row 0 starts from 3 tokens, row 1 from its first real one: both then have 4 tokens to feed.
            auto session = cpuSession(*model, {{5, 17, 42}, {3}}, 8);
            const auto steps = forcedLogits(*session, {{8, 63, 0, 29}, {50, 27, 9, 36}});
            for (size_t s = 0; s < steps.size(); ++s) {
                EXPECT_LT(maxAbsDiff(steps[s][0], expected[0][2 + s]), 1e-4) << name << " row 0 step " << s;
                EXPECT_LT(maxAbsDiff(steps[s][1], expected[1][2 + s]), 1e-4) << name << " row 1 step " << s;
            }
            EXPECT_EQ(ids[1][2].item<int64_t>(), 3);  // the reference's row 1 really starts there
        }
    }
}

TEST(CpuDecoder, BatchWithRowsFinishingEarlyEqualsEachPromptAloneBitForBit) {
    IsaGuard guard;
    const auto model = loadModel(modelDir("tiny-llama-gqa")).model;
    Generator generator(*model);
    const std::vector<std::vector<int64_t>> prompts = {{5, 17, 42, 8, 63}, {11, 3}, {7, 7, 7, 1}};
    for (const CpuIsa isa : kernelSets()) {
        limitCpuIsa(isa);
        GenerationOptions options;
        options.maxNewTokens = 10;
        options.keepStepLogits = true;
        // The EOS id is row 1's third token when decoded alone, so row 1 leaves the batch after step 3.
        options.eosTokenIds = {generator.generate({prompts[1]}, options).tokens[0].at(2)};
        std::vector<GenerationResult> alone;
        for (const auto& p : prompts) alone.push_back(generator.generate({p}, options));
        const auto batched = generator.generate(prompts, options);
        ASSERT_EQ(batched.finishReasons[1], FinishReason::Eos);
        for (size_t i = 0; i < prompts.size(); ++i) {
            EXPECT_EQ(batched.tokens[i], alone[i].tokens[0]) << cpuIsaName(isa) << " row " << i;
            EXPECT_EQ(batched.finishReasons[i], alone[i].finishReasons[0]) << cpuIsaName(isa) << " row " << i;
        }
        for (size_t step = 0; step < batched.stepLogits.size(); ++step) {
            int64_t row = 0;  // the live rows at this step, in prompt order
            for (size_t i = 0; i < prompts.size(); ++i) {
                if (step >= alone[i].stepLogits.size()) continue;
                EXPECT_TRUE(torch::equal(batched.stepLogits[step][row++], alone[i].stepLogits[step][0]))
                    << cpuIsaName(isa) << " row " << i << " step " << step;
            }
            EXPECT_EQ(row, batched.stepLogits[step].size(0));
        }
    }
}

TEST(CpuDecoder, StepsSharedAmongThreadsEqualOneThreadBitForBit) {
    const auto model = loadModel(modelDir("tiny-llama-gqa")).model;
    const std::vector<std::vector<int64_t>> prompts = {{5, 17, 42, 8, 63}, {11, 3}, {7, 7, 7, 1}};
    const std::vector<std::vector<int64_t>> feed = {{4, 9, 2, 30, 1, 6}, {8, 8, 3, 12, 5, 7}, {1, 2, 3, 4, 5, 6}};
    const int threads = at::get_num_threads();
    auto one = cpuSession(*model, prompts, 8), shared = cpuSession(*model, prompts, 8);  // prefilled alike
    const auto expected = forcedLogits(*one, feed);
    at::set_num_threads(3);  // the decoder's task pool follows torch's thread count at the next step
    const auto got = forcedLogits(*shared, feed);
    at::set_num_threads(threads);
    for (size_t s = 0; s < expected.size(); ++s) EXPECT_TRUE(torch::equal(got[s], expected[s])) << "step " << s;
}

TEST(CpuDecoder, AgreesWithTheModelsForwardForAdaptersWindowsAndBfloat16) {
    IsaGuard guard;
    auto config = srllm::test::tinyLlamaConfig();
    config.architecture = "MistralForCausalLM";
    config.slidingWindow = 3;  // the 6 positions below pass it
    auto windowed = buildModel(config, 7);
    auto adapted = loadModel(modelDir("tiny-llama-gqa")).model;
    LoraConfig lora;
    lora.rank = 4;
    lora.targetModules = {"q_proj", "v_proj", "down_proj", "lm_head"};
    applyLora(*adapted, lora);
    for (const auto& [name, layer] : loraLayers(*adapted)) layer->loraB.data().normal_(0, 0.3);  // a non-zero adapter
    auto merged = loadModel(modelDir("tiny-llama-gqa")).model;
    applyLora(*merged, lora);
    for (const auto& [name, layer] : loraLayers(*merged)) {
        layer->loraB.data().normal_(0, 0.3);
        layer->merge();
    }
    // bfloat16 weights: the decoder computes in float32 over them (keys and values cached in bfloat16),
    // so it must sit closer to the float32 forward of the same rounded weights than the model's own
    // bfloat16 forward, which rounds every intermediate.
    auto bf16 = loadModel(modelDir("tiny-qwen2-bias")).model;
    bf16->to(torch::kBFloat16);
    auto rounded = loadModel(modelDir("tiny-qwen2-bias")).model;
    rounded->to(torch::kBFloat16);
    rounded->to(torch::kFloat32);
    const std::vector<std::pair<CausalLM, CausalLM>> cases = {{windowed, windowed}, {adapted, adapted}, {merged, merged}, {bf16, rounded}};
    GenerationOptions tensorPath;
    const std::vector<std::vector<int64_t>> prompts = {{5, 17}, {9, 1, 30}};
    const std::vector<std::vector<int64_t>> feed = {{4, 8, 15, 16}, {23, 42, 2, 11}};
    for (const CpuIsa isa : kernelSets()) {
        limitCpuIsa(isa);
        for (size_t c = 0; c < cases.size(); ++c) {
            auto& model = *cases[c].first;
            model.eval();
            torch::NoGradGuard noGrad;
            const auto own = forcedLogits(*cpuSession(model, prompts, 6), feed);
            const auto reference = forcedLogits(*openTensorSession(*cases[c].second, prompts, tensorPath), feed);
            const auto forward = forcedLogits(*openTensorSession(model, prompts, tensorPath), feed);
            for (size_t s = 1; s < own.size(); ++s) {  // step 0 is the prefill, the model's own forward
                const double error = maxAbsDiff(own[s], reference[s]);
                if (c + 1 < cases.size()) {
                    EXPECT_LT(error, 1e-5) << cpuIsaName(isa) << " case " << c << " step " << s;
                } else {
                    EXPECT_LT(error, 0.01 * reference[s].abs().max().item<double>()) << cpuIsaName(isa) << " bf16 step " << s;
                    EXPECT_LT(error, maxAbsDiff(forward[s], reference[s])) << cpuIsaName(isa) << " bf16 step " << s;
                }
            }
        }
    }
}

TEST(CpuDecoder, Int8WeightsStayCloseAndUncoveredModelsAreRefused) {
    const auto model = loadModel(modelDir("tiny-llama-gqa")).model;
    torch::NoGradGuard noGrad;
    const std::vector<std::vector<int64_t>> prompts = {{5, 17, 42}};
    const std::vector<std::vector<int64_t>> feed = {{8, 63, 0, 29}};
    const auto exact = forcedLogits(*cpuSession(*model, prompts, 6), feed);
    const auto int8 = forcedLogits(*cpuSession(*model, prompts, 6, DecoderWeightFormat::Int8), feed);
    for (size_t s = 1; s < exact.size(); ++s) {  // step 0 is the prefill, the model's own forward
        const double spread = exact[s].std().item<double>();
        EXPECT_LT(maxAbsDiff(int8[s], exact[s]), 0.05 * spread) << "step " << s;  // int8 rounds each weight by <= 0.4%
        EXPECT_GT(maxAbsDiff(int8[s], exact[s]), 0.0) << "step " << s;            // and really is another path
    }
    const auto gpt2 = loadModel(modelDir("tiny-gpt2")).model;
    GenerationOptions options;
    options.decoder = DecoderChoice::CpuInt8;
    EXPECT_THROW(Generator(*gpt2).generate({{1, 2}}, options), InputError);
}
