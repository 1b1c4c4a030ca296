// SentencePiece tokenizer.model through libsentencepiece, on the Llama 2 model (known ids from
// ../shared/data/README.md) and on malformed files.
#include <fstream>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "reference/sentencepiece-tokenizer.h"
#include "support/test-data.h"

using namespace srllm::core;

TEST(SentencePieceTokenizer, Llama2KnownIdsWithAndWithoutBos) {
    SRLLM_REQUIRE_SHARED(file, "tokenizers/llama2/tokenizer.model");
    const SentencePieceTokenizer tok(file);
    EXPECT_EQ(tok.encode("Hello world!", false), (std::vector<int64_t>{15043, 3186, 29991}));
    EXPECT_EQ(tok.encode("Hello world!"), (std::vector<int64_t>{1, 15043, 3186, 29991}));
    EXPECT_EQ(tok.vocabSize(), 32000);
    EXPECT_EQ(tok.bosId(), 1);
    EXPECT_EQ(tok.eosId(), 2);
    EXPECT_EQ(tok.unkId(), 0);
    EXPECT_FALSE(tok.padId().has_value());
}

TEST(SentencePieceTokenizer, DecodeSkipsOrShowsControlTokens) {
    SRLLM_REQUIRE_SHARED(file, "tokenizers/llama2/tokenizer.model");
    const SentencePieceTokenizer tok(file);
    const std::vector<int64_t> ids{1, 15043, 3186, 29991, 2};
    EXPECT_EQ(tok.decode(ids), "Hello world!");
    EXPECT_EQ(tok.decode(ids, false), "<s>Hello world!</s>");
}

TEST(SentencePieceTokenizer, TokenLookupDoesNotAnswerUnkForMisses) {
    SRLLM_REQUIRE_SHARED(file, "tokenizers/llama2/tokenizer.model");
    const SentencePieceTokenizer tok(file);
    EXPECT_EQ(tok.tokenToId("\xE2\x96\x81" "Hello"), 15043);
    EXPECT_EQ(tok.tokenToId("<unk>"), 0);
    EXPECT_FALSE(tok.tokenToId("no-such-piece-xyz").has_value());
    EXPECT_EQ(tok.idToToken(3186), "\xE2\x96\x81" "world");
    EXPECT_EQ(tok.idToToken(-1), "");
}

TEST(SentencePieceTokenizer, MissingOrGarbageFileNamesTheFile) {
    srllm::test::ScratchDir dir;
    try {
        SentencePieceTokenizer tok(dir / "tokenizer.model");
        FAIL() << "no error for a missing file";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("tokenizer.model"), std::string::npos) << e.what();
    }
    std::ofstream(dir / "garbage.model") << "this is not a protobuf";
    EXPECT_THROW(SentencePieceTokenizer(dir / "garbage.model"), InputError);
}
