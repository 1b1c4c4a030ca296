// db/adjudication on the hand-made project of tests/support/agreement-project.h; the expected gold and
// provenance of every item are worked out by hand in the comments.
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "db/adjudication.h"
#include "support/agreement-project.h"
#include "support/test-data.h"

namespace db = srllm::db;
using srllm::test::makeAgreementProject;

TEST(Adjudication, MajorityVoteCountsAndProvenance) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    auto& d = p.project->db();
    // Stale automatic gold on the tie item must go; the expert gold of item 5 must stay.
    db::saveGold(d, {p.items[3], {{"bias", "Yes"}}, {}, std::nullopt, "majority", std::nullopt, 1});
    const db::AdjudicationSummary s = db::adjudicateMajority(d);
    EXPECT_EQ(s.considered, 5);  // items 1-5; item 6 has one done annotation
    EXPECT_EQ(s.unanimous, 2);   // items 1 and 3
    EXPECT_EQ(s.majority, 1);    // item 2
    EXPECT_EQ(s.ties, 1);        // item 4
    EXPECT_EQ(s.keptExpert, 1);  // item 5

    const auto g1 = db::goldFor(d, p.items[0]);
    ASSERT_TRUE(g1);
    EXPECT_EQ(g1->provenance, "unanimous");
    EXPECT_EQ(g1->labels.at("toxicity"), "Mild");
    ASSERT_EQ(g1->spans.size(), 1u);
    EXPECT_EQ(g1->spans[0].start, 0);
    EXPECT_EQ(g1->spans[0].end, 3);
    EXPECT_EQ(g1->rewrite, "People can be slow.");  // written by 2 of 3

    // Item 2: bias Yes (2/3), toxicity Mild (2/3), groups [Gender] (2/3), spans [0,5) marked by 2/3.
    // Rewrites by a and b only, no majority text: b sides with the decision on 3 fields, a on 2 -> b's.
    const auto g2 = db::goldFor(d, p.items[1]);
    ASSERT_TRUE(g2);
    EXPECT_EQ(g2->provenance, "majority");
    EXPECT_EQ(g2->labels.at("bias"), "Yes");
    EXPECT_EQ(g2->labels.at("toxicity"), "Mild");
    EXPECT_EQ(g2->labels.at("target_groups"), nlohmann::json::array({"Gender"}));
    ASSERT_EQ(g2->spans.size(), 1u);
    EXPECT_EQ(g2->spans[0].end, 5);
    EXPECT_EQ(g2->rewrite, "Women drive well.");

    const auto g3 = db::goldFor(d, p.items[2]);  // the draft of c is ignored
    ASSERT_TRUE(g3);
    EXPECT_EQ(g3->provenance, "unanimous");
    EXPECT_FALSE(g3->rewrite.has_value());

    EXPECT_FALSE(db::goldFor(d, p.items[3]).has_value());
    const auto g5 = db::goldFor(d, p.items[4]);
    ASSERT_TRUE(g5);
    EXPECT_EQ(g5->provenance, "expert");
    EXPECT_EQ(g5->labels.at("bias"), "No");
    EXPECT_FALSE(db::goldFor(d, p.items[5]).has_value());
}

TEST(Adjudication, RunningTwiceGivesTheSameGold) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    auto& d = p.project->db();
    db::adjudicateMajority(d);
    const auto first = db::allGold(d);
    const auto again = db::adjudicateMajority(d);
    EXPECT_EQ(again.unanimous, 2);
    const auto second = db::allGold(d);
    ASSERT_EQ(first.size(), second.size());
    for (size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i].labels, second[i].labels);
        EXPECT_EQ(first[i].provenance, second[i].provenance);
    }
}

TEST(Adjudication, DisagreementListNamesDisputedFields) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    const auto rows = db::itemsWithDisagreement(p.project->db());
    // Items 2 (bias, toxicity, target_groups), 4 (all three, tie) and 5 (all three); 1 and 3 are unanimous.
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].itemId, p.items[1]);
    EXPECT_EQ(rows[0].disputedFields, (std::vector<std::string>{"bias", "toxicity", "target_groups"}));
    EXPECT_FALSE(rows[0].tie);
    EXPECT_EQ(rows[1].itemId, p.items[3]);
    EXPECT_TRUE(rows[1].tie);
    EXPECT_EQ(rows[2].goldProvenance, "expert");
}

TEST(Adjudication, ExpertGoldIsValidatedAndNeverOverwritten) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    auto& d = p.project->db();
    db::saveExpertGold(d, p.items[3], p.expert, {{"bias", "No"}, {"target_groups", {"Age"}}}, {{0, 5}}, "Fine.");
    EXPECT_THROW(db::saveExpertGold(d, p.items[3], p.a, {{"bias", "No"}}, {}, std::nullopt), db::DbError);
    EXPECT_THROW(db::saveExpertGold(d, p.items[3], p.expert, {{"bias", "Maybe"}}, {}, std::nullopt),
                 srllm::core::InputError);
    EXPECT_THROW(db::saveExpertGold(d, p.items[3], p.expert, {{"colour", "Red"}}, {}, std::nullopt),
                 srllm::core::InputError);
    const db::AdjudicationSummary s = db::adjudicateMajority(d);
    EXPECT_EQ(s.keptExpert, 2);
    EXPECT_EQ(s.ties, 0);
    const auto g = db::goldFor(d, p.items[3]);
    ASSERT_TRUE(g);
    EXPECT_EQ(g->provenance, "expert");
    EXPECT_EQ(g->decidedBy, p.expert);
    EXPECT_EQ(g->rewrite, "Fine.");
}
