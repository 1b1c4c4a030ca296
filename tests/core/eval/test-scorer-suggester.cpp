// Tests core/eval/scorer-suggester and taxonomyLabelsFromRisks: the scorer's probabilities become the
// default taxonomy's labels by a threshold worked out by hand here, and read back through
// risksFromTaxonomyLabels (the mapping the scorer is trained with) they give the same decisions.
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "core/eval/risk-labels.h"
#include "core/eval/scorer-suggester.h"
#include "core/eval/scorer-training.h"

using namespace srllm::core;

TEST(ScorerSuggester, ProbabilitiesBecomeTheMildestPositiveOrTheNegativeValue) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(taxonomyLabelsFromRisks({0.5, 0.49, 0.91, 0.02}).dump(),
              R"({"annotation":"Benign","bias":"No","harm":"Med","toxicity":"Mild"})");
    EXPECT_EQ(taxonomyLabelsFromRisks({0.2, nan, nan, 0.7}).dump(), R"({"annotation":"Unsafe","toxicity":"No"})");
    EXPECT_EQ(taxonomyLabelsFromRisks({0.6, 0.6, 0.6, 0.6}, 0.7).dump(),
              R"({"annotation":"Benign","bias":"No","harm":"Low","toxicity":"No"})");
    const RiskLabels back = risksFromTaxonomyLabels(taxonomyLabelsFromRisks({0.9, 0.1, 0.5, nan}));
    EXPECT_EQ(back, (RiskLabels{1, 0, 1, kLabelUnknown}));
}

TEST(ScorerSuggester, SuggestsTheScorersDecisionUnderItsContentHash) {
    // A word rule the scorer learns: texts with an insult are toxic, the rest not; bias never labelled.
    std::vector<LabelledText> texts;
    for (int i = 0; i < 400; ++i) {
        const bool toxic = i % 2 == 0;
        texts.push_back({"the meeting " + std::to_string(i) + " was " + (toxic ? "idiotic" : "fine"),
                         {static_cast<int8_t>(toxic), kLabelUnknown, kLabelUnknown, static_cast<int8_t>(toxic)},
                         "synthetic", i});
    }
    ScorerTrainingOptions options;
    options.features.hashBits = 12;
    ScorerTrainingReport report;
    auto scorer = std::make_shared<const RiskScorer>(trainRiskScorer(texts, options, report));
    ScorerSuggester suggester(scorer);
    EXPECT_EQ(suggester.source(), "scorer:" + scorer->contentHash());
    for (const char* text : {"the meeting 7 was idiotic", "the meeting 7 was fine"}) {
        const auto p = scorer->score(text).probability;
        const Suggestion s = suggester.suggest(text);
        EXPECT_EQ(s.labels.at("toxicity"), p[0] >= 0.5 ? "Mild" : "No") << text;
        EXPECT_EQ(s.labels.at("annotation"), p[3] >= 0.5 ? "Unsafe" : "Benign") << text;
        EXPECT_FALSE(s.labels.contains("bias"));  // untrained: no suggestion rather than a guess
        EXPECT_TRUE(s.spans.empty());
        EXPECT_FALSE(s.rewrite);
    }
    EXPECT_EQ(suggester.suggest("the meeting 7 was idiotic").labels.at("toxicity"), "Mild");
    EXPECT_EQ(suggester.suggest("the meeting 7 was fine").labels.at("toxicity"), "No");
}
