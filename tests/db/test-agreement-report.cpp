// db/agreement-report on the hand-made project of tests/support/agreement-project.h. Expected figures:
// tests/data/agreement/hand_project_reference.py (independent Python, run with /usr/bin/python3):
//   bias fleiss 0.0141666667, alpha nominal 0.1; toxicity fleiss 0.2697530864, alpha ordinal 0.2058608059,
//   nominal 0.3333333333; target_groups mean alpha 0.4415584416, mean fleiss 0.4086219336;
//   spans alpha 0.7175866496, F1 0.6666666667; rewrites mean pairwise chrF 52.6078720496.
#include <cmath>

#include <gtest/gtest.h>

#include "db/agreement-report.h"
#include "support/agreement-project.h"
#include "support/test-data.h"

namespace db = srllm::db;
using srllm::test::makeAgreementProject;

namespace {
const db::FieldAgreement& field(const db::AgreementReport& r, const std::string& key) {
    for (const auto& f : r.fields)
        if (f.key == key) return f;
    throw std::runtime_error("no field " + key);
}
}  // namespace

TEST(AgreementReport, FieldFiguresMatchTheIndependentReference) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    const db::AgreementReport r = db::agreementReport(p.project->db(), {200, 5});
    const auto& bias = field(r, "bias");
    EXPECT_EQ(bias.items, 5);  // item 6 has one done annotation, item 3's third is a draft
    EXPECT_EQ(bias.annotators, 3);
    EXPECT_NEAR(bias.fleissKappa.value, 0.0141666667, 1e-9);
    EXPECT_EQ(bias.alphaMetric, srllm::core::AlphaMetric::Nominal);
    EXPECT_NEAR(bias.alpha.value, 0.1, 1e-9);
    const auto& tox = field(r, "toxicity");
    EXPECT_EQ(tox.alphaMetric, srllm::core::AlphaMetric::Ordinal);
    EXPECT_NEAR(tox.fleissKappa.value, 0.2697530864, 1e-9);
    EXPECT_NEAR(tox.alpha.value, 0.2058608059, 1e-9);
    EXPECT_NEAR(tox.alphaNominal.value, 0.3333333333, 1e-9);
    const auto& groups = field(r, "target_groups");
    EXPECT_TRUE(groups.multi);
    EXPECT_NEAR(groups.alpha.value, 0.4415584416, 1e-9);
    EXPECT_NEAR(groups.fleissKappa.value, 0.4086219336, 1e-9);
    // Fields nobody labelled have no usable items and undefined figures.
    EXPECT_EQ(field(r, "harm").items, 0);
    EXPECT_TRUE(std::isnan(field(r, "harm").alpha.value));
}

TEST(AgreementReport, PairwiseCohenUsesSharedItems) {
    // bias, a vs b over items 1-5: a = Y Y N Y Y, b = Y Y N N Y -> p_o = 0.8,
    // p_e = 0.8*0.6 + 0.2*0.4 = 0.56, kappa = 0.24 / 0.44. a vs c share items 1, 2, 5 (3 items).
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    const db::AgreementReport report = db::agreementReport(p.project->db(), {0, 1});
    const auto& bias = field(report, "bias");
    EXPECT_TRUE(std::isnan(bias.alpha.ci.lo));  // no resamples, no interval
    ASSERT_EQ(bias.coderNames, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_NEAR(bias.cohen.kappa[0][1], 0.24 / 0.44, 1e-12);
    EXPECT_EQ(bias.cohen.shared[0][1], 5);
    EXPECT_EQ(bias.cohen.shared[0][2], 3);
}

TEST(AgreementReport, SpansRewritesAndAnnotators) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    const db::AgreementReport r = db::agreementReport(p.project->db(), {200, 5});
    EXPECT_EQ(r.spans.items, 5);
    EXPECT_NEAR(r.spans.alpha.value, 0.7175866496, 1e-9);
    EXPECT_NEAR(r.spans.meanPairwiseF1, 2.0 / 3.0, 1e-12);
    EXPECT_EQ(r.rewrites.items, 2);
    EXPECT_NEAR(r.rewrites.meanPairwiseChrf.value, 52.6078720496, 1e-8);
    // Only item 5 has gold (expert No/Mild/[]): a and b agree on 0 of 3 fields, c (No/No/[]) on 2 of 3.
    ASSERT_EQ(r.annotators.size(), 4u);
    EXPECT_EQ(r.annotators[0].name, "a");
    EXPECT_EQ(r.annotators[0].items, 6);
    EXPECT_DOUBLE_EQ(r.annotators[0].meanSeconds, 10);
    EXPECT_DOUBLE_EQ(r.annotators[0].goldAgreement, 0.0);
    EXPECT_EQ(r.annotators[2].items, 3);  // c: one draft does not count
    EXPECT_NEAR(r.annotators[2].expertGoldAgreement, 2.0 / 3.0, 1e-12);
    EXPECT_EQ(r.annotators[3].items, 0);  // the expert annotated nothing
    EXPECT_TRUE(std::isnan(r.annotators[3].meanSeconds));
}

TEST(AgreementReport, IntervalsBracketEstimatesAndRepeatForASeed) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    const auto first = db::agreementReport(p.project->db(), {300, 9});
    const auto again = db::agreementReport(p.project->db(), {300, 9});
    const auto& tox = field(first, "toxicity");
    EXPECT_LE(tox.alpha.ci.lo, tox.alpha.value);
    EXPECT_GE(tox.alpha.ci.hi, tox.alpha.value);
    EXPECT_EQ(tox.alpha.ci.lo, field(again, "toxicity").alpha.ci.lo);
    EXPECT_EQ(db::toJson(first).dump(), db::toJson(again).dump());
}

TEST(AgreementReport, JsonNamesEveryFigureAndWritesNullForUndefined) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    const nlohmann::json j = db::toJson(db::agreementReport(p.project->db(), {50, 1}));
    const auto& fields = j.at("fields");
    ASSERT_FALSE(fields.empty());
    const auto& bias = fields[0];
    EXPECT_EQ(bias.at("key"), "bias");
    EXPECT_EQ(bias.at("items"), 5);
    EXPECT_TRUE(bias.at("fleiss_kappa_ci95").is_array());
    EXPECT_TRUE(bias.at("krippendorff_alpha").is_number());
    EXPECT_EQ(bias.at("cohen_kappa").at("kappa").size(), 3u);
    bool sawNull = false;
    for (const auto& f : fields)
        if (f.at("key") == "harm") sawNull = f.at("krippendorff_alpha").is_null();
    EXPECT_TRUE(sawNull);
    EXPECT_TRUE(j.at("rewrites").at("mean_pairwise_chrf").is_number());
    EXPECT_TRUE(j.at("spans").at("alpha").is_number());
    EXPECT_EQ(j.at("annotators").size(), 4u);
}
