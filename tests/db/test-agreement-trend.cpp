// db/agreement-trend: Krippendorff's alpha per window of completed items.
#include <cmath>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/items.h"
#include "db/project.h"
#include "db/agreement-trend.h"
#include "support/test-data.h"

namespace db = srllm::db;

namespace {

void save(db::Database& d, int64_t item, int64_t annotator, const char* bias, const char* status = "done") {
    db::AnnotationRow row;
    row.itemId = item;
    row.annotatorId = annotator;
    row.labels = {{"bias", bias}};
    row.status = status;
    db::saveAnnotation(d, row);
}

}  // namespace

TEST(AgreementTrend, AlphaPerWindowOfCompletedItems) {
    srllm::test::ScratchDir scratch;
    auto project = db::Project::create((scratch / "p.srllm").string());
    auto& d = project->db();
    const int64_t dataset = db::ensureDataset(d, "set");
    for (int i = 1; i <= 5; ++i)
        d.prepare("INSERT INTO items(uid, dataset_id, text, text_hash)"
                  " VALUES (lower(hex(randomblob(16))), ?1, ?2, randomblob(32))")
            .bind(1, dataset).bind(2, "text " + std::to_string(i)).run();
    const int64_t a = db::ensureAnnotator(d, "a"), b = db::ensureAnnotator(d, "b");
    // Window 1 (items 1, 2): Yes/Yes, No/No -> perfect agreement, alpha = 1.
    // Window 2 (items 3, 4): Yes/No, No/Yes. By hand (Krippendorff 2011): o_YN = o_NY = 2, n_Y = n_N = 2,
    // n = 4, alpha = 1 - (n-1) * 4 / (2*2 + 2*2) = 1 - 12/8 = -0.5.
    save(d, 1, a, "Yes"); save(d, 1, b, "Yes");
    save(d, 2, a, "No"); save(d, 2, b, "No");
    save(d, 3, a, "Yes"); save(d, 3, b, "No");
    save(d, 4, a, "No"); save(d, 4, b, "Yes");
    save(d, 5, a, "No"); save(d, 5, b, "No", "draft");  // one done rating only: not completed
    const auto trend = db::agreementTrend(d, "bias", 2);
    EXPECT_EQ(trend.metric, "nominal");
    ASSERT_EQ(trend.points.size(), 2u);
    EXPECT_EQ(trend.points[0].itemsBefore, 0);
    EXPECT_EQ(trend.points[0].items, 2);
    EXPECT_DOUBLE_EQ(trend.points[0].alpha, 1.0);
    EXPECT_EQ(trend.points[1].itemsBefore, 2);
    EXPECT_NEAR(trend.points[1].alpha, -0.5, 1e-12);
    EXPECT_FALSE(trend.points[1].until.empty());
}

TEST(AgreementTrend, UnknownFieldAndTinyWindowAreRefused) {
    srllm::test::ScratchDir scratch;
    auto project = db::Project::create((scratch / "p.srllm").string());
    EXPECT_THROW(db::agreementTrend(project->db(), "no_such_field", 10), srllm::core::InputError);
    EXPECT_THROW(db::agreementTrend(project->db(), "bias", 1), srllm::core::InputError);
    EXPECT_TRUE(db::agreementTrend(project->db(), "bias", 10).points.empty());
}
