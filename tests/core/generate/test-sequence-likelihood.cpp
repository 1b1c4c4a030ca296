// core/generate/sequence-likelihood: the sum of next-token log-probabilities of a text, checked against
// one forward per prefix (the last position's log-softmax at the next token), summed here.
#include <cmath>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/generate/sequence-likelihood.h"
#include "core/model/model-factory.h"
#include "support/char-tokenizer.h"
#include "support/tiny-model.h"

using namespace srllm;

TEST(SequenceLikelihood, EqualsTheSumOverPrefixForwards) {
    auto config = test::tinyLlamaConfig();
    auto model = core::buildModel(config, 1);
    model->eval();
    const test::CharTokenizer tokenizer;
    const std::vector<std::string> texts = {"the cat", "a", ""};
    const auto got = core::sequenceLikelihoods(*model, tokenizer, texts);
    ASSERT_EQ(got.size(), 3u);
    torch::NoGradGuard noGrad;
    const auto ids = tokenizer.encode(texts[0], true);
    double expected = 0;
    for (size_t i = 1; i < ids.size(); ++i) {
        const std::vector<int64_t> prefix(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(i));
        const auto logits = model->forward(torch::tensor(prefix, torch::kInt64).unsqueeze(0)).to(torch::kFloat64);
        expected += torch::log_softmax(logits[0][static_cast<int64_t>(i) - 1], -1)[ids[i]].item<double>();
    }
    // float32 forwards over different lengths agree to ~1e-7 relative, not bit for bit.
    EXPECT_NEAR(got[0].logLikelihood, expected, 1e-5);
    EXPECT_EQ(got[0].tokens, 7);  // BOS + 7 characters: 7 scored
    EXPECT_NEAR(got[0].perplexity(), std::exp(-expected / 7), 1e-4);
    EXPECT_EQ(got[1].tokens, 1);
    EXPECT_EQ(got[2].tokens, 0);  // BOS only: nothing to score
    EXPECT_TRUE(std::isnan(got[2].perplexity()));
}
