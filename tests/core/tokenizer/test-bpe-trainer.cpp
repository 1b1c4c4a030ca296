// Byte-level BPE trainer: the textbook "aaabdaaabac" merges (worked by hand below), agreement with a naive
// full-recount trainer written here, round trips on random UTF-8, and save/reload.
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/tokenizer/bpe-tokenizer.h"
#include "core/tokenizer/bpe-trainer.h"
#include "core/tokenizer/byte-level.h"
#include "core/tokenizer/tokenizer-loader.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

std::vector<std::string> mergeStrings(const BpeTokenizerSpec& spec) {
    std::vector<std::string> out;
    for (auto [l, r] : spec.model.merges) out.push_back(spec.model.tokens[l] + " " + spec.model.tokens[r]);
    return out;
}

// A corpus with repetition (so merges have counts), several scripts and whitespace runs.
std::vector<std::string> sampleCorpus() {
    std::vector<std::string> corpus;
    const std::vector<std::string> base = {
        "The annotators labelled the text as biased and rewrote it.",
        "A benign rewrite keeps the meaning but drops the stereotype.\n",
        "Toxicity: none, mild, high.  Harm: low, medium, high.",
        "Café déjà vu — naïve résumé. Straße, русский текст, 日本語のテキスト。",
        "numbers 12345 and 2024-11-27; emoji 🙂👍🏽\n\n",
    };
    for (int k = 0; k < 20; ++k) {
        for (const auto& s : base) corpus.push_back(s + " " + std::to_string(k % 7));
    }
    return corpus;
}

BpeTokenizerSpec trainOn(const std::vector<std::string>& corpus, BpeTrainerOptions options) {
    BpeTrainer trainer(std::move(options));
    for (const auto& text : corpus) trainer.addText(text);
    auto spec = trainer.train();
    EXPECT_TRUE(spec.has_value());
    return std::move(*spec);
}

// Reference: recount every pair over all words before each merge (slow but obviously right).
std::vector<std::string> naiveMerges(const std::vector<std::string>& corpus, size_t merges) {
    std::map<std::vector<std::string>, int64_t> words;
    for (const auto& text : corpus) {
        std::vector<std::string_view> pieces;
        splitByPattern(text, SplitPattern::Gpt2, pieces);
        for (auto p : pieces) {
            std::vector<std::string> symbols;
            for (char c : p) symbols.push_back(byteToUnicode()[static_cast<unsigned char>(c)]);
            ++words[symbols];
        }
    }
    // Ids as the trainer assigns them (bytes in code point order, merged tokens after) decide ties.
    std::map<std::string, int64_t> id;
    std::vector<std::string> alphabet(byteToUnicode().begin(), byteToUnicode().end());
    std::sort(alphabet.begin(), alphabet.end());
    for (const auto& a : alphabet) id.emplace(a, static_cast<int64_t>(id.size()));
    std::vector<std::string> out;
    while (out.size() < merges) {
        std::map<std::pair<int64_t, int64_t>, std::pair<int64_t, std::pair<std::string, std::string>>> counts;
        for (const auto& [symbols, count] : words) {
            for (size_t i = 0; i + 1 < symbols.size(); ++i) {
                auto& c = counts[{id[symbols[i]], id[symbols[i + 1]]}];
                c.first += count;
                c.second = {symbols[i], symbols[i + 1]};
            }
        }
        const std::pair<std::string, std::string>* best = nullptr;
        int64_t bestCount = 1;  // min frequency 2
        for (const auto& [ids, c] : counts) {
            if (c.first > bestCount) bestCount = c.first, best = &c.second;  // map order: smallest ids win ties
        }
        if (!best) break;
        const auto [a, b] = *best;
        out.push_back(a + " " + b);
        id.emplace(a + b, static_cast<int64_t>(id.size()));
        std::map<std::vector<std::string>, int64_t> next;
        for (const auto& [symbols, count] : words) {
            std::vector<std::string> merged;
            for (size_t i = 0; i < symbols.size(); ++i) {
                if (i + 1 < symbols.size() && symbols[i] == a && symbols[i + 1] == b) merged.push_back(a + b), ++i;
                else merged.push_back(symbols[i]);
            }
            next[merged] += count;
        }
        words = std::move(next);
    }
    return out;
}

std::string randomUtf8(std::mt19937& rng, size_t chars) {
    std::uniform_int_distribution<int> kind(0, 5);
    std::string s;
    for (size_t i = 0; i < chars; ++i) {
        char32_t cp = 0;
        switch (kind(rng)) {
        case 0: cp = std::uniform_int_distribution<char32_t>(0x20, 0x7E)(rng); break;
        case 1: cp = std::uniform_int_distribution<char32_t>(0x01, 0x1F)(rng); break;
        case 2: cp = std::uniform_int_distribution<char32_t>(0xA0, 0x7FF)(rng); break;
        case 3: cp = std::uniform_int_distribution<char32_t>(0x800, 0xD7FF)(rng); break;
        case 4: cp = std::uniform_int_distribution<char32_t>(0xE000, 0xFFFD)(rng); break;
        default: cp = std::uniform_int_distribution<char32_t>(0x10000, 0x10FFFF)(rng); break;
        }
        appendUtf8(cp, s);
    }
    return s;
}

}  // namespace

