// db/rereview: a new taxonomy or guideline version sends the done annotations it affects back to their
// annotators' queues with the reason (#11 items 3 and 10).
#include <gtest/gtest.h>

#include "db/annotation-queue.h"
#include "db/taxonomy-migration.h"
#include "db/taxonomy-store.h"
#include "support/agreement-project.h"
#include "support/db-query.h"
#include "support/test-data.h"

using namespace srllm;

namespace {

nlohmann::json& field(nlohmann::json& taxonomy, const std::string& key) {
    for (auto& f : taxonomy["fields"])
        if (f["key"] == key) return f;
    throw std::runtime_error("no field " + key);
}

}  // namespace

TEST(ReReview, ChangedGuidelineMarksTheDoneAnnotationsThatHoldTheField) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    auto& d = p.project->db();
    nlohmann::json edited = db::currentTaxonomy(d).json;
    field(edited, "harm")["definition"] = "Reworded: how much damage the text could do.";
    EXPECT_EQ(db::saveTaxonomyVersion(d, edited, {}), 2);
    // The hand-made annotations hold bias, toxicity and target_groups, never harm: nothing to re-review.
    EXPECT_EQ(test::queryInt(d, "SELECT count(*) FROM annotations WHERE review_reason IS NOT NULL"), 0);

    field(edited, "bias")["definition"] = "Reworded: favours or disfavours a group.";
    EXPECT_EQ(db::saveTaxonomyVersion(d, edited, {}), 3);
    // Every done annotation holds bias: 14 of the 15 rows (item 3's annotation by c is a draft).
    EXPECT_EQ(test::queryInt(d, "SELECT count(*) FROM annotations WHERE review_reason IS NOT NULL"), 14);
    const db::QueueState state = db::queueState(d, p.a, p.items[0]);
    EXPECT_EQ(state.status, "review");
    EXPECT_EQ(state.reason, "rereview");
    EXPECT_EQ(state.detail, "taxonomy v3: guideline of 'bias' changed");
    EXPECT_EQ(db::queueState(d, p.c, p.items[2]).status, "draft");
}

TEST(ReReview, NewFieldConcernsEveryDoneAnnotationAndSavingAgainClearsIt) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    auto& d = p.project->db();
    nlohmann::json edited = db::currentTaxonomy(d).json;
    edited["fields"].push_back({{"key", "stance"}, {"label", "Stance"}, {"type", "single"}, {"values", {"For", "Against"}}});
    db::saveTaxonomyVersion(d, edited, {});
    EXPECT_EQ(test::queryText(d, "SELECT DISTINCT review_reason FROM annotations WHERE review_reason IS NOT NULL"),
              "taxonomy v2: new field 'stance'");
    // In a project that assigns items, re-review items join the queue even when not assigned.
    d.exec("INSERT INTO assignments(item_id, annotator_id) VALUES (" + std::to_string(p.items[5]) + ", " +
           std::to_string(p.b) + ")");
    EXPECT_EQ(db::annotatorQueue(d, p.a).itemIds, p.items);  // a did all six, all done
    EXPECT_EQ(db::annotatorQueue(d, p.b).itemIds.size(), 6u);  // five to re-review plus the assigned one
    auto row = *db::annotationFor(d, p.items[0], p.a);
    row.reviewReason.reset();
    row.taxonomyVersion = 2;
    db::saveAnnotation(d, row);
    EXPECT_EQ(db::queueState(d, p.a, p.items[0]).status, "done");
    EXPECT_EQ(db::annotatorQueue(d, p.a).itemIds.size(), 5u);
}
