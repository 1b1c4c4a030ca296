// Pretraining corpora: documents read from a text file (bad files refused naming file and line), packed
// into blocks of max_length tokens checked id by id against a hand calculation with the char tokenizer.
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/common/sha256.h"
#include "core/job/corpus-blocks.h"
#include "support/char-tokenizer.h"
#include "support/test-data.h"

using namespace srllm::core;
using srllm::test::CharTokenizer;
using srllm::test::ScratchDir;
using srllm::test::writeFile;

namespace {

Diagnostic errorOf(const std::string& path) {
    try {
        readCorpusDocuments(path);
    } catch (const InputError& e) {
        return e.diagnostic();
    }
    return {"(no error)", 0, "", ""};
}

}  // namespace

TEST(CorpusBlocks, DocumentsAreTheNonBlankLines) {
    ScratchDir dir;
    const auto file = writeFile(dir, "c.txt", "\xEF\xBB\xBFold people\r\n\n   \nare slow\nlast line without newline");
    EXPECT_EQ(readCorpusDocuments(file),
              (std::vector<std::string>{"old people", "are slow", "last line without newline"}));
}

TEST(CorpusBlocks, PacksDocumentsWithBosAndEosIntoFullBlocks) {
    // "ab" -> BOS a b EOS = 1 3 4 2; "c" -> 1 5 2; "de" -> 1 6 7 2: the stream 1 3 4 2 1 5 2 1 6 7 2 (11 ids).
    const CharTokenizer tokenizer;
    const auto blocks = packCorpus(tokenizer, {"ab", "c", "de"}, 4, "c.txt");
    ASSERT_EQ(blocks.size(), 2u);  // 11 / 4: the tail "7 2" is dropped, as HF run_clm's group_texts does
    EXPECT_EQ(blocks[0].ids, (std::vector<int64_t>{1, 3, 4, 2}));
    EXPECT_EQ(blocks[1].ids, (std::vector<int64_t>{1, 5, 2, 1}));
    for (const auto& b : blocks) {
        EXPECT_EQ(b.labels, b.ids);  // every position carries the next-token loss
        EXPECT_FALSE(b.truncated);
    }
    EXPECT_EQ(packCorpus(tokenizer, {"ab", "c", "de"}, 11, "c.txt").size(), 1u);
    try {
        packCorpus(tokenizer, {"ab"}, 5, "c.txt");
        FAIL() << "a corpus shorter than one block was accepted";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().file, "c.txt");
        EXPECT_NE(e.diagnostic().message.find("fewer than one block of max_length 5"), std::string::npos);
    }
}

TEST(CorpusBlocks, EveryNthDocumentIsHeldOut) {
    std::vector<std::string> docs{"a", "b", "c", "d", "e", "f", "g"}, train, val;
    splitCorpus(docs, 3, train, val);
    EXPECT_EQ(val, (std::vector<std::string>{"a", "d", "g"}));
    EXPECT_EQ(train, (std::vector<std::string>{"b", "c", "e", "f"}));
    train.clear();
    val.clear();
    splitCorpus(docs, 0, train, val);
    EXPECT_EQ(train, docs);
    EXPECT_TRUE(val.empty());
}

TEST(CorpusBlocks, WritesOneDocumentPerLineAndItsHash) {
    ScratchDir dir;
    const auto hash = writeCorpusDocuments(dir / "t.txt", {"ab", "c"});
    EXPECT_EQ(srllm::test::readFile(dir / "t.txt"), "ab\nc\n");
    Sha256 digest;
    digest.update("ab\nc\n");
    EXPECT_EQ(hash, "sha256:" + digest.finishHex());
    EXPECT_EQ(readCorpusDocuments(dir / "t.txt"), (std::vector<std::string>{"ab", "c"}));
}

TEST(CorpusBlocks, BadFilesAreRefusedNamingFileAndLine) {
    ScratchDir dir;
    EXPECT_EQ(errorOf((dir / "missing.txt").string()).file, (dir / "missing.txt").string());
    EXPECT_NE(errorOf(dir.path().string()).message.find("is a folder"), std::string::npos);
    const auto empty = writeFile(dir, "empty.txt", "\n  \n");
    EXPECT_NE(errorOf(empty).message.find("holds no text"), std::string::npos);
    const auto badUtf8 = writeFile(dir, "bad.txt", "fine\nalso fine\nbroken \xC3\x28 here\n");
    EXPECT_EQ(errorOf(badUtf8).file, badUtf8);
    EXPECT_EQ(errorOf(badUtf8).line, 3);
    const auto binary = writeFile(dir, "nul.txt", std::string("text\nzero\0byte\n", 15));
    EXPECT_EQ(errorOf(binary).line, 2);
    EXPECT_NE(errorOf(binary).message.find("NUL"), std::string::npos);
}
