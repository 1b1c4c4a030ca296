// BPE tokenizer: GPT-2 ids against tests/data/gpt2-golden.tsv (written by gpt2-reference-tokenize.py, an
// independent Python port of openai/gpt-2 encoder.py), plus added tokens and decoding on small specs.
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/tokenizer/bpe-tokenizer.h"
#include "golden-tsv.h"

using namespace srllm::core;

namespace {

std::unique_ptr<BpeTokenizer> gpt2(const std::filesystem::path& dir) {
    return BpeTokenizer::fromVocabMerges(dir / "encoder.json", dir / "vocab.bpe");
}

}  // namespace

TEST(BpeTokenizer, Gpt2KnownIds) {
    SRLLM_REQUIRE_SHARED(dir, "tokenizers/gpt2/encoder.json");
    const auto tok = gpt2(dir.parent_path());
    EXPECT_EQ(tok->encode("Hello world"), (std::vector<int64_t>{15496, 995}));
    EXPECT_EQ(tok->encode(" Hello world"), (std::vector<int64_t>{18435, 995}));
    EXPECT_EQ(tok->encode("Hello, world!"), (std::vector<int64_t>{15496, 11, 995, 0}));
    EXPECT_EQ(tok->vocabSize(), 50257);
}

TEST(BpeTokenizer, Gpt2MatchesReferenceOnVariedTexts) {
    SRLLM_REQUIRE_SHARED(dir, "tokenizers/gpt2/encoder.json");
    const auto tok = gpt2(dir.parent_path());
    const auto rows = srllm::test::readGoldenTsv("gpt2-golden.tsv");
    ASSERT_GE(rows.size(), 20u) << "tests/data/gpt2-golden.tsv missing or short";
    for (const auto& row : rows) {
        ASSERT_EQ(row.size(), 2u);
        const std::string text = srllm::test::unescapeGolden(row[0]);
        const auto ids = tok->encode(text);
        EXPECT_EQ(ids, srllm::test::parseNumbers(row[1])) << row[0];
        EXPECT_EQ(tok->decode(ids), text) << row[0];
    }
}

TEST(BpeTokenizer, Gpt2EndOfTextIsMatchedAsOneSpecialToken) {
    SRLLM_REQUIRE_SHARED(dir, "tokenizers/gpt2/encoder.json");
    const auto tok = gpt2(dir.parent_path());
    // "Hello" 15496, <|endoftext|> 50256, " world" 995 (ids from gpt2-golden.tsv's known values).
    const auto ids = tok->encode("Hello<|endoftext|> world");
    EXPECT_EQ(ids, (std::vector<int64_t>{15496, 50256, 995}));
    EXPECT_EQ(tok->decode(ids), "Hello world");
    EXPECT_EQ(tok->decode(ids, false), "Hello<|endoftext|> world");
    EXPECT_EQ(tok->tokenToId("Ġworld"), 995);
    EXPECT_EQ(tok->idToToken(995), "Ġworld");
    EXPECT_EQ(tok->idToToken(1 << 20), "");
}

TEST(BpeTokenizer, Gpt2RoundTripsInvalidUtf8BytesLossily) {
    SRLLM_REQUIRE_SHARED(dir, "tokenizers/gpt2/encoder.json");
    const auto tok = gpt2(dir.parent_path());
    // Byte-level BPE encodes any bytes; decoding replaces the invalid one by U+FFFD.
    EXPECT_EQ(tok->decode(tok->encode("a\xff b")), "a\xEF\xBF\xBD b");
}

namespace {

// A tiny metaspace + byte-fallback tokenizer (Llama 2 layout) with hand-chosen merges:
// "▁" + "a" -> "▁a", "b" + "c" -> "bc", "▁a" + "bc" -> "▁abc".
BpeTokenizerSpec tinyMetaspaceSpec() {
    BpeTokenizerSpec spec;
    spec.model.tokens = {"<unk>", "<s>", "</s>"};
    for (int b = 0; b < 256; ++b) {
        char name[8];
        std::snprintf(name, sizeof name, "<0x%02X>", b);
        spec.model.tokens.emplace_back(name);
    }
    const int32_t base = static_cast<int32_t>(spec.model.tokens.size());  // 259
    for (const char* t : {kMetaspace, "a", "b", "c", "\xE2\x96\x81" "a", "bc", "\xE2\x96\x81" "abc"})
        spec.model.tokens.emplace_back(t);
    spec.model.merges = {{base, base + 1}, {base + 2, base + 3}, {base + 4, base + 5}};
    spec.model.byteFallback = true;
    spec.model.unk = 0;
    spec.specials.unk = 0;
    spec.specials.bos = 1;
    spec.specials.eos = 2;
    spec.specials.prefix = {1};
    spec.addedTokens = {{0, "<unk>"}, {1, "<s>"}, {2, "</s>"}};
    spec.normalizer = {{NormalizerStep::Kind::Prepend, kMetaspace, ""},
                       {NormalizerStep::Kind::Replace, " ", kMetaspace}};
    DecoderStep replace{DecoderStep::Kind::Replace, kMetaspace, " "};
    DecoderStep byteFallback{DecoderStep::Kind::ByteFallback, "", ""};
    DecoderStep fuse{DecoderStep::Kind::Fuse, "", ""};
    DecoderStep strip{DecoderStep::Kind::Strip, " ", "", 1, 0};
    spec.decoder = {replace, byteFallback, fuse, strip};
    return spec;
}

}  // namespace

TEST(BpeTokenizer, MetaspaceMergesAndByteFallback) {
    const BpeTokenizer tok(tinyMetaspaceSpec());
    // "abc a" -> "▁abc▁a": merges by rank give ▁abc (265) and ▁a (263); BOS first.
    EXPECT_EQ(tok.encode("abc a"), (std::vector<int64_t>{1, 265, 263}));
    // "é" is not in the vocabulary: its UTF-8 bytes C3 A9 become <0xC3> (3+0xC3) and <0xA9> (3+0xA9).
    EXPECT_EQ(tok.encode("é", false), (std::vector<int64_t>{259, 3 + 0xC3, 3 + 0xA9}));
    EXPECT_EQ(tok.decode(tok.encode("abc é a")), "abc é a");
    EXPECT_EQ(tok.decode(tok.encode("abc"), false), "<s> abc");
}

TEST(BpeTokenizer, AddedTokensAreMatchedLongestFirstWithStripFlags) {
    BpeTokenizerSpec spec = tinyMetaspaceSpec();
    spec.addedTokens.push_back({1000, "<a>", true, false, true});  // rstrip: swallows the spaces after it
    spec.addedTokens.push_back({1001, "<a><b>", false, true});     // longer, lstrip, not special
    const BpeTokenizer tok(std::move(spec));
    EXPECT_EQ(tok.vocabSize(), 1002);
    EXPECT_EQ(tok.encode("<a>  a", false), (std::vector<int64_t>{1000, 263}));
    EXPECT_EQ(tok.encode("a <a><b>", false), (std::vector<int64_t>{263, 1001}));
    EXPECT_EQ(tok.decode({1000, 1001}), "<a><b>");  // <a> is special and skipped; <a><b> is not
}

TEST(BpeTokenizer, AddedTokenClashingWithVocabularyIsRejected) {
    BpeTokenizerSpec spec = tinyMetaspaceSpec();
    spec.addedTokens.push_back({5, "<oops>"});
    EXPECT_THROW(BpeTokenizer{std::move(spec)}, InputError);
}
