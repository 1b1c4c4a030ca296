// db/annotator-analytics: time, pastes, drift and agreement per window of one annotator's work (#11
// item 5), worked out by hand on tests/support/agreement-project.h for annotator a and field bias
// (values No, Yes). a's done labels in order: items 1-6 = Yes, Yes, No, Yes, Yes, No; 10 s each.
#include <cmath>

#include <gtest/gtest.h>

#include "db/access.h"
#include "db/annotator-analytics.h"
#include "support/agreement-project.h"
#include "support/test-data.h"

using namespace srllm;

TEST(AnnotatorAnalytics, WindowsOfTwoShowDriftAndAgreementWithTheOthers) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    auto& d = p.project->db();
    auto first = *db::annotationFor(d, p.items[0], p.a);
    first.pastedChars = 19;  // all of "People can be slow."
    db::saveAnnotation(d, first);

    const auto a = db::annotatorAnalytics(d, p.a, "bias", 2);
    EXPECT_EQ(a.name, "a");
    EXPECT_EQ(a.done, 6);
    EXPECT_DOUBLE_EQ(a.medianSeconds, 10);
    EXPECT_EQ(a.rewrites, 2);  // items 1 and 2
    EXPECT_EQ(a.pastedRewrites, 1);
    ASSERT_EQ(a.windows.size(), 3u);
    // Window 1 (items 1, 2): [No 0, Yes 2]. Item 1: b, c say Yes -> agrees; item 2: b Yes, c No -> no majority.
    EXPECT_DOUBLE_EQ(a.windows[0].drift, 0);
    EXPECT_EQ(a.windows[0].compared, 1);
    EXPECT_DOUBLE_EQ(a.windows[0].agreement, 1.0);
    // Window 2 (items 3, 4): [1, 1] -> TVD from (0, 1) = 0.5. Item 3: b No (c's is a draft) -> agrees;
    // item 4: b No, a Yes -> disagrees.
    EXPECT_DOUBLE_EQ(a.windows[1].drift, 0.5);
    EXPECT_EQ(a.windows[1].compared, 2);
    EXPECT_DOUBLE_EQ(a.windows[1].agreement, 0.5);
    EXPECT_EQ(a.windows[1].itemsBefore, 2);
    // Window 3 (items 5, 6): [1, 1] -> 0.5. Item 5: b Yes, c No -> none; item 6: nobody else.
    EXPECT_DOUBLE_EQ(a.windows[2].drift, 0.5);
    EXPECT_EQ(a.windows[2].compared, 0);
    EXPECT_TRUE(std::isnan(a.windows[2].agreement));
}

TEST(AnnotatorAnalytics, BlindReadersSeeOnlyThemselvesAndUnknownFieldsAreRefused) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    auto& d = p.project->db();
    EXPECT_THROW(db::annotatorAnalytics(d, p.a, "colour", 2), core::InputError);
    d.setReader(db::Reader{p.b, "annotator"});
    EXPECT_EQ(db::annotatorAnalytics(d, p.b, "bias", 5).done, 5);
    EXPECT_THROW(db::annotatorAnalytics(d, p.a, "bias", 5), db::AccessDenied);
}
