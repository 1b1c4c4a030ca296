// Tests core/eval/risk-scorer, scorer-training, hashed-features and labelled-sets on small sets written
// here: what each public format says about each risk, a training run whose held-out AUC must be high on
// a learnable rule, the folder's round trip and content hash, and the refusals: another format version,
// an edited folder, an existing folder, a malformed label.
#include <cmath>
#include <fstream>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/eval/labelled-sets.h"
#include "core/eval/scorer-training.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

// Texts whose toxicity is a word rule (insult words), with a bias label on a third of them.
std::vector<LabelledText> syntheticSet(int n) {
    const char* insults[] = {"idiot", "moron", "loser", "stupid", "scum"};
    const char* nouns[] = {"report", "weather", "meeting", "garden", "train", "recipe", "movie", "book"};
    std::vector<LabelledText> texts;
    for (int i = 0; i < n; ++i) {
        const bool toxic = i % 2 == 0;
        std::string text = std::string("the ") + nouns[i % 8] + " was " + (toxic ? insults[i % 5] : "fine") + " today " +
                           std::to_string(i);
        LabelledText t{text, {static_cast<int8_t>(toxic), kLabelUnknown, kLabelUnknown, static_cast<int8_t>(toxic)}, "synthetic", i};
        if (i % 3 == 0) t.labels[1] = static_cast<int8_t>(toxic);
        texts.push_back(t);
    }
    return texts;
}

const RiskScorer& trainedScorer() {
    static const RiskScorer scorer = [] {
        ScorerTrainingOptions options;
        options.features.hashBits = 16;
        ScorerTrainingReport report;
        return trainRiskScorer(syntheticSet(2000), options, report);
    }();
    return scorer;
}

}  // namespace

TEST(HashedFeatures, NormalisationOfMentionsLinksEntitiesAndRepeats) {
    EXPECT_EQ(normalizeForScoring("RT @Some_User: LOOOOL http://t.co/x &amp; &#8220;ok"), U"rt @user: lool http &  ok");  // a numeric entity becomes a space
    SparseFeatures f;
    hashedFeatures("Hello world hello", FeatureOptions{}, f);
    double norm = 0;
    for (size_t k = 0; k < f.index.size(); ++k) {
        norm += f.value[k] * f.value[k];
        if (k > 0) {
            EXPECT_LT(f.index[k - 1], f.index[k]);
        }
    }
    EXPECT_NEAR(norm, 1.0, 1e-6);
    SparseFeatures same;
    hashedFeatures("HELLO   world hello", FeatureOptions{}, same);
    EXPECT_EQ(f.index, same.index);  // case and spacing do not matter
    hashedFeatures("", FeatureOptions{}, f);
    EXPECT_TRUE(f.index.empty());
}

TEST(RiskScorer, LearnsAWordRuleAndReportsHeldOutMetrics) {
    ScorerTrainingOptions options;
    options.features.hashBits = 16;
    ScorerTrainingReport report;
    const auto scorer = trainRiskScorer(syntheticSet(2000), options, report);
    EXPECT_EQ(report.trainTexts + report.calibrationTexts + report.testTexts, 2000);
    EXPECT_GT(report.testTexts, 100);
    ASSERT_TRUE(report.test[0].has_value());
    EXPECT_GT(report.test[0]->rocAuc, 0.99);
    EXPECT_LT(report.test[0]->ece, 0.1);
    EXPECT_TRUE(report.test[1].has_value());   // bias: labelled on a third
    EXPECT_FALSE(report.test[2].has_value());  // harm: never labelled
    EXPECT_FALSE(scorer.trained(2));
    EXPECT_TRUE(std::isnan(scorer.score("anything").probability[2]));
    EXPECT_GT(scorer.score("the book was stupid today").probability[0], 0.5);
    EXPECT_LT(scorer.score("the book was fine today").probability[0], 0.5);
}

TEST(RiskScorer, SavedFolderLoadsWithTheSameScoresAndHash) {
    srllm::test::ScratchDir dir;
    trainedScorer().save(dir / "scorer");
    const auto loaded = RiskScorer::load(dir / "scorer");
    EXPECT_EQ(loaded.contentHash(), trainedScorer().contentHash());
    EXPECT_EQ(loaded.contentHash().size(), 64u);
    for (const char* text : {"the train was scum today", "the garden was fine", ""})
        for (size_t r = 0; r < kRiskCount; ++r) {
            const double a = loaded.score(text).probability[r], b = trainedScorer().score(text).probability[r];
            if (std::isnan(b)) {
                EXPECT_TRUE(std::isnan(a));
            } else {
                EXPECT_EQ(a, b);
            }
        }
    EXPECT_EQ(loaded.provenance()["format_version"], kScorerFormatVersion);
    EXPECT_THROW(trainedScorer().save(dir / "scorer"), InputError);  // never overwritten
}

