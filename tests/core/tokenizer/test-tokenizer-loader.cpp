// loadTokenizer: which file of a model folder wins, the config files that adjust special tokens, the
// errors for empty folders and bad configs, and copying a tokenizer into a new model folder.
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/tokenizer/bpe-tokenizer.h"
#include "core/tokenizer/bpe-trainer.h"
#include "reference/sentencepiece-tokenizer.h"
#include "core/tokenizer/tokenizer-loader.h"
#include "support/test-data.h"

using namespace srllm::core;
using testing::HasSubstr;

namespace fs = std::filesystem;

TEST(TokenizerLoader, Gpt2VocabAndMergesWithEndOfTextAsBosAndEos) {
    SRLLM_REQUIRE_SHARED(encoder, "tokenizers/gpt2/encoder.json");
    srllm::test::ScratchDir dir;
    fs::copy_file(encoder, dir / "vocab.json");  // a copy: links out of a model folder are refused (#12)
    fs::copy_file(encoder.parent_path() / "vocab.bpe", dir / "merges.txt");
    const auto tok = loadTokenizer(dir.path());
    EXPECT_NE(dynamic_cast<BpeTokenizer*>(tok.get()), nullptr);
    EXPECT_EQ(tok->encode("Hello world"), (std::vector<int64_t>{15496, 995}));  // GPT-2 adds no BOS
    EXPECT_EQ(tok->bosId(), 50256);
    EXPECT_EQ(tok->eosId(), 50256);
}

TEST(TokenizerLoader, OpenAisGpt2ReleaseFolderLoadsAsIs) {
    SRLLM_REQUIRE_SHARED(encoder, "tokenizers/gpt2/encoder.json");
    const auto tok = loadTokenizer(encoder.parent_path());  // encoder.json + vocab.bpe, read in place
    EXPECT_EQ(tok->encode("Hello world"), (std::vector<int64_t>{15496, 995}));
    srllm::test::ScratchDir dir;
    const auto copied = copyTokenizerFiles(encoder.parent_path(), dir / "model");
    EXPECT_EQ(copied.size(), 2u);
    EXPECT_EQ(loadTokenizer(dir / "model")->encode(" don't"), (std::vector<int64_t>{836, 470}));
}

TEST(TokenizerLoader, SentencePieceModelFollowsTokenizerConfig) {
    SRLLM_REQUIRE_SHARED(model, "tokenizers/llama2/tokenizer.model");
    srllm::test::ScratchDir dir;
    fs::copy_file(model, dir / "tokenizer.model");
    EXPECT_EQ(loadTokenizer(dir.path())->encode("Hello world!"), (std::vector<int64_t>{1, 15043, 3186, 29991}));
    std::ofstream(dir / "tokenizer_config.json")
        << R"({"add_bos_token": false, "add_eos_token": true, "bos_token": {"content": "<s>", "lstrip": false}})";
    std::ofstream(dir / "generation_config.json") << R"({"pad_token_id": 0, "eos_token_id": [2]})";
    const auto tok = loadTokenizer(dir.path());
    EXPECT_NE(dynamic_cast<srllm::core::BpeTokenizer*>(tok.get()), nullptr);
    EXPECT_EQ(tok->encode("Hello world!"), (std::vector<int64_t>{15043, 3186, 29991, 2}));
    EXPECT_EQ(tok->padId(), 0);
}

TEST(TokenizerLoader, TokenizerJsonWinsOverOtherFiles) {
    SRLLM_REQUIRE_SHARED(model, "tokenizers/llama2/tokenizer.model");
    srllm::test::ScratchDir dir;
    BpeTrainerOptions options;
    options.vocabSize = 260;
    BpeTrainer trainer(options);
    trainer.addText("some text to learn from, some text");
    saveTrainedTokenizer(*trainer.train(), dir.path());
    fs::copy_file(model, dir / "tokenizer.model");
    const auto tok = loadTokenizer(dir.path());
    EXPECT_NE(dynamic_cast<BpeTokenizer*>(tok.get()), nullptr);
    EXPECT_EQ(tok->vocabSize(), 260);
}

