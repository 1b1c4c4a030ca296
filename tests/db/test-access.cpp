// db/access: the blind rule enforced by the store (#11 item 1). An annotator's connection reads only their
// own labels of items not yet adjudicated (or still in their queue); experts and connections without a
// reader read everything; counts stay readable. Expected sets come from the hand-made project's table in
// tests/support/agreement-project.h.
#include <gtest/gtest.h>

#include "db/access.h"
#include "db/adjudication.h"
#include "db/agreement-report.h"
#include "db/assignments.h"
#include "db/item-browse-query.h"
#include "db/snapshots.h"
#include "support/agreement-project.h"
#include "support/test-data.h"

using namespace srllm;
using Ids = std::vector<int64_t>;

namespace {

struct AccessFixture : testing::Test {
    test::ScratchDir dir;
    test::AgreementProject p = test::makeAgreementProject(dir / "p.srllm");
    db::Database& d = p.project->db();
    const Ids& items = p.items;

    void readAs(int64_t annotator, const std::string& role) { d.setReader(db::Reader{annotator, role}); }
};

}  // namespace

TEST_F(AccessFixture, AnnotatorReadsOwnLabelsButNotOthersBeforeAdjudication) {
    readAs(p.a, "annotator");
    EXPECT_TRUE(db::isBlind(d));
    ASSERT_TRUE(db::annotationFor(d, items[0], p.a));
    EXPECT_EQ(db::annotationFor(d, items[0], p.a)->labels.at("bias"), "Yes");
    EXPECT_THROW(db::annotationFor(d, items[0], p.b), db::AccessDenied);
    EXPECT_THROW(db::annotationsForItem(d, items[0]), db::AccessDenied);
    EXPECT_THROW(db::allAnnotations(d), db::AccessDenied);
    EXPECT_THROW(db::goldFor(d, items[0]), db::AccessDenied);
    EXPECT_THROW(db::allGold(d), db::AccessDenied);
}

TEST_F(AccessFixture, AdjudicatedItemOpensUpUnlessItIsStillInTheReadersQueue) {
    // Item 5 has expert gold. a finished it, so a may now compare; dora is assigned it and has not.
    readAs(p.a, "annotator");
    EXPECT_EQ(db::annotationsForItem(d, items[4]).size(), 3u);
    EXPECT_EQ(db::goldFor(d, items[4])->provenance, "expert");
    d.setReader(std::nullopt);
    const int64_t dora = db::ensureAnnotator(d, "dora");
    db::assignItems(d, {items[4]}, {.overlap = 1, .annotatorIds = {dora}});
    readAs(dora, "annotator");
    EXPECT_FALSE(db::mayReadOthersOn(d, items[4]));
    EXPECT_THROW(db::goldFor(d, items[4]), db::AccessDenied);
    EXPECT_THROW(db::annotationFor(d, items[4], p.a), db::AccessDenied);
}

TEST_F(AccessFixture, AdjudicationAndWritesForOthersAreForExperts) {
    readAs(p.a, "annotator");
    EXPECT_THROW(db::itemsWithDisagreement(d), db::AccessDenied);
    EXPECT_THROW(db::adjudicateMajority(d), db::AccessDenied);
    EXPECT_THROW(db::saveExpertGold(d, items[1], p.a, {{"bias", "Yes"}}, {}, std::nullopt), db::AccessDenied);
    db::AnnotationRow forB;
    forB.itemId = items[5];
    forB.annotatorId = p.b;
    EXPECT_THROW(db::saveAnnotation(d, forB), db::AccessDenied);
    readAs(p.b, "reviewer");  // reviewers are blind too (Review mode reuses the rule)
    EXPECT_THROW(db::itemsWithDisagreement(d), db::AccessDenied);
}

TEST_F(AccessFixture, ExpertAndReaderlessConnectionsSeeEverything) {
    for (const bool expert : {true, false}) {
        if (expert) readAs(p.expert, "expert"); else d.setReader(std::nullopt);
        EXPECT_FALSE(db::isBlind(d));
        EXPECT_EQ(db::annotationsForItem(d, items[1]).size(), 3u);
        EXPECT_EQ(db::allAnnotations(d).size(), 15u);
        EXPECT_EQ(db::itemsWithDisagreement(d).size(), 3u);  // items 2, 4, 5
    }
}

TEST_F(AccessFixture, BrowserFiltersByOwnLabelsOnlyAndHidesGoldButKeepsCounts) {
    db::BrowseFilter yes;
    yes.labelField = "bias";
    yes.labelValue = "Yes";
    EXPECT_EQ(db::browseItemIds(d, yes), (Ids{items[0], items[1], items[2], items[3], items[4]}));  // anyone's
    readAs(p.b, "annotator");
    EXPECT_EQ(db::browseItemIds(d, yes), (Ids{items[0], items[1], items[4]}));  // b's own Yes
    EXPECT_EQ(db::countBrowseItems(d, {}), 6);
    const auto rows = db::browseRows(d, {items[0], items[4]});
    EXPECT_EQ(rows[0].annotations, 3);  // counts are fine
    EXPECT_FALSE(rows[1].goldProvenance);
    db::BrowseFilter gold = yes;
    gold.labelSource = db::LabelSource::Gold;
    EXPECT_THROW(db::browseItemIds(d, gold), db::AccessDenied);
    db::BrowseFilter byOther;
    byOther.annotatorId = p.a;
    EXPECT_THROW(db::browseItemIds(d, byOther), db::AccessDenied);
    byOther.annotatorId = p.b;
    EXPECT_EQ(db::browseItemIds(d, byOther).size(), 5u);
    db::BrowseFilter disputed;
    disputed.agreement = db::BrowseAgreement::Disputed;
    EXPECT_THROW(db::countBrowseItems(d, disputed), db::AccessDenied);
}

TEST_F(AccessFixture, AgreementFiguresShowABlindReaderOnlyTheirOwnRow) {
    readAs(p.c, "annotator");
    const db::AgreementReport report = db::agreementReport(d, {0, 1});
    ASSERT_EQ(report.annotators.size(), 1u);
    EXPECT_EQ(report.annotators[0].name, "c");
    EXPECT_EQ(report.annotators[0].items, 3);  // c finished items 1, 2 and 5 (item 3 is a draft)
}

TEST_F(AccessFixture, ASnapshotsFrozenGoldIsForExpertsToo) {  // item 5's gold, frozen by schema v2's snapshots
    const auto snapshot = db::createSnapshot(d, "s", std::nullopt);
    int64_t frozenGold = 0;
    db::forEachSnapshotEntry(d, snapshot.id, [&](const db::SnapshotEntry& e) { frozenGold += e.hasGold; });
    EXPECT_EQ(frozenGold, 1);
    readAs(p.a, "annotator");
    EXPECT_THROW(db::forEachSnapshotEntry(d, snapshot.id, [](const db::SnapshotEntry&) {}), db::AccessDenied);
    EXPECT_THROW(db::createSnapshot(d, "t", std::nullopt), db::AccessDenied);
    EXPECT_EQ(db::snapshotItems(d, snapshot.id).size(), items.size());  // which items: fine to know
    readAs(p.a, "expert");
    db::forEachSnapshotEntry(d, snapshot.id, [](const db::SnapshotEntry&) {});
}
