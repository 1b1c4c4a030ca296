// Generation: cached equals uncached, batched (left padding, rows finishing early) equals unbatched, seeded sampling is
// reproducible, and logits processors match hand-computed values.
#include <gtest/gtest.h>

#include "core/generate/generator.h"
#include "core/model/model-loader.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {
CausalLM tinyModel(const std::string& name) {
    return loadModel(srllm::test::sourceDir() / "tests/data/models" / name).model;
}
}  // namespace

TEST(Generator, CachedGreedyEqualsUncachedTokensAndStepLogits) {
    for (const std::string name : {"tiny-gpt2", "tiny-llama-gqa", "tiny-qwen2-bias"}) {
        auto model = tinyModel(name);
        Generator generator(*model);
        GenerationOptions options;
        options.maxNewTokens = 12;
        options.keepStepLogits = true;
        const auto cached = generator.generate({{5, 17, 42}}, options);
        options.useCache = false;
        const auto uncached = generator.generate({{5, 17, 42}}, options);
        EXPECT_EQ(cached.tokens, uncached.tokens) << name;
        for (size_t i = 0; i < cached.stepLogits.size(); ++i)
            EXPECT_TRUE(torch::allclose(cached.stepLogits[i], uncached.stepLogits[i], 1e-5, 1e-4)) << name << " step " << i;
    }
}

TEST(Generator, BatchedWithLeftPaddingAndEarlyFinishersEqualsUnbatched) {
    // The tensor path (GPT-2 always; Llama when asked) pads on the left and drops finished rows from its
    // cache; the CPU decoder (Llama by default) keeps rows apart. Row 1 ends at its EOS after 3 tokens.
    for (const auto& [name, decoder] : std::vector<std::pair<std::string, DecoderChoice>>{
             {"tiny-gpt2", DecoderChoice::Auto}, {"tiny-llama-gqa", DecoderChoice::Tensor}, {"tiny-llama-gqa", DecoderChoice::Auto}}) {
        auto model = tinyModel(name);
        Generator generator(*model);
        GenerationOptions options;
        options.maxNewTokens = 8;
        options.decoder = decoder;
        const std::vector<std::vector<int64_t>> prompts = {{5, 17, 42, 8, 63}, {11, 3}, {9, 9, 1}};
        options.eosTokenIds = {generator.generate({prompts[1]}, options).tokens[0].at(2)};
        const auto batched = generator.generate(prompts, options);
        EXPECT_EQ(batched.finishReasons[1], FinishReason::Eos) << name;
        for (size_t i = 0; i < prompts.size(); ++i)
            EXPECT_EQ(batched.tokens[i], generator.generate({prompts[i]}, options).tokens[0]) << name << " row " << i;
    }
}

TEST(Generator, SeededSamplingIsReproducibleAndEosStops) {
    auto model = tinyModel("tiny-llama-gqa");
    Generator generator(*model);
    GenerationOptions options;
    options.maxNewTokens = 16;
    options.sampling.temperature = 1.5;
    options.sampling.topK = 20;
    options.sampling.topP = 0.9;
    options.seed = 42;
    const auto a = generator.generate({{1, 2, 3}}, options);
    EXPECT_EQ(a.tokens, generator.generate({{1, 2, 3}}, options).tokens);
    options.eosTokenIds = {a.tokens[0][2]};
    const auto stopped = generator.generate({{1, 2, 3}}, options);
    EXPECT_LE(stopped.tokens[0].size(), 3u);
    EXPECT_EQ(stopped.finishReasons[0], FinishReason::Eos);
}

TEST(Sampler, RepetitionPenaltyDividesPositiveAndMultipliesNegative) {
    // HF semantics by hand: penalty 2 on tokens {1,2}: 4 -> 2, -1 -> -2; token 0 and 3 unchanged.
    const auto logits = torch::tensor({{1.0f, 4.0f, -1.0f, 3.0f}});
    const auto out = applyRepetitionPenalty(logits, torch::tensor({{1, 2, -1}}, torch::kInt64), 2.0);
    EXPECT_TRUE(torch::equal(out, torch::tensor({{1.0f, 2.0f, -2.0f, 3.0f}})));
}

TEST(Sampler, TopKAndTopPKeepTheHandComputedSets) {
    const auto inf = std::numeric_limits<float>::infinity();
    const auto logits = torch::tensor({{1.0f, 3.0f, 2.0f, 0.0f}});
    EXPECT_TRUE(torch::equal(applyTopK(logits, 2), torch::tensor({{-inf, 3.0f, 2.0f, -inf}})));
    // probabilities ≈ [0.087, 0.644, 0.237, 0.032]: p=0.8 needs tokens 1 and 2 (0.881).
    EXPECT_TRUE(torch::equal(applyTopP(logits, 0.8), torch::tensor({{-inf, 3.0f, 2.0f, -inf}})));
    EXPECT_TRUE(torch::equal(applyTopP(logits, 0.5), torch::tensor({{-inf, 3.0f, -inf, -inf}})));
}