TEST(TokenizerLoader, EmptyOrMissingFolderSaysWhatWasLookedFor) {
    srllm::test::ScratchDir dir;
    try {
        loadTokenizer(dir.path());
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().file, dir.path().string());
        EXPECT_THAT(e.diagnostic().message, HasSubstr("tokenizer.json, vocab.json + merges.txt (or OpenAI's encoder.json + vocab.bpe) and tokenizer.model"));
    }
    EXPECT_THROW(loadTokenizer(dir / "nope"), InputError);
}

TEST(TokenizerLoader, ConfiguredTokenMissingFromTheVocabularyIsAnError) {
    SRLLM_REQUIRE_SHARED(model, "tokenizers/llama2/tokenizer.model");
    srllm::test::ScratchDir dir;
    fs::copy_file(model, dir / "tokenizer.model");
    std::ofstream(dir / "special_tokens_map.json") << R"({"pad_token": "<my-pad>"})";
    try {
        loadTokenizer(dir.path());
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_THAT(e.diagnostic().file, HasSubstr("special_tokens_map.json"));
        EXPECT_EQ(e.diagnostic().field, "pad_token");
    }
    std::ofstream(dir / "special_tokens_map.json") << R"({"pad_token": )";
    EXPECT_THROW(loadTokenizer(dir.path()), InputError);
}

TEST(TokenizerLoader, CopyPutsTheTokenizerFilesIntoANewModelFolder) {
    SRLLM_REQUIRE_SHARED(model, "tokenizers/llama2/tokenizer.model");
    srllm::test::ScratchDir dir;
    fs::create_directories(dir / "base");
    fs::copy_file(model, dir / "base" / "tokenizer.model");
    std::ofstream(dir / "base" / "tokenizer_config.json") << R"({"add_bos_token": true})";
    const auto written = copyTokenizerFiles(dir / "base", dir / "new-model");
    EXPECT_EQ(written.size(), 2u);
    EXPECT_TRUE(fs::is_regular_file(dir / "new-model" / "tokenizer.model"));
    EXPECT_EQ(loadTokenizer(dir / "new-model")->encode("Hello world!").front(), 1);
    EXPECT_THROW(copyTokenizerFiles(dir / "new-model" / "missing", dir / "x"), InputError);
}

TEST(TokenizerLoader, ErrorsNameTheFileInsideTheModelFolder) {
    // #12 (found by fuzzing): a tokenizer.model whose control piece is empty, and a generation_config.json id
    // outside the vocabulary, gave errors naming no file or only "generation_config.json".
    srllm::test::ScratchDir dir;
    const std::string piece = std::string("\x0a\x0e\x0a\x05<unk>\x15\0\0\0\0\x18\x02", 16) +  // <unk>, UNKNOWN
                              std::string("\x0a\x09\x0a\x00\x15\0\0\0\0\x18\x03", 11) +       // "", CONTROL
                              std::string("\x0a\x0a\x0a\x01" "a\x15\0\0\0\0\x18\x01", 12) +     // "a", NORMAL
                              std::string("\x12\x02\x18\x02", 4);                              // model_type BPE
    std::ofstream(dir / "tokenizer.model", std::ios::binary) << piece;
    try {
        loadTokenizer(dir.path());
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().file, (dir / "tokenizer.model").string());
        EXPECT_THAT(e.diagnostic().field, HasSubstr("added_tokens"));
    }
    fs::remove(dir / "tokenizer.model");
    BpeTrainerOptions options;
    options.vocabSize = 260;
    BpeTrainer trainer(options);
    trainer.addText("some text to learn from");
    saveTrainedTokenizer(*trainer.train(), dir.path());
    fs::remove(dir / "tokenizer_config.json");  // its eos_token would win over generation_config.json
    std::ofstream(dir / "generation_config.json") << R"({"eos_token_id": 99999})";
    try {
        loadTokenizer(dir.path());
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().file, (dir / "generation_config.json").string());
        EXPECT_EQ(e.diagnostic().field, "eos_token");
    }
    // An id past 2^63 was read as a negative number and reported as "-1 is outside the vocabulary".
    std::ofstream(dir / "generation_config.json") << R"({"eos_token_id": 18446744073709551615})";
    try {
        loadTokenizer(dir.path());
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().field, "eos_token_id");
        EXPECT_THAT(e.diagnostic().message, HasSubstr("out of range: 18446744073709551615"));
    }
}
