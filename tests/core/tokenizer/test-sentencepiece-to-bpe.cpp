// The metaspace + byte-fallback BPE path, checked against libsentencepiece: the Llama 2 tokenizer.model is
// converted to a tokenizer.json (as Hugging Face's LlamaConverter does), reloaded, and must give the same
// ids as SentencePiece itself on a varied set, including characters absent from the vocabulary.
#include <gtest/gtest.h>

#include "core/tokenizer/bpe-tokenizer.h"
#include "core/tokenizer/sentencepiece-to-bpe.h"
#include "reference/sentencepiece-tokenizer.h"
#include "core/tokenizer/tokenizer-json-writer.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

const std::vector<std::string> kTexts = {
    "Hello world!",
    "I'm sure they've said it's 'fine'; we'll see.",
    "  multiple   spaces  here  ",
    "tabs\tand\nnewlines\n\nend\n",
    "Mixed\r\nCRLF\r\n",
    "Café déjà vu — naïve résumé, coöperate",
    "Straße Ελληνικά русский עברית العربية हिन्दी",
    "日本語のテキストと中文字符，标点。",
    "emoji 🙂👍🏽 and family 👨‍👩‍👧 ok 🦜",
    "rare: 𠜎 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Ꙋ ᚠᚢᚦ",  // not in the vocabulary: byte fallback
    "numbers 12345 3.14159 1,000,000 ١٢٣",
    "code: for (int i = 0; i < n; ++i) { x += y[i]; }",
    "The quick brown fox jumps over the lazy dog. antidisestablishmentarianism",
    "[INST] <<SYS>> You are a helpful assistant. <</SYS>> Rewrite this. [/INST]",
    " leading space",
    "x",
};

}  // namespace

TEST(SentencePieceToBpe, ConvertedLlama2MatchesSentencePiece) {
    SRLLM_REQUIRE_SHARED(file, "tokenizers/llama2/tokenizer.model");
    const SentencePieceConversion conversion = convertSentencePieceToBpe(file);
    for (const auto& w : conversion.warnings) ADD_FAILURE() << formatDiagnostic(w);
    srllm::test::ScratchDir dir;
    writeTokenizerJson(conversion.spec, dir / "tokenizer.json");
    const auto bpe = BpeTokenizer::fromTokenizerJson(dir / "tokenizer.json");
    const SentencePieceTokenizer sp(file);
    EXPECT_EQ(bpe->vocabSize(), sp.vocabSize());
    EXPECT_EQ(bpe->bosId(), 1);
    for (const std::string& text : kTexts) {
        const auto ids = sp.encode(text);
        EXPECT_EQ(bpe->encode(text), ids) << text;
        EXPECT_EQ(bpe->decode(ids), sp.decode(ids)) << text;
    }
}

TEST(SentencePieceToBpe, ByteFallbackIsUsedForCharactersOutsideTheVocabulary) {
    SRLLM_REQUIRE_SHARED(file, "tokenizers/llama2/tokenizer.model");
    const BpeTokenizer bpe(convertSentencePieceToBpe(file).spec);
    // U+2070E is F0 A0 9C 8E in UTF-8; Llama 2's <0xNN> pieces have id 3 + NN.
    const auto ids = bpe.encode("\xF0\xA0\x9C\x8E", false);
    ASSERT_GE(ids.size(), 4u);
    EXPECT_EQ(std::vector<int64_t>(ids.end() - 4, ids.end()),
              (std::vector<int64_t>{3 + 0xF0, 3 + 0xA0, 3 + 0x9C, 3 + 0x8E}));
}

TEST(SentencePieceToBpe, NonSentencePieceFileIsRejected) {
    srllm::test::ScratchDir dir;
    EXPECT_THROW(convertSentencePieceToBpe(dir / "missing.model"), InputError);
}
