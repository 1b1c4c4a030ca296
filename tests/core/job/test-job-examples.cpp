// Tokenizing {prompt, response} records under the one BOS/EOS policy: loss masked to the response, the
// EOS id appended by the trainer, truncation, and skipped records. Ids are hand-checkable (CharTokenizer).
#include <gtest/gtest.h>

#include "core/job/job-examples.h"
#include "support/char-tokenizer.h"

using namespace srllm::core;
using srllm::test::CharTokenizer;

namespace {
constexpr int64_t kI = kIgnoreLabel;
}  // namespace

TEST(JobExamples, LabelsMaskThePromptAndEndWithTheEosId) {
    const auto ex = tokenizeExample(CharTokenizer(), "ab", "cd", 64);
    EXPECT_EQ(ex.ids, (std::vector<int64_t>{1, 3, 4, 5, 6, 2}));
    EXPECT_EQ(ex.labels, (std::vector<int64_t>{kI, kI, kI, 5, 6, 2}));
    EXPECT_FALSE(ex.truncated);
}

TEST(JobExamples, TruncatesFromTheEnd) {
    const auto ex = tokenizeExample(CharTokenizer(), "ab", "cdef", 5);
    EXPECT_EQ(ex.ids, (std::vector<int64_t>{1, 3, 4, 5, 6}));
    EXPECT_EQ(ex.labels, (std::vector<int64_t>{kI, kI, kI, 5, 6}));
    EXPECT_TRUE(ex.truncated);
}

TEST(JobExamples, SkipsRecordsWhosePromptFillsMaxLengthAndNamesTruncatedOnes) {
    const std::vector<InstructionRecord> records = {{1, "abcdef", "g"}, {2, "a", "b"}, {3, "a", "bcdefg"}};
    const auto data = tokenizeRecords(CharTokenizer(), records, 4, "d.jsonl");
    ASSERT_EQ(data.examples.size(), 2u);
    ASSERT_EQ(data.skipped.size(), 1u);
    EXPECT_EQ(data.skipped[0].line, 1);
    EXPECT_NE(data.skipped[0].message.find("max_length"), std::string::npos);
    ASSERT_EQ(data.truncated.size(), 1u);
    EXPECT_EQ(data.truncated[0].line, 3);
    EXPECT_DOUBLE_EQ(data.meanTokens(), (4.0 + 4.0) / 2);  // [1,a,b,EOS] and [1,a,b,c] cut at 4
}
