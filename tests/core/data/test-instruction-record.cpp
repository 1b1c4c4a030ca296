// The instruction record format: one header's keys, written and read by the same code.
#include <fstream>

#include <gtest/gtest.h>

#include "core/common/sha256.h"
#include "core/data/instruction-record.h"
#include "support/input-error.h"
#include "support/test-data.h"

using namespace srllm::core;

TEST(InstructionRecord, RoundTripsEveryFieldAndHashesTheFileBytes) {
    srllm::test::ScratchDir dir;
    const std::vector<InstructionRecord> records = {
        {0, "P1 \"q\"", "R1\n", "0123456789abcdef0123456789abcdef", "T1", "train", kResponseSourceGold},
        {0, "P2", "R2", "", "", "", ""}};
    const auto hash = writeInstructionRecords(dir / "r.jsonl", records);
    EXPECT_EQ(hash, fileSha256(dir / "r.jsonl"));
    Diagnostics warnings;
    const auto back = readInstructionRecords(dir / "r.jsonl", warnings);
    EXPECT_TRUE(warnings.empty());
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].line, 1);
    EXPECT_EQ(back[0].prompt, records[0].prompt);
    EXPECT_EQ(back[0].response, records[0].response);
    EXPECT_EQ(back[0].itemUid, records[0].itemUid);
    EXPECT_EQ(back[0].text, "T1");
    EXPECT_EQ(back[0].split, "train");
    EXPECT_EQ(back[0].source, "gold");
    EXPECT_EQ(instructionRecordToJson(back[1]).size(), 2u);  // empty fields are left out
}

TEST(InstructionRecord, NamesTheLineOfABadRecordAndWarnsOnUnknownKeys) {
    srllm::test::ScratchDir dir;
    std::ofstream(dir / "ok.jsonl") << "{\"prompt\":\"a\",\"response\":\"b\",\"uid\":1}\n\n{\"prompt\":\"c\",\"response\":\"d\"}\n";
    Diagnostics warnings;
    const auto records = readInstructionRecords(dir / "ok.jsonl", warnings);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[1].line, 3);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].field, "uid");
    std::ofstream(dir / "bad.jsonl") << "{\"prompt\":\"a\",\"response\":\"b\"}\n{\"prompt\":\"c\"}\n";
    const auto e = srllm::test::catchInputError([&] { readInstructionRecords(dir / "bad.jsonl", warnings); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->diagnostic.line, 2);
    EXPECT_EQ(e->diagnostic.field, "response");
    std::ofstream(dir / "empty.jsonl").close();
    EXPECT_THROW(readInstructionRecords(dir / "empty.jsonl", warnings), InputError);
    EXPECT_TRUE(readInstructionRecords(dir / "empty.jsonl", warnings, true).empty());
}
