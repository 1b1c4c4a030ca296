// db/annotations and db/annotators: one row per item and annotator, updated in place.
#include <gtest/gtest.h>

#include "db/annotations.h"
#include "db/annotators.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "support/db-query.h"
#include "support/test-data.h"
#include "support/vector-item-reader.h"

using namespace srllm;

namespace {

struct AnnotationsFixture : testing::Test {
    test::ScratchDir dir;
    std::unique_ptr<db::Project> project = db::Project::create(dir / "p.srllm");
    db::Database& db = project->db();
    std::vector<int64_t> items;

    void SetUp() override {
        test::VectorItemReader reader(test::numberedRecords(0, 3));
        db::importItems(*project, reader, "d", nullptr);
        for (const auto& row : db::queryItems(db, {})) items.push_back(row.id);
    }

    int64_t rowCount() { return test::queryInt(db, "SELECT count(*) FROM annotations"); }
};

}  // namespace

TEST_F(AnnotationsFixture, SaveTwiceKeepsOneRowAndTheFirstCreationTime) {
    const int64_t ann = db::ensureAnnotator(db, "ana");
    db::AnnotationRow row;
    row.itemId = items[0];
    row.annotatorId = ann;
    row.labels = {{"bias", "Yes"}, {"target", {"age", "gender"}}};
    row.spans = {{0, 4}};
    const int64_t id = db::saveAnnotation(db, row);
    const auto first = db::annotationFor(db, items[0], ann);
    ASSERT_TRUE(first);

    row.labels["bias"] = "No";
    row.rewrite = "text zero, kindly";
    row.status = "done";
    row.seconds = 12.5;
    EXPECT_EQ(db::saveAnnotation(db, row), id);
    EXPECT_EQ(rowCount(), 1);
    const auto saved = db::annotationFor(db, items[0], ann);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->labels["bias"], "No");
    EXPECT_EQ(saved->labels["target"], nlohmann::json({"age", "gender"}));
    ASSERT_EQ(saved->spans.size(), 1u);
    EXPECT_EQ(saved->spans[0].end, 4);
    EXPECT_EQ(saved->rewrite, "text zero, kindly");
    EXPECT_EQ(saved->status, "done");
    EXPECT_DOUBLE_EQ(saved->seconds, 12.5);
    EXPECT_EQ(saved->createdAt, first->createdAt);
    EXPECT_EQ(saved->createdAt.size(), 24u);  // 2026-01-02T03:04:05.678Z
    EXPECT_EQ(saved->createdAt.back(), 'Z');
}

TEST_F(AnnotationsFixture, ListsByItemAndOverall) {
    const int64_t a = db::ensureAnnotator(db, "a"), b = db::ensureAnnotator(db, "b", "expert");
    for (int64_t item : {items[1], items[0]})
        for (int64_t annotator : {b, a}) db::saveAnnotation(db, {0, item, annotator, 1, {{"bias", "No"}}});
    const auto forItem = db::annotationsForItem(db, items[0]);
    ASSERT_EQ(forItem.size(), 2u);
    EXPECT_EQ(forItem[0].annotatorId, a);
    const auto all = db::allAnnotations(db);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].itemId, items[0]);
    EXPECT_EQ(all[3].itemId, items[1]);
    EXPECT_EQ(all[3].annotatorId, b);
}

TEST_F(AnnotationsFixture, SchemaRejectsBadStatusUnknownItemAndUnknownTaxonomy) {
    const int64_t ann = db::ensureAnnotator(db, "ana");
    db::AnnotationRow row{0, items[0], ann, 1};
    row.status = "finished";
    EXPECT_THROW(db::saveAnnotation(db, row), db::DbError);
    row.status = "done";
    row.itemId = 9999;
    EXPECT_THROW(db::saveAnnotation(db, row), db::DbError);  // foreign key
    row.itemId = items[0];
    row.taxonomyVersion = 2;
    EXPECT_THROW(db::saveAnnotation(db, row), db::DbError);  // only version 1 exists
    row.labels = nlohmann::json::array();
    EXPECT_THROW(db::saveAnnotation(db, row), db::DbError);
    EXPECT_EQ(rowCount(), 0);
}

TEST_F(AnnotationsFixture, AnnotatorsAreUniqueByNameWithAKnownRole) {
    const int64_t id = db::ensureAnnotator(db, "rev", "reviewer");
    EXPECT_EQ(db::ensureAnnotator(db, "rev", "expert"), id);
    EXPECT_THROW(db::ensureAnnotator(db, "x", "boss"), db::DbError);
    EXPECT_THROW(db::ensureAnnotator(db, ""), db::DbError);
    const auto all = db::listAnnotators(db);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].role, "reviewer");
}

TEST_F(AnnotationsFixture, DeletingAnItemCascadesToItsAnnotations) {
    const int64_t ann = db::ensureAnnotator(db, "ana");
    db::saveAnnotation(db, {0, items[0], ann, 1});
    db.prepare("DELETE FROM items WHERE id = ?1").bind(1, items[0]).run();
    EXPECT_EQ(rowCount(), 0);
}
