// Tests core/eval/vader-sentiment against NLTK 3.8's VADER (with the position fix, see
// tests/data/eval/make-vader-golden.py): rule sentences kept here, and 4,934 real texts from
// ../shared/data named by file, column and row. NLTK rounds neg/neu/pos to 3 and compound to 4 places.
#include <cmath>
#include <map>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/eval/vader-sentiment.h"
#include "support/csv-records.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

const VaderSentiment& vader(const std::filesystem::path& lexicon) {
    static const VaderSentiment analyzer(lexicon.string());
    return analyzer;
}

void expectMatches(const VaderScores& got, const std::vector<std::string>& expected, const std::string& what) {
    EXPECT_NEAR(got.negative, std::stod(expected[0]), 5e-4 + 1e-12) << what;
    EXPECT_NEAR(got.neutral, std::stod(expected[1]), 5e-4 + 1e-12) << what;
    EXPECT_NEAR(got.positive, std::stod(expected[2]), 5e-4 + 1e-12) << what;
    EXPECT_NEAR(got.compound, std::stod(expected[3]), 5e-5 + 1e-12) << what;
}

}  // namespace

TEST(VaderSentiment, MatchesNltkOnRuleSentences) {
    SRLLM_REQUIRE_SHARED(lexicon, "lexicons/vader_lexicon.txt");
    const auto rows = srllm::test::readCsvRecords(srllm::test::sourceDir() / "tests/data/eval/vader-golden-sentences.tsv", '\t');
    ASSERT_GT(rows.size(), 30u);
    for (size_t i = 1; i < rows.size(); ++i) {
        const auto& f = rows[i].fields;
        expectMatches(vader(lexicon).score(f[0]), {f[1], f[2], f[3], f[4]}, f[0]);
    }
}

TEST(VaderSentiment, MatchesNltkOnRealTexts) {
    SRLLM_REQUIRE_SHARED(lexicon, "lexicons/vader_lexicon.txt");
    const auto golden = srllm::test::readCsvRecords(srllm::test::sourceDir() / "tests/data/eval/vader-golden-shared.tsv", '\t');
    std::map<std::string, std::vector<CsvRecord>> files;
    size_t checked = 0;
    for (size_t i = 1; i < golden.size(); ++i) {
        const auto& g = golden[i].fields;
        const auto path = srllm::test::sharedData(g[0]);
        if (path.empty()) GTEST_SKIP() << "shared data file absent: " << g[0];
        auto& records = files[g[0]];
        if (records.empty()) records = srllm::test::readCsvRecords(path, g[0].ends_with(".tsv") ? '\t' : ',');
        const auto& header = records[0].fields;
        const size_t column = static_cast<size_t>(std::find(header.begin(), header.end(), g[1]) - header.begin());
        const auto& text = records.at(std::stoul(g[2]) + 1).fields.at(column);
        expectMatches(vader(lexicon).score(text), {g[3], g[4], g[5], g[6]}, g[0] + " row " + g[2] + ": " + text);
        ++checked;
    }
    EXPECT_GT(checked, 4900u);
}

TEST(VaderSentiment, EmptyTextAndSingleCharactersAreNeutralZero) {
    SRLLM_REQUIRE_SHARED(lexicon, "lexicons/vader_lexicon.txt");
    for (const char* text : {"", "a b c", "   "}) {
        const auto s = vader(lexicon).score(text);
        EXPECT_EQ(s.compound, 0.0);
        EXPECT_EQ(s.neutral, 0.0);
        EXPECT_EQ(sentimentClass(s.compound), SentimentClass::Neutral);
    }
}

TEST(VaderSentiment, ClassCutOffsAreVadersUsualOnes) {
    EXPECT_EQ(sentimentClass(0.05), SentimentClass::Positive);
    EXPECT_EQ(sentimentClass(0.0499), SentimentClass::Neutral);
    EXPECT_EQ(sentimentClass(-0.05), SentimentClass::Negative);
}

TEST(VaderSentiment, SharesOfClassesOverASet) {
    const auto s = sentimentShares({0.5, -0.3, 0.0, 0.04, 0.9});
    EXPECT_EQ(s.n, 5);
    EXPECT_DOUBLE_EQ(s.positive, 0.4);
    EXPECT_DOUBLE_EQ(s.neutral, 0.4);
    EXPECT_DOUBLE_EQ(s.negative, 0.2);
    EXPECT_TRUE(std::isnan(sentimentShares({}).neutral));
}

TEST(VaderSentiment, MissingOrBrokenLexiconIsAnInputError) {
    srllm::test::ScratchDir dir;
    EXPECT_THROW(VaderSentiment((dir / "absent.txt").string()), InputError);
    const auto broken = srllm::test::writeFile(dir, "lexicon.txt", "good\t1.9\t0.9\nbad\tnot-a-number\n");
    try {
        VaderSentiment v(broken);
        FAIL() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().line, 2);
        EXPECT_EQ(e.diagnostic().field, "valence");
    }
}
