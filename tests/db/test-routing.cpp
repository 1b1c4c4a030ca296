// db/routing: items whose labels disagree go to one more annotator, then to an expert, by the lead's
// threshold and fields (#11 items 3 and 10). Shares are worked out by hand in each test.
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "db/annotation-queue.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/assignments.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project-settings.h"
#include "db/project.h"
#include "db/routing.h"
#include "support/test-data.h"
#include "support/vector-item-reader.h"

using namespace srllm;

namespace {

struct RoutingFixture : testing::Test {
    test::ScratchDir dir;
    std::unique_ptr<db::Project> project = db::Project::create(dir / "p.srllm");
    db::Database& d = project->db();
    int64_t item = 0, a = 0, b = 0, c = 0, eve = 0;

    void SetUp() override {
        test::VectorItemReader reader(test::numberedRecords(0, 2));
        db::importItems(*project, reader, "d", nullptr);
        item = db::queryItems(d, {}).front().id;
        a = db::ensureAnnotator(d, "a");
        b = db::ensureAnnotator(d, "b");
        c = db::ensureAnnotator(d, "c");
        eve = db::ensureAnnotator(d, "eve", "expert");
        db::assignItems(d, {item}, {.overlap = 2, .annotatorIds = {a, b}});
    }
    void label(int64_t annotator, const std::string& bias, const std::string& toxicity = "No") {
        db::AnnotationRow row;
        row.itemId = item;
        row.annotatorId = annotator;
        row.labels = {{"bias", bias}, {"toxicity", toxicity}};
        row.status = "done";
        db::saveAnnotation(d, row);
    }
    void policy(double threshold, const std::string& target, std::vector<std::string> fields = {}) {
        db::setRoutingPolicy(d, {true, threshold, std::move(fields), target});
    }
};

}  // namespace

TEST_F(RoutingFixture, DisagreementGoesToOneMoreAnnotatorThenToAnExpert) {
    policy(1.0, "annotator");
    label(a, "Yes");
    EXPECT_TRUE(db::routeItem(d, item).empty());  // one vote is no disagreement
    label(b, "No");
    auto routed = db::routeItem(d, item);
    ASSERT_EQ(routed.size(), 1u);
    EXPECT_EQ(routed[0].annotatorId, c);
    EXPECT_EQ(routed[0].reason, "disagreement");
    EXPECT_EQ(routed[0].detail, "bias: 1 of 2 agree (50% < 100%)");
    const db::QueueState state = db::queueState(d, c, item);
    EXPECT_EQ(state.reason, "disagreement");
    EXPECT_EQ(state.detail, "bias: 1 of 2 agree (50% < 100%)");
    EXPECT_EQ(db::annotatorQueue(d, c).itemIds, std::vector<int64_t>{item});
    EXPECT_TRUE(db::routeItem(d, item).empty()) << "routed again while c has not finished";

    label(c, "Yes");  // 2 of 3 agree: still below 100%
    routed = db::routeItem(d, item);
    ASSERT_EQ(routed.size(), 1u);
    EXPECT_EQ(routed[0].annotatorId, eve);
    EXPECT_EQ(routed[0].reason, "expert");
    EXPECT_EQ(routed[0].detail, "bias: 2 of 3 agree (67% < 100%)");
    EXPECT_TRUE(db::routeItem(d, item).empty()) << "an expert is asked once";
}

TEST_F(RoutingFixture, ThresholdDecidesWhetherTwoOfThreeIsEnough) {
    policy(0.6, "annotator");
    label(a, "Yes");
    label(b, "No");
    ASSERT_EQ(db::routeItem(d, item).size(), 1u);  // 50% < 60%
    label(c, "Yes");
    EXPECT_TRUE(db::routeItem(d, item).empty());  // 67% >= 60%
}

TEST_F(RoutingFixture, ExpertTargetSkipsTheExtraAnnotator) {
    policy(1.0, "expert");
    label(a, "Yes");
    label(b, "No");
    const auto routed = db::routeItem(d, item);
    ASSERT_EQ(routed.size(), 1u);
    EXPECT_EQ(routed[0].annotatorId, eve);
}

