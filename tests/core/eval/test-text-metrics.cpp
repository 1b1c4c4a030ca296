// Tests core/eval/text-metrics (and through it language-model-perplexity and length-entropy): perplexity
// against word-by-word scores from python3-sphinxbase (tests/data/eval/make-perplexity-golden.py), CLEN
// by hand, and the stated results for bad input: an empty text, 100,000 words, invalid UTF-8.
#include <cmath>
#include <filesystem>

#include <gtest/gtest.h>

#include "core/eval/length-entropy.h"
#include "core/eval/text-metrics.h"
#include "support/csv-records.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

const TextMetricsEngine* engine() {
    static const std::unique_ptr<TextMetricsEngine> instance = []() -> std::unique_ptr<TextMetricsEngine> {
        const auto r = defaultEvalResources();
        for (const auto& path : {r.vaderLexicon, r.cmuDictionary, r.hyphenationPatterns, r.languageModel})
            if (!std::filesystem::exists(path)) return nullptr;
        return std::make_unique<TextMetricsEngine>(r);
    }();
    return instance.get();
}

#define REQUIRE_ENGINE() \
    if (!engine()) GTEST_SKIP() << "a metric resource is absent (scripts/install-deps.sh, ../shared/data)"

}  // namespace

TEST(LengthEntropy, ShannonEntropyOfLengthsByHand) {
    EXPECT_DOUBLE_EQ(lengthEntropyBits({3, 3, 3}), 0.0);
    EXPECT_DOUBLE_EQ(lengthEntropyBits({1, 2}), 1.0);
    EXPECT_DOUBLE_EQ(lengthEntropyBits({1, 2, 3, 4}), 2.0);
    EXPECT_NEAR(lengthEntropyBits({2, 2, 5}), -(2.0 / 3) * std::log2(2.0 / 3) - (1.0 / 3) * std::log2(1.0 / 3), 1e-15);
    EXPECT_TRUE(std::isnan(lengthEntropyBits({})));
}

TEST(TextMetrics, PerplexityMatchesSphinxbaseWordByWord) {
    REQUIRE_ENGINE();
    SRLLM_REQUIRE_SHARED(paradetox, "paradetox/paradetox.tsv");
    const auto golden = srllm::test::readCsvRecords(srllm::test::sourceDir() / "tests/data/eval/perplexity-golden.tsv", '\t');
    const auto rows = srllm::test::readCsvRecords(paradetox, '\t');
    ASSERT_GT(golden.size(), 400u);
    for (size_t i = 1; i < golden.size(); ++i) {
        const auto& g = golden[i].fields;
        std::string text = g[0];
        if (text.starts_with("paradetox:")) {  // paradetox:ROW:COLUMN
            const size_t row = std::stoul(text.substr(10));
            text = rows.at(row + 1).fields.at(text.ends_with(":toxic") ? 0 : 1);
        }
        const auto m = engine()->compute(text);
        EXPECT_NEAR(m.fluency.lnProbability, std::stod(g[1]), 1e-6) << text;
        EXPECT_EQ(m.fluency.scoredTokens, std::stoll(g[2])) << text;
        EXPECT_EQ(m.fluency.outOfVocabulary, std::stoll(g[3])) << text;
        EXPECT_NEAR(m.fluency.perplexity, std::exp(-std::stod(g[1]) / std::stod(g[2])), 1e-6 * m.fluency.perplexity);
    }
}

TEST(TextMetrics, ShuffledWordsAreLessFluent) {
    REQUIRE_ENGINE();
    EXPECT_LT(engine()->compute("I don't know what you mean.").fluency.perplexity,
              engine()->compute("mean you what know don't I.").fluency.perplexity);
}

TEST(TextMetrics, EmptyTextGetsZeroSentimentAndNoScores) {
    REQUIRE_ENGINE();
    const auto m = engine()->compute("");
    EXPECT_EQ(m.words, 0);
    EXPECT_EQ(m.sentiment.compound, 0.0);
    EXPECT_EQ(m.sentimentClass, SentimentClass::Neutral);
    EXPECT_TRUE(std::isnan(m.lengthEntropy));
    EXPECT_TRUE(std::isnan(m.readability.fleschReadingEase));
    EXPECT_TRUE(std::isnan(m.fluency.perplexity));
    const auto json = TextMetricsEngine::toJson(m);
    EXPECT_TRUE(json["perplexity"].is_null());
    EXPECT_TRUE(json["flesch_reading_ease"].is_null());
    EXPECT_EQ(json["sentiment"], "neutral");
}

TEST(TextMetrics, HundredThousandWordTextIsScoredInFull) {
    REQUIRE_ENGINE();
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "The workers did a great job. ";  // 6 words a sentence
    const auto m = engine()->compute(text);
    EXPECT_EQ(m.words, 120000);
    EXPECT_EQ(m.counts.sentences, 20000);
    EXPECT_TRUE(std::isfinite(m.fluency.perplexity));
    EXPECT_EQ(m.fluency.scoredTokens, 120001);
    EXPECT_GT(m.sentiment.compound, 0.99);  // VADER's sum saturates towards 1
    EXPECT_NEAR(m.readability.fleschKincaidGrade, engine()->compute("The workers did a great job.").readability.fleschKincaidGrade, 1e-9);
}

TEST(TextMetrics, InvalidUtf8BytesReadAsReplacementCharacters) {
    REQUIRE_ENGINE();
    const auto broken = engine()->compute("good \xff\xfe day");
    const auto clean = engine()->compute("good \xEF\xBF\xBD\xEF\xBF\xBD day");  // the same with U+FFFD written out
    EXPECT_EQ(broken.words, clean.words);
    EXPECT_DOUBLE_EQ(broken.sentiment.compound, clean.sentiment.compound);
    EXPECT_DOUBLE_EQ(broken.fluency.perplexity, clean.fluency.perplexity);
}

TEST(TextMetrics, EveryValueNamesItsMethod) {
    const auto methods = TextMetricsEngine::methods();
    for (const char* id : {"vader", "clen", "readability", "lm-perplexity"}) {
        ASSERT_TRUE(methods.contains(id)) << id;
        EXPECT_GE(methods[id]["version"].get<int>(), 1);
        EXPECT_FALSE(methods[id]["method"].get<std::string>().empty());
    }
}
