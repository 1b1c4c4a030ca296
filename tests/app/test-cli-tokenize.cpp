// `srllm tokenize` and `srllm tokenizer train|convert`, run as the real binary (SRLLM_CLI) on the shared
// GPT-2 and Llama 2 tokenizer files (linked into a scratch folder, never into the repository).
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/item-import.h"
#include "db/project.h"
#include "support/cli-run.h"
#include "support/test-data.h"
#include "support/vector-item-reader.h"

using srllm::test::runCli;
using srllm::test::shellQuote;
using testing::HasSubstr;

namespace {

// A model folder with GPT-2's files under their Hugging Face names.
void linkGpt2(const std::filesystem::path& encoder, const std::filesystem::path& dir) {
    std::filesystem::copy_file(encoder, dir / "vocab.json");  // links out of a model folder are refused (#12)
    std::filesystem::copy_file(encoder.parent_path() / "vocab.bpe", dir / "merges.txt");
}

}  // namespace

TEST(CliTokenize, PrintsGpt2Ids) {
    SRLLM_REQUIRE_SHARED(encoder, "tokenizers/gpt2/encoder.json");
    srllm::test::ScratchDir dir;
    linkGpt2(encoder, dir.path());
    const auto model = shellQuote(dir.path().string());
    auto run = runCli("tokenize --model " + model + " 'Hello, world!'");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_EQ(run.output, "15496 11 995 0\n");
    run = runCli("tokenize --model " + model + " --tokens ' Hello world'");
    EXPECT_EQ(run.output, "\xC4\xA0Hello \xC4\xA0world\n");  // "ĠHello Ġworld"
    run = runCli("tokenize --model " + model + " --decode '15496 995'");
    EXPECT_EQ(run.output, "Hello world\n");
}

TEST(CliTokenize, DashReadsStandardInput) {
    SRLLM_REQUIRE_SHARED(encoder, "tokenizers/gpt2/encoder.json");
    srllm::test::ScratchDir dir;
    linkGpt2(encoder, dir.path());
    std::ofstream(dir / "input.txt") << "Hello world";
    const auto run = runCli("tokenize --model " + shellQuote(dir.path().string()) + " - < " +
                            shellQuote((dir / "input.txt").string()));
    EXPECT_EQ(run.output, "15496 995\n");
}

TEST(CliTokenize, FolderWithoutTokenizerNamesTheFilesLookedFor) {
    srllm::test::ScratchDir dir;
    const auto run = runCli("tokenize --model " + shellQuote(dir.path().string()) + " hi");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr(dir.path().string()));
    EXPECT_THAT(run.output, HasSubstr("tokenizer.json, vocab.json + merges.txt (or OpenAI's encoder.json + vocab.bpe) and tokenizer.model"));
}

TEST(CliTokenize, BadIdsForDecodeAreRejected) {
    SRLLM_REQUIRE_SHARED(encoder, "tokenizers/gpt2/encoder.json");
    srllm::test::ScratchDir dir;
    linkGpt2(encoder, dir.path());
    const auto run = runCli("tokenize --model " + shellQuote(dir.path().string()) + " --decode '15496 x'");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("'x' is not a token id"));
}

TEST(CliTokenizer, TrainWritesATokenizerThatTokenizeLoads) {
    srllm::test::ScratchDir dir;
    {
        std::ofstream corpus(dir / "corpus.txt");
        for (int k = 0; k < 50; ++k) corpus << "the annotators rewrote the biased text, line " << k << "\n";
    }
    const auto out = shellQuote((dir / "tok").string());
    auto run = runCli("tokenizer train --corpus " + shellQuote((dir / "corpus.txt").string()) +
                      " --vocab-size 280 --out " + out);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("trained 280 tokens (23 merges)"));  // 280 - 256 bytes - 1 special
    EXPECT_TRUE(std::filesystem::exists(dir / "tok" / "tokenizer_config.json"));
    run = runCli("tokenize --model " + out + " --decode \"$(" + shellQuote(srllm::test::cliBinary()) +
                 " tokenize --model " + out + " 'the biased text')\"");
    EXPECT_EQ(run.output, "the biased text\n");
    run = runCli("tokenizer train --corpus " + shellQuote((dir / "corpus.txt").string()) + " --vocab-size 300 --out " + out);
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("already exists (hint: --force replaces it)"));
}

TEST(CliTokenizer, TrainLearnsFromAProjectsItems) {
    srllm::test::ScratchDir dir;
    const std::string path = (dir / "p.srllm").string();
    {
        auto project = srllm::db::Project::create(path);
        srllm::test::VectorItemReader reader(srllm::test::numberedRecords(0, 1500));  // "text 0" .. "text 1499"
        srllm::db::importItems(*project, reader, "numbers", {});
    }
    const auto run = runCli("tokenizer train --project " + shellQuote(path) + " --vocab-size 262 --out " +
                            shellQuote((dir / "tok").string()));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    // All 1500 items are read, more than one page of 1000; 262 = 256 bytes + 1 special + 5 merges.
    EXPECT_THAT(run.output, HasSubstr("trained 262 tokens (5 merges) from 1500 texts"));
}

TEST(CliTokenizer, TrainRejectsATooSmallVocabulary) {
    srllm::test::ScratchDir dir;
    std::ofstream(dir / "corpus.txt") << "text\n";
    const auto run = runCli("tokenizer train --corpus " + shellQuote((dir / "corpus.txt").string()) +
                            " --vocab-size 100 --out " + shellQuote((dir / "tok").string()));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("field 'vocab-size'"));
}

TEST(CliTokenizer, ConvertedLlama2TokenizerGivesTheKnownIds) {
    SRLLM_REQUIRE_SHARED(model, "tokenizers/llama2/tokenizer.model");
    srllm::test::ScratchDir dir;
    const auto out = shellQuote((dir / "llama").string());
    auto run = runCli("tokenizer convert --model " + shellQuote(model.string()) + " --out " + out);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    run = runCli("tokenize --model " + out + " 'Hello world!'");
    EXPECT_EQ(run.output, "1 15043 3186 29991\n");
}