TEST_F(RoutingFixture, OnlyTheChosenFieldsCountAndDisabledRoutesNothing) {
    policy(1.0, "annotator", {"toxicity"});
    label(a, "Yes", "Mild");
    label(b, "No", "Mild");  // bias disagrees, toxicity agrees
    EXPECT_TRUE(db::routeItem(d, item).empty());
    label(b, "No", "High");
    const auto routed = db::routeItem(d, item);
    ASSERT_EQ(routed.size(), 1u);
    EXPECT_EQ(routed[0].detail, "toxicity: 1 of 2 agree (50% < 100%)");
    db::setRoutingPolicy(d, {});
    EXPECT_FALSE(db::routingPolicy(d).enabled);
    EXPECT_TRUE(db::routeDisagreements(d).empty());
}

TEST_F(RoutingFixture, RouteDisagreementsCoversEveryItemOnce) {
    policy(1.0, "annotator");
    label(a, "Yes");
    label(b, "No");
    EXPECT_EQ(db::routeDisagreements(d).size(), 1u);
    EXPECT_TRUE(db::routeDisagreements(d).empty());
    EXPECT_EQ(db::annotatorWorkloads(d)[2].routed, 1);  // c
}

TEST_F(RoutingFixture, BadPoliciesAreRefusedNamingTheSetting) {
    EXPECT_THROW(db::setRoutingPolicy(d, {true, 0.0, {}, "annotator"}), core::InputError);
    EXPECT_THROW(db::setRoutingPolicy(d, {true, 1.5, {}, "annotator"}), core::InputError);
    EXPECT_THROW(db::setRoutingPolicy(d, {true, 1.0, {}, "boss"}), core::InputError);
    try {
        db::setRoutingPolicy(d, {true, 1.0, {"colour"}, "annotator"});
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_EQ(e.diagnostic().field, "fields");
    }
    EXPECT_FALSE(db::routingPolicy(d).enabled);
}

// #12: a stored policy of the wrong shape (a project from elsewhere, edited by another program) threw
// nlohmann's type_error, naming no file, from every annotation save that routes.
TEST_F(RoutingFixture, AStoredPolicyOfTheWrongShapeIsRefusedNamingTheFile) {
    const std::pair<nlohmann::json, std::string> cases[] = {
        {nlohmann::json::array(), "expected an object"},
        {{{"enabled", "yes"}}, R"(enabled: expected true or false, found "yes")"},
        {{{"enabled", true}, {"threshold", "0.5"}}, R"(threshold: expected a number, found "0.5")"},
        {{{"enabled", true}, {"threshold", 5}}, "threshold: must be a share above 0 and at most 1 (1 routes any disagreement), not 5.000000"},
        {{{"enabled", true}, {"fields", {"bias", 3}}}, "fields: expected a list of field keys, found 3 in it"},
        {{{"enabled", true}, {"target", "boss"}}, "target: 'boss' is not annotator or expert"},
    };
    for (const auto& [stored, problem] : cases) {
        db::setProjectSetting(d, "routing", stored);
        try {
            db::routingPolicy(d);
            ADD_FAILURE() << stored;
        } catch (const db::DbError& e) {
            EXPECT_NE(std::string(e.what()).find((dir / "p.srllm").string() + ": project setting 'routing': " + problem), std::string::npos)
                << e.what();
        }
    }
    db::setProjectSetting(d, "routing", {{"enabled", true}, {"threshold", 0.6}, {"fields", {"bias"}}, {"target", "expert"}});
    const auto policy = db::routingPolicy(d);
    EXPECT_TRUE(policy.enabled);
    EXPECT_DOUBLE_EQ(policy.threshold, 0.6);
    EXPECT_EQ(policy.fields, std::vector<std::string>{"bias"});
    EXPECT_EQ(policy.target, "expert");
}
