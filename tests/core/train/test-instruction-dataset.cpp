// Tokenizing {prompt, response} pairs: loss masked to the response, EOS appended once, truncation,
// right padding, deterministic shuffles and eval split. A character tokenizer makes every id hand-checkable.
#include <fstream>

#include <gtest/gtest.h>

#include "core/train/instruction-dataset.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

// 'a'..'z' -> 3..28, ' ' -> 29; BOS 1, EOS 2, PAD 0; "</s>" is not special here (it stays text).
class CharTokenizer : public Tokenizer {
public:
    std::vector<int64_t> encode(std::string_view text, bool addSpecial) const override {
        std::vector<int64_t> ids;
        if (addSpecial) ids.push_back(1);
        for (char c : text) ids.push_back(c == ' ' ? 29 : c - 'a' + 3);
        return ids;
    }
    std::string decode(const std::vector<int64_t>&, bool) const override { return {}; }
    int64_t vocabSize() const override { return 30; }
    std::optional<int64_t> bosId() const override { return 1; }
    std::optional<int64_t> eosId() const override { return 2; }
    std::optional<int64_t> padId() const override { return 0; }
    std::optional<int64_t> unkId() const override { return std::nullopt; }
    std::optional<int64_t> tokenToId(std::string_view) const override { return std::nullopt; }
    std::string idToToken(int64_t) const override { return {}; }
};

constexpr int64_t kI = kIgnoreLabel;

}  // namespace

TEST(InstructionDataset, LabelsMaskThePromptAndEndWithEos) {
    const auto ex = tokenizeExample(CharTokenizer(), "ab", "cd", 64);
    EXPECT_EQ(ex.ids, (std::vector<int64_t>{1, 3, 4, 5, 6, 2}));
    EXPECT_EQ(ex.labels, (std::vector<int64_t>{kI, kI, kI, 5, 6, 2}));
    EXPECT_FALSE(ex.truncated);
}

TEST(InstructionDataset, TruncatesFromTheEnd) {
    const auto ex = tokenizeExample(CharTokenizer(), "ab", "cdef", 5);
    EXPECT_EQ(ex.ids, (std::vector<int64_t>{1, 3, 4, 5, 6}));
    EXPECT_EQ(ex.labels, (std::vector<int64_t>{kI, kI, kI, 5, 6}));
    EXPECT_TRUE(ex.truncated);
}

TEST(InstructionDataset, SkipsRecordsWhosePromptFillsMaxLength) {
    const std::vector<InstructionRecord> records = {{1, "abcdef", "g"}, {2, "a", "b"}};
    const auto data = buildInstructionDataset(CharTokenizer(), records, 4, "d.jsonl");
    ASSERT_EQ(data.examples.size(), 1u);
    ASSERT_EQ(data.warnings.size(), 1u);
    EXPECT_EQ(data.warnings[0].line, 1);
    EXPECT_NE(data.warnings[0].message.find("max-length"), std::string::npos);
}

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

TEST(InstructionDataset, EvalSplitTakesTheFractionAndKeepsTheRest) {
    std::vector<TokenizedExample> examples(20);
    for (int i = 0; i < 20; ++i) examples[i].ids = {i};
    const auto [train, eval] = splitForEval(examples, 0.1, 7);
    EXPECT_EQ(eval.size(), 2u);
    EXPECT_EQ(train.size(), 18u);
    EXPECT_TRUE(std::is_sorted(train.begin(), train.end(), [](const auto& x, const auto& y) { return x.ids < y.ids; }));
    EXPECT_EQ(splitForEval(examples, 0.0, 7).second.size(), 0u);
}

TEST(InstructionDataset, ReadsJsonlAndNamesTheLineOfABadRecord) {
    srllm::test::ScratchDir dir;
    std::ofstream(dir / "ok.jsonl") << "{\"prompt\":\"a\",\"response\":\"b\",\"extra\":1}\n\n{\"prompt\":\"c\",\"response\":\"d\"}\n";
    Diagnostics warnings;
    const auto records = readInstructionRecords(dir / "ok.jsonl", warnings);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[1].line, 3);
    EXPECT_EQ(warnings.size(), 1u);
    std::ofstream(dir / "bad.jsonl") << "{\"prompt\":\"a\",\"response\":\"b\"}\n{\"prompt\":\"c\"}\n";
    try {
        readInstructionRecords(dir / "bad.jsonl", warnings);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().line, 2);
        EXPECT_EQ(e.diagnostic().field, "response");
    }
}