TEST(RiskScorer, FolderFromAnotherVersionOrEditedIsRefusedWithTheField) {
    srllm::test::ScratchDir dir;
    trainedScorer().save(dir / "scorer");
    const auto config = dir / "scorer" / "scorer.json";
    std::ifstream in(config);
    auto json = nlohmann::json::parse(in);
    in.close();
    auto write = [&](const nlohmann::json& j) { std::ofstream(config) << j.dump(); };
    auto expectField = [&](const std::string& field) {
        try {
            RiskScorer::load(dir / "scorer");
            FAIL() << "expected an InputError for " << field;
        } catch (const InputError& e) {
            EXPECT_EQ(e.diagnostic().field, field) << e.what();
        }
    };
    auto other = json;
    other["format_version"] = kScorerFormatVersion + 1;
    write(other);
    expectField("format_version");
    other = json;
    other["calibration"]["toxicity"]["b"] = 3.0;
    write(other);
    expectField("content_hash");
    // #12 (fuzzing): a missing key, a string where a number belongs and a fractional or absurd count were
    // nlohmann exceptions or undefined behaviour instead of an error naming the key.
    other = json;
    other["calibration"].erase("toxicity");
    write(other);
    expectField("calibration.toxicity");
    other = json;
    other["calibration"]["bias"]["a"] = "1";
    write(other);
    expectField("calibration.bias");
    for (const auto& count : {nlohmann::json(2.5), nlohmann::json(1e300), nlohmann::json("7")}) {
        other = json;
        other["risks"][0]["trained_on"] = count;
        write(other);
        expectField("risks.trained_on");
    }
    // get<int> read 2^32 + 10 as 10, inside [10, 26], so an edited file passed for another feature width.
    for (const auto& bits : {nlohmann::json(4294967306ull), nlohmann::json(18446744073709551615ull), nlohmann::json(12.0)}) {
        other = json;
        other["features"]["hash_bits"] = bits;
        write(other);
        expectField("features.hash_bits");
    }
    write(nlohmann::json::array({1, 2}));
    expectField("format");
    write(json);
    std::filesystem::resize_file(dir / "scorer" / "weights.bin", 100);
    expectField("");
    EXPECT_THROW(RiskScorer::load(dir / "absent"), InputError);
}

TEST(RiskScorer, ToxicRateHasAWilsonInterval) {
    const auto rate = flaggedRate({0.1, 0.5, 0.7, 0.2}, 0.5);
    EXPECT_EQ(rate.n, 4);
    EXPECT_EQ(rate.positives, 2);
    EXPECT_DOUBLE_EQ(rate.rate, 0.5);
    EXPECT_LT(rate.lo, 0.5);
    EXPECT_GT(rate.hi, 0.5);
}

TEST(RiskScorer, TrainingWithoutToxicityLabelsIsAnInputError) {
    std::vector<LabelledText> texts = syntheticSet(50);
    for (auto& t : texts) t.labels[0] = kLabelUnknown;
    ScorerTrainingReport report;
    EXPECT_THROW(trainRiskScorer(texts, {}, report), InputError);
}

TEST(LabelledSets, EachPublicFormatLabelsTheRisksItKnows) {
    srllm::test::ScratchDir dir;
    const auto davidson = readLabelledSet(srllm::test::writeFile(
        dir, "d.csv", ",count,hate_speech,offensive_language,neither,class,tweet\n0,3,3,0,0,0,hate\n1,3,0,3,0,1,rude\n2,3,0,0,3,2,fine\n"));
    ASSERT_EQ(davidson.texts.size(), 3u);
    EXPECT_EQ(davidson.format, "davidson");
    EXPECT_EQ(davidson.texts[0].labels, (RiskLabels{1, 1, 1, 1}));
    EXPECT_EQ(davidson.texts[1].labels, (RiskLabels{1, kLabelUnknown, kLabelUnknown, 1}));
    EXPECT_EQ(davidson.texts[2].labels, (RiskLabels{0, 0, 0, 0}));
    const auto spans = readLabelledSet(srllm::test::writeFile(dir, "s.csv", "spans,text\n\"[0, 1]\",bad\n[],unclear\n"));
    EXPECT_EQ(spans.texts.size(), 1u);
    ASSERT_EQ(spans.warnings.size(), 1u);
    const auto paradetox = readLabelledSet(srllm::test::writeFile(dir, "p.tsv", "toxic\tneutral1\tneutral2\tneutral3\nbad\tok\t\t\n"));
    ASSERT_EQ(paradetox.texts.size(), 2u);
    EXPECT_EQ(paradetox.texts[1].labels[0], 0);
    const auto jsonl = readLabelledSet(srllm::test::writeFile(dir, "j.jsonl", "{\"text\": \"x\", \"toxicity\": true, \"bias\": 0}\n"));
    EXPECT_EQ(jsonl.texts[0].labels, (RiskLabels{1, 0, kLabelUnknown, kLabelUnknown}));
}

TEST(LabelledSets, BadLabelsAndUnknownHeadersNameTheLineAndField) {
    srllm::test::ScratchDir dir;
    try {
        readLabelledSet(srllm::test::writeFile(dir, "d.csv", "class,tweet\n0,a\n7,b\n"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().line, 3);
        EXPECT_EQ(e.diagnostic().field, "class");
    }
    try {
        readLabelledSet(srllm::test::writeFile(dir, "j.jsonl", "{\"text\": \"x\"}\n{\"text\": \"y\", \"harm\": 2}\n"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().line, 2);
        EXPECT_EQ(e.diagnostic().field, "harm");
    }
    EXPECT_THROW(readLabelledSet(srllm::test::writeFile(dir, "x.csv", "a,b\n1,2\n")), InputError);
}

TEST(RiskLabels, TaxonomyGoldMapsOntoRisks) {
    const auto labels = risksFromTaxonomyLabels(
        {{"toxicity", "Mild"}, {"bias", "No"}, {"harm", "Low"}, {"annotation", "Unsafe"}});
    EXPECT_EQ(labels, (RiskLabels{1, 0, 0, 1}));
    EXPECT_EQ(risksFromTaxonomyLabels({{"toxicity", "No"}})[1], kLabelUnknown);
}
