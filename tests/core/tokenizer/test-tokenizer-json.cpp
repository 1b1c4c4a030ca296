// tokenizer.json parsing (a Llama-3-shaped file written by hand after the Hugging Face layout), writing,
// and the errors for malformed files.
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/tokenizer/bpe-tokenizer.h"
#include "core/tokenizer/tokenizer-json-writer.h"
#include "core/tokenizer/tokenizer-json.h"
#include "support/test-data.h"

using namespace srllm::core;
using testing::HasSubstr;

namespace {

// Vocabulary: h i Ġ hi Ġhi Ġhih (5 is reachable only through ignore_merges); BOS added as id 6.
nlohmann::json llama3Shaped(bool ignoreMerges) {
    auto doc = nlohmann::json::parse(R"({
      "version": "1.0",
      "added_tokens": [{"id": 6, "content": "<|begin_of_text|>", "single_word": false, "lstrip": false,
                        "rstrip": false, "normalized": false, "special": true}],
      "normalizer": null,
      "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
          {"type": "Split", "pattern": {"Regex": ""}, "behavior": "Isolated", "invert": false},
          {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": false}]},
      "post_processor": {"type": "Sequence", "processors": [
          {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": false, "use_regex": true},
          {"type": "TemplateProcessing",
           "single": [{"SpecialToken": {"id": "<|begin_of_text|>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
           "pair": [],
           "special_tokens": {"<|begin_of_text|>": {"id": "<|begin_of_text|>", "ids": [6], "tokens": ["<|begin_of_text|>"]}}}]},
      "decoder": {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true},
      "model": {"type": "BPE", "dropout": null, "unk_token": null, "continuing_subword_prefix": null,
                "end_of_word_suffix": null, "fuse_unk": false, "byte_fallback": false, "ignore_merges": false,
                "vocab": {"h": 0, "i": 1, "Ġ": 2, "hi": 3, "Ġhi": 4, "Ġhih": 5},
                "merges": [["h", "i"], "Ġ hi"]}
    })");
    doc["pre_tokenizer"]["pretokenizers"][0]["pattern"]["Regex"] = std::string(splitPatternRegex(SplitPattern::Llama3));
    doc["model"]["ignore_merges"] = ignoreMerges;
    return doc;
}

// The diagnostic of the InputError that loading file throws.
Diagnostic loadError(const std::filesystem::path& file) {
    try {
        BpeTokenizer::fromTokenizerJson(file);
    } catch (const InputError& e) {
        return e.diagnostic();
    }
    ADD_FAILURE() << "no InputError for " << file;
    return {};
}

}  // namespace

TEST(TokenizerJson, ParsesALlama3ShapedFile) {
    srllm::test::ScratchDir dir;
    const auto file = writeFile(dir, "tokenizer.json", llama3Shaped(false).dump());
    const auto tok = BpeTokenizer::fromTokenizerJson(file);
    // " hih" is one Llama-3 pre-token; merges h+i then Ġ+hi give Ġhi, h.
    EXPECT_EQ(tok->encode("hi hih"), (std::vector<int64_t>{6, 3, 4, 0}));
    EXPECT_EQ(tok->bosId(), 6);
    EXPECT_EQ(tok->vocabSize(), 7);
    EXPECT_EQ(tok->decode(tok->encode("hi hih")), "hi hih");
}

TEST(TokenizerJson, IgnoreMergesTakesWholeWordsFromTheVocabulary) {
    srllm::test::ScratchDir dir;
    const auto tok = BpeTokenizer::fromTokenizerJson(writeFile(dir, "tokenizer.json", llama3Shaped(true).dump()));
    EXPECT_EQ(tok->encode("hi hih", false), (std::vector<int64_t>{3, 5}));
}

TEST(TokenizerJson, WrittenSpecReloadsToTheSameTokenizer) {
    srllm::test::ScratchDir dir;
    const auto original = BpeTokenizer::fromTokenizerJson(writeFile(dir, "in.json", llama3Shaped(true).dump()));
    const BpeTokenizerSpec spec = parseTokenizerJson(llama3Shaped(true), "in.json");
    writeTokenizerJson(spec, dir / "out.json");
    const auto reloaded = BpeTokenizer::fromTokenizerJson(dir / "out.json");
    for (const char* text : {"hi hih", "hih  hi\n", "<|begin_of_text|>hi"}) {
        EXPECT_EQ(reloaded->encode(text), original->encode(text)) << text;
    }
    EXPECT_EQ(reloaded->bosId(), 6);
}

TEST(TokenizerJson, MalformedJsonNamesFileAndLine) {
    srllm::test::ScratchDir dir;
    const auto d = loadError(writeFile(dir, "tokenizer.json", "{\n  \"model\": {\n    \"type\": \"BPE\",,\n"));
    EXPECT_THAT(d.file, HasSubstr("tokenizer.json"));
    EXPECT_EQ(d.line, 3);
    EXPECT_THAT(d.message, HasSubstr("malformed JSON"));
}

TEST(TokenizerJson, UnknownModelTypeIsRejected) {
    srllm::test::ScratchDir dir;
    auto doc = llama3Shaped(false);
    doc["model"]["type"] = "Unigram";
    const auto d = loadError(writeFile(dir, "tokenizer.json", doc.dump()));
    EXPECT_EQ(d.field, "model.type");
    EXPECT_THAT(d.message, HasSubstr("'Unigram'"));
}

TEST(TokenizerJson, MergeWithMissingTokenNamesTheEntry) {
    srllm::test::ScratchDir dir;
    auto doc = llama3Shaped(false);
    doc["model"]["merges"][1] = "Ġ zz";
    const auto d = loadError(writeFile(dir, "tokenizer.json", doc.dump()));
    EXPECT_EQ(d.field, "model.merges[1]");
    EXPECT_THAT(d.message, HasSubstr("'zz' is not in the vocabulary"));
}

TEST(TokenizerJson, UnsupportedComponentsAreNamed) {
    srllm::test::ScratchDir dir;
    auto doc = llama3Shaped(false);
    doc["pre_tokenizer"]["pretokenizers"][0]["pattern"]["Regex"] = "\\w+";
    EXPECT_EQ(loadError(writeFile(dir, "a.json", doc.dump())).field, "pre_tokenizer.pretokenizers[0].pattern");
    doc = llama3Shaped(false);
    doc["decoder"] = {{"type", "WordPiece"}};
    EXPECT_EQ(loadError(writeFile(dir, "b.json", doc.dump())).field, "decoder.type");
    doc = llama3Shaped(false);
    doc["model"]["vocab"]["h"] = "zero";
    EXPECT_EQ(loadError(writeFile(dir, "c.json", doc.dump())).field, "model.vocab.h");
    doc = llama3Shaped(false);
    doc["added_tokens"][0]["id"] = 1;  // clashes with "i"
    EXPECT_THAT(loadError(writeFile(dir, "d.json", doc.dump())).message, HasSubstr("is 'i' in the vocabulary"));
}

TEST(TokenizerJson, MergesTxtErrorsCarryTheLineNumber) {
    srllm::test::ScratchDir dir;
    const auto vocab = writeFile(dir, "vocab.json", R"({"h": 0, "i": 1, "hi": 2})");
    try {
        BpeTokenizer::fromVocabMerges(vocab, writeFile(dir, "merges.txt", "#version: 0.2\nh i\nh x\n"));
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().line, 3);
        EXPECT_THAT(e.diagnostic().message, HasSubstr("'x' is not in the vocabulary"));
    }
    EXPECT_THROW(BpeTokenizer::fromVocabMerges(vocab, writeFile(dir, "m2.txt", "h i j\n")), InputError);
    EXPECT_THROW(BpeTokenizer::fromVocabMerges(writeFile(dir, "v2.json", "[1, 2]"), dir / "merges.txt"), InputError);
}

TEST(TokenizerJson, IdsFarPastTheVocabularyAreRefusedNotAllocated) {
    // #12: an id of 4e9 resized the token table to 4e9 strings (an out-of-memory crash) before any check.
    srllm::test::ScratchDir dir;
    auto doc = llama3Shaped(false);
    doc["model"]["vocab"]["h"] = 4000000000LL;
    const auto vocabError = loadError(writeFile(dir, "a.json", doc.dump()));
    EXPECT_EQ(vocabError.field, "model.vocab.h");
    EXPECT_THAT(vocabError.message, HasSubstr("far beyond the 6 entries"));
    doc = llama3Shaped(false);
    doc["added_tokens"][0]["id"] = 1000000000000LL;
    const auto addedError = loadError(writeFile(dir, "b.json", doc.dump()));
    EXPECT_EQ(addedError.field, "added_tokens[0]");
    EXPECT_THAT(addedError.file, HasSubstr("b.json"));
    doc["added_tokens"][0]["id"] = 6 + kMaxVocabularyGap - 1;  // a hole below the limit is still allowed
    EXPECT_NO_THROW(BpeTokenizer::fromTokenizerJson(writeFile(dir, "c.json", doc.dump())));
    try {
        BpeTokenizer::fromVocabMerges(writeFile(dir, "vocab.json", R"({"h": 0, "i": 4000000000})"),
                                      writeFile(dir, "merges.txt", "h i\n"));
        ADD_FAILURE() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().field, "i");
        EXPECT_THAT(e.diagnostic().file, HasSubstr("vocab.json"));
    }
}

TEST(TokenizerJson, AnIdThatIsNotAnIntegerIsRefusedNamingTheField) {
    // #12: integer fields went through nlohmann's get<int64_t>: 2.5 became 2, 1e300 undefined behaviour.
    srllm::test::ScratchDir dir;
    for (const auto& id : {nlohmann::json(2.5), nlohmann::json(1e300), nlohmann::json("6")}) {
        auto doc = llama3Shaped(false);
        doc["added_tokens"][0]["id"] = id;
        const auto error = loadError(writeFile(dir, "d.json", doc.dump()));
        EXPECT_EQ(error.field, "added_tokens[0].id") << id;
        EXPECT_THAT(error.file, HasSubstr("d.json"));
    }
}

TEST(TokenizerJson, PostProcessorPartsOfTheWrongKindAreNamed) {
    // #12: found by fuzzing: a string where an array belongs escaped as nlohmann's type_error.
    srllm::test::ScratchDir dir;
    const std::vector<std::pair<nlohmann::json, std::string>> cases = {
        {{{"type", "Sequence"}, {"processors", "abc"}}, "post_processor.processors"},
        {{{"type", "TemplateProcessing"}, {"single", "xy"}}, "post_processor.single"},
        {{{"type", "TemplateProcessing"}, {"single", {1}}}, "post_processor.single[0]"},
        {{{"type", "TemplateProcessing"}, {"single", nlohmann::json::array()}, {"special_tokens", {1}}},
         "post_processor.special_tokens"},
    };
    for (const auto& [processor, field] : cases) {
        auto doc = llama3Shaped(false);
        doc["post_processor"] = processor;
        EXPECT_EQ(loadError(writeFile(dir, "tokenizer.json", doc.dump())).field, field) << processor.dump();
    }
}
