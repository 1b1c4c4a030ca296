// db/assignments: round-robin with overlap k, deterministic and idempotent.
#include <gtest/gtest.h>

#include "db/annotators.h"
#include "db/assignments.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "support/db-query.h"
#include "support/test-data.h"
#include "support/vector-item-reader.h"

using namespace srllm;
using Ids = std::vector<int64_t>;

namespace {

struct AssignmentsFixture : testing::Test {
    test::ScratchDir dir;
    std::unique_ptr<db::Project> project = db::Project::create(dir / "p.srllm");
    db::Database& db = project->db();
    Ids items, annotators;

    void SetUp() override {
        test::VectorItemReader reader(test::numberedRecords(0, 4));
        db::importItems(*project, reader, "d", nullptr);
        for (const auto& row : db::queryItems(db, {})) items.push_back(row.id);
        for (const char* name : {"a", "b", "c"}) annotators.push_back(db::ensureAnnotator(db, name));
    }
};

}  // namespace

TEST_F(AssignmentsFixture, OverlapTwoOverThreeAnnotatorsRoundRobin) {
    db::assignItems(db, 2, annotators);
    // Item i takes annotators (2i) mod 3 and (2i+1) mod 3: i0 {a,b}, i1 {c,a}, i2 {b,c}, i3 {a,b}.
    EXPECT_EQ(db::assignedItems(db, annotators[0]), (Ids{items[0], items[1], items[3]}));
    EXPECT_EQ(db::assignedItems(db, annotators[1]), (Ids{items[0], items[2], items[3]}));
    EXPECT_EQ(db::assignedItems(db, annotators[2]), (Ids{items[1], items[2]}));
}

TEST_F(AssignmentsFixture, RunningAgainAddsNothing) {
    db::assignItems(db, 2, annotators);
    db::assignItems(db, 2, annotators);
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM assignments"), 8);
}

TEST_F(AssignmentsFixture, RefusesImpossibleOverlapAndRepeatedAnnotators) {
    EXPECT_THROW(db::assignItems(db, 4, annotators), db::DbError);
    EXPECT_THROW(db::assignItems(db, 0, annotators), db::DbError);
    EXPECT_THROW(db::assignItems(db, 1, {annotators[0], annotators[0]}), db::DbError);
    EXPECT_THROW(db::assignItems(db, 1, {9999}), db::DbError);  // foreign key, rolled back
    EXPECT_TRUE(db::assignedItems(db, annotators[0]).empty());
}
