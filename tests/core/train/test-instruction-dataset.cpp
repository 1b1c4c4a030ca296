// Batches of tokenized examples: right padding, label counts, deterministic shuffles.
#include <gtest/gtest.h>

#include "core/train/instruction-dataset.h"
#include "support/char-tokenizer.h"

using namespace srllm::core;
using srllm::test::CharTokenizer;

namespace {
constexpr int64_t kI = kIgnoreLabel;
}  // namespace

TEST(InstructionDataset, CollatePadsOnTheRightAndCountsLabelTokens) {
    std::vector<TokenizedExample> examples = {tokenizeExample(CharTokenizer(), "a", "b", 64),
                                              tokenizeExample(CharTokenizer(), "abc", "de", 64)};
    const auto batch = collateBatch(examples, {0, 1}, 0);
    EXPECT_TRUE(torch::equal(batch.inputIds, torch::tensor(std::vector<int64_t>{1, 3, 4, 2, 0, 0, 0, 1, 3, 4, 5, 6, 7, 2}).view({2, 7})));
    EXPECT_TRUE(torch::equal(batch.labels, torch::tensor(std::vector<int64_t>{kI, kI, 4, 2, kI, kI, kI, kI, kI, kI, kI, 6, 7, 2}).view({2, 7})));
    EXPECT_EQ(batch.labelTokens, 2 + 3);
}

TEST(InstructionDataset, ShuffleIsADeterministicPermutationPerSeedAndEpoch) {
    const auto a = shuffledOrder(100, 42, 0);
    EXPECT_EQ(a, shuffledOrder(100, 42, 0));
    EXPECT_NE(a, shuffledOrder(100, 42, 1));
    EXPECT_NE(a, shuffledOrder(100, 43, 0));
    auto sorted = a;
    std::sort(sorted.begin(), sorted.end());
    for (int64_t i = 0; i < 100; ++i) EXPECT_EQ(sorted[i], i);
}
