// `srllm model new` and `srllm generate`, run as the real binary on a tokenizer trained in the test.
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli-run.h"
#include "support/test-data.h"

using srllm::test::runCli;
using srllm::test::shellQuote;
using testing::HasSubstr;

namespace {

// A byte-level BPE trained on a few sentences: no shared data needed.
std::string trainTokenizer(const srllm::test::ScratchDir& dir) {
    std::ofstream corpus(dir / "corpus.txt");
    for (int i = 0; i < 50; ++i) corpus << "the old man walked to the market and bought fresh bread\n";
    corpus.close();
    const std::string out = shellQuote((dir / "tok").string());
    const auto run = runCli("tokenizer train --corpus " + shellQuote((dir / "corpus.txt").string()) +
                            " --vocab-size 300 --out " + out);
    EXPECT_EQ(run.exitCode, 0) << run.output;
    return out;
}

}  // namespace

TEST(CliModel, NewLlamaFolderHasTheRequestedShape) {
    srllm::test::ScratchDir dir;
    const std::string tok = trainTokenizer(dir);
    const auto run = runCli("model new " + shellQuote((dir / "m").string()) +
                            " --arch llama --layers 2 --dim 32 --heads 4 --kv-heads 2 --vocab 320 --tokenizer " + tok);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto config = nlohmann::json::parse(std::ifstream(dir / "m" / "config.json"));
    EXPECT_EQ(config["architectures"][0], "LlamaForCausalLM");
    EXPECT_EQ(config["num_hidden_layers"], 2);
    EXPECT_EQ(config["hidden_size"], 32);
    EXPECT_EQ(config["num_attention_heads"], 4);
    EXPECT_EQ(config["num_key_value_heads"], 2);
    EXPECT_EQ(config["vocab_size"], 320);
    EXPECT_THAT(run.output, HasSubstr("LlamaForCausalLM, 2 layers, dim 32, heads 4/2, vocab 320"));
    EXPECT_TRUE(std::filesystem::exists(dir / "m" / "model.safetensors"));
    EXPECT_TRUE(std::filesystem::exists(dir / "m" / "tokenizer.json"));
}

TEST(CliModel, GreedyGenerationIsReproducibleAndSeededSamplingToo) {
    srllm::test::ScratchDir dir;
    const std::string tok = trainTokenizer(dir);
    const std::string model = shellQuote((dir / "g").string());
    ASSERT_EQ(runCli("model new " + model + " --arch gpt2 --layers 1 --dim 32 --heads 2 --tokenizer " + tok).exitCode, 0);
    const auto a = runCli("generate --model " + model + " --max-new-tokens 8 'the old man'");
    const auto b = runCli("generate --model " + model + " --max-new-tokens 8 'the old man'");
    ASSERT_EQ(a.exitCode, 0) << a.output;
    EXPECT_EQ(a.output, b.output);
    const auto s1 = runCli("generate --model " + model + " --max-new-tokens 8 --temperature 1 --seed 7 'the old man'");
    const auto s2 = runCli("generate --model " + model + " --max-new-tokens 8 --temperature 1 --seed 7 'the old man'");
    ASSERT_EQ(s1.exitCode, 0) << s1.output;
    EXPECT_EQ(s1.output, s2.output);
}

TEST(CliModel, BadShapesAreRefusedNamingTheOption) {
    srllm::test::ScratchDir dir;
    const std::string tok = trainTokenizer(dir);
    auto run = runCli("model new " + shellQuote((dir / "x").string()) + " --dim 30 --heads 4 --tokenizer " + tok);
    EXPECT_NE(run.exitCode, 0);
    EXPECT_THAT(run.output, HasSubstr("--dim"));
    run = runCli("model new " + shellQuote((dir / "y").string()) + " --heads 4 --kv-heads 3 --tokenizer " + tok);
    EXPECT_NE(run.exitCode, 0);
    EXPECT_THAT(run.output, HasSubstr("--kv-heads"));
    run = runCli("model new " + shellQuote((dir / "z").string()) + " --arch bert --tokenizer " + tok);
    EXPECT_NE(run.exitCode, 0);
    EXPECT_THAT(run.output, HasSubstr("--arch"));
}

TEST(CliModel, PromptsFileInBatchesEqualsEachPromptAlone) {
    srllm::test::ScratchDir dir;
    const std::string tok = trainTokenizer(dir);
    const std::string model = shellQuote((dir / "l").string());
    ASSERT_EQ(runCli("model new " + model + " --arch llama --layers 2 --dim 32 --heads 4 --kv-heads 2 --tokenizer " + tok).exitCode, 0);
    const std::vector<std::string> texts = {"the old man", "bought fresh bread at the market", "walked"};
    std::ofstream(dir / "prompts.txt") << texts[0] << "\n" << texts[1] << "\n\n" << texts[2] << "\n";
    const std::string input = shellQuote((dir / "prompts.txt").string());
    // three ragged prompts in batches of two: the second batch holds one row
    const auto batched = runCli("generate --model " + model + " --max-new-tokens 10 --batch-size 2 --input " + input);
    ASSERT_EQ(batched.exitCode, 0) << batched.output;
    std::istringstream lines(batched.output);
    for (const auto& text : texts) {
        std::string line;
        ASSERT_TRUE(std::getline(lines, line));
        const auto row = nlohmann::json::parse(line);
        EXPECT_EQ(row["input"], text);
        EXPECT_EQ(row["finish_reason"], "length");
        const auto alone = runCli("generate --model " + model + " --max-new-tokens 10 " + shellQuote(text));
        EXPECT_EQ(row["output"].get<std::string>() + "\n", alone.output) << text;
    }
    const auto bad = runCli("generate --model " + model + " --decoder fast --input " + input);
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_THAT(bad.output, HasSubstr("--decoder"));
}