TEST(BpeTrainer, TextbookExampleGivesTheHandComputedMerges) {
    // "aaabdaaabac" is one pre-token. Pair counts: aa 4, ab 2, ... -> merge "a a" (aaabd... -> Z a b d Z a b a c).
    // Then ab 2 and (aa)a 2 tie; ids decide: a(64) b(65) < aa(256) a(64) -> merge "a b" -> Z Y d Z Y a c.
    // Then (aa)(ab) 2 -> merge "aa ab". The vocabulary is then full: 256 bytes + 3 merges.
    BpeTrainerOptions options;
    options.specialTokens = {};
    options.vocabSize = 259;
    const BpeTokenizerSpec spec = trainOn({"aaabdaaabac"}, options);
    EXPECT_EQ(mergeStrings(spec), (std::vector<std::string>{"a a", "a b", "aa ab"}));
    const BpeTokenizer tok(spec);
    const auto ids = tok.encode("aaabdaaabac");
    std::vector<std::string> pieces;
    for (int64_t id : ids) pieces.push_back(tok.idToToken(id));
    EXPECT_EQ(pieces, (std::vector<std::string>{"aaab", "d", "aaab", "a", "c"}));
}

TEST(BpeTrainer, IncrementalCountsAgreeWithNaiveRecount) {
    const auto corpus = sampleCorpus();
    BpeTrainerOptions options;
    options.specialTokens = {};
    options.vocabSize = 256 + 120;
    const auto merges = mergeStrings(trainOn(corpus, options));
    ASSERT_EQ(merges.size(), 120u);
    EXPECT_EQ(merges, naiveMerges(corpus, 120));
}

TEST(BpeTrainer, StopsAtVocabSizeOrWhenPairsAreRarerThanMinFrequency) {
    BpeTrainerOptions options;
    options.vocabSize = 300;
    EXPECT_EQ(trainOn(sampleCorpus(), options).model.tokens.size(), 300u);
    options.vocabSize = 100000;
    options.minFrequency = 1000;  // no pair in the sample occurs that often
    EXPECT_TRUE(trainOn(sampleCorpus(), options).model.merges.empty());
}

TEST(BpeTrainer, RoundTripsArbitraryUtf8) {
    BpeTrainerOptions options;
    options.vocabSize = 400;
    const BpeTokenizer tok(trainOn(sampleCorpus(), options));
    std::mt19937 rng(4);
    for (int k = 0; k < 200; ++k) {
        const std::string text = randomUtf8(rng, 1 + static_cast<size_t>(k % 40));
        EXPECT_EQ(tok.decode(tok.encode(text)), text);
    }
    EXPECT_EQ(tok.decode(tok.encode("<|endoftext|>after")), "after");  // special: id 0, skipped
    EXPECT_EQ(tok.encode("<|endoftext|>").front(), 0);
}

TEST(BpeTrainer, SavedTokenizerReloadsToTheSameIds) {
    BpeTrainerOptions options;
    options.vocabSize = 350;
    options.specialTokens = {"<|endoftext|>", "<pad>"};
    const BpeTokenizerSpec spec = trainOn(sampleCorpus(), options);
    const BpeTokenizer trained(spec);
    srllm::test::ScratchDir dir;
    saveTrainedTokenizer(spec, dir.path());
    const auto loaded = loadTokenizer(dir.path());
    for (const auto& text : sampleCorpus()) EXPECT_EQ(loaded->encode(text), trained.encode(text)) << text;
    EXPECT_EQ(loaded->vocabSize(), 350);
    EXPECT_EQ(loaded->eosId(), 0);
    EXPECT_EQ(loaded->padId(), 1);
}

TEST(BpeTrainer, ProgressCanCancel) {
    BpeTrainer trainer(BpeTrainerOptions{});
    for (const auto& text : sampleCorpus()) trainer.addText(text);
    int64_t calls = 0;
    EXPECT_FALSE(trainer.train([&](int64_t, int64_t) { return ++calls < 5; }).has_value());
    EXPECT_EQ(calls, 5);
}

TEST(BpeTrainer, CountsLinesOfAStream) {
    BpeTrainerOptions options;
    options.specialTokens = {};
    options.vocabSize = 259;
    BpeTrainer trainer(options);
    std::istringstream in("aaabdaaabac\naaabdaaabac");
    EXPECT_EQ(trainer.addLines(in), 2);
    EXPECT_EQ(mergeStrings(*trainer.train()).front(), "a a");
}

TEST(BpeTrainer, RejectsAVocabularyTooSmallForTheBytes) {
    BpeTrainerOptions options;
    options.vocabSize = 200;
    try {
        BpeTrainer trainer(options);
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().field, "vocab-size");
    }
}
