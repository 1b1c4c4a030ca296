// Tests core/eval/bleu and the multi-reference and corpus forms of core/text/chrf against an independent
// Python implementation of sacrebleu 2.x's defaults (tests/data/eval/make-quality-golden.py): tokenizer
// corner cases written here, and ParaDetox's first 1,000 toxic sentences against their neutral rewrites.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/eval/bleu.h"
#include "core/text/chrf.h"
#include "support/csv-records.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

struct Pair {
    std::string hypothesis;
    std::vector<std::string> references;
};

std::vector<Pair> paradetoxPairs(const std::filesystem::path& path, size_t limit) {
    std::vector<Pair> pairs;
    const auto records = srllm::test::readCsvRecords(path, '\t');
    for (size_t i = 1; i <= limit; ++i) {
        const auto& f = records.at(i).fields;
        Pair p{f[0], {}};
        for (size_t k = 1; k < 4; ++k)
            if (!f[k].empty()) p.references.push_back(f[k]);
        pairs.push_back(p);
    }
    return pairs;
}

nlohmann::json corpusGolden() {
    std::ifstream in(srllm::test::sourceDir() / "tests/data/eval/quality-golden-corpus.json");
    return nlohmann::json::parse(in);
}

}  // namespace

TEST(Bleu, TokenizerAndSentenceScoresMatchSacrebleuDefinitions) {
    const auto rows = srllm::test::readCsvRecords(srllm::test::sourceDir() / "tests/data/eval/quality-golden-sentences.tsv", '\t');
    std::vector<std::string> hypotheses;
    std::vector<std::vector<std::string>> references;
    for (size_t i = 1; i < rows.size(); ++i) {
        const auto& f = rows[i].fields;
        const std::vector<std::string> refs(f.begin() + 4, f.end());
        EXPECT_EQ(tokenize13a(f[0]), f[1]) << f[0];
        EXPECT_NEAR(sentenceBleu(f[0], refs), std::stod(f[2]), 1e-9) << f[0];
        EXPECT_NEAR(chrfScore(chrfStatistics(f[0], refs)), std::stod(f[3]), 1e-9) << f[0];
        hypotheses.push_back(f[0]);
        references.push_back(refs);
    }
    ASSERT_EQ(hypotheses.size(), 11u);
    const auto golden = corpusGolden()["sentences"];
    EXPECT_NEAR(corpusBleu(hypotheses, references), golden["bleu"].get<double>(), 1e-9);
    EXPECT_NEAR(corpusChrf(hypotheses, references), golden["chrf"].get<double>(), 1e-9);
}

TEST(Bleu, ParadetoxRewritesMatchSacrebleuDefinitions) {
    SRLLM_REQUIRE_SHARED(path, "paradetox/paradetox.tsv");
    const auto pairs = paradetoxPairs(path, 1000);
    const auto rows = srllm::test::readCsvRecords(srllm::test::sourceDir() / "tests/data/eval/quality-golden-shared.tsv", '\t');
    ASSERT_EQ(rows.size(), pairs.size() + 1);
    std::vector<std::string> hypotheses;
    std::vector<std::vector<std::string>> references;
    for (size_t i = 0; i < pairs.size(); ++i) {
        const auto& f = rows[i + 1].fields;
        EXPECT_NEAR(sentenceBleu(pairs[i].hypothesis, pairs[i].references), std::stod(f[1]), 1e-9) << "row " << i;
        EXPECT_NEAR(chrfScore(chrfStatistics(pairs[i].hypothesis, pairs[i].references)), std::stod(f[2]), 1e-9)
            << "row " << i;
        hypotheses.push_back(pairs[i].hypothesis);
        references.push_back(pairs[i].references);
    }
    const auto golden = corpusGolden()["paradetox_first_1000"];
    EXPECT_NEAR(corpusBleu(hypotheses, references), golden["bleu"].get<double>(), 1e-9);
    EXPECT_NEAR(corpusChrf(hypotheses, references), golden["chrf"].get<double>(), 1e-9);
}

TEST(Bleu, IdenticalTextScoresOneHundredAndEmptyScoresZero) {
    EXPECT_NEAR(sentenceBleu("the same words in the same order", {"the same words in the same order"}), 100.0, 1e-9);
    EXPECT_EQ(sentenceBleu("", {"not empty"}), 0.0);
    EXPECT_EQ(sentenceBleu("", {""}), 0.0);
}

TEST(Bleu, MissingReferencesOrMismatchedSizesAreErrors) {
    EXPECT_THROW(sentenceBleu("text", {}), std::invalid_argument);
    EXPECT_THROW(corpusBleu({"a", "b"}, {{"a"}}), std::invalid_argument);
    EXPECT_THROW(corpusChrf({"a"}, {}), std::invalid_argument);
}
