// db/assignments: overlap k with round robin or balanced load, seeded and stratified orders, idempotent
// reruns, and reassignment that never loses a label (#11 item 2).
#include <gtest/gtest.h>

#include "db/annotations.h"
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

    void addItems(int count, const std::vector<std::string>& strata = {}) {
        auto records = test::numberedRecords(0, count);
        for (size_t i = 0; i < records.size() && !strata.empty(); ++i)
            records[i].metadata["dimension"] = strata[i % strata.size()];
        test::VectorItemReader reader(records);
        db::importItems(*project, reader, "d", nullptr);
        for (const auto& row : db::queryItems(db, {.limit = count})) items.push_back(row.id);
    }
    void SetUp() override {
        for (const char* name : {"a", "b", "c"}) annotators.push_back(db::ensureAnnotator(db, name));
    }
    db::AssignOptions options(int k, db::AssignStrategy strategy = db::AssignStrategy::RoundRobin) {
        return {.overlap = k, .annotatorIds = annotators, .strategy = strategy};
    }
    int64_t countFor(int64_t annotator) {
        return static_cast<int64_t>(db::assignedItems(db, annotator).size());
    }
};

}  // namespace

TEST_F(AssignmentsFixture, OverlapTwoOverThreeAnnotatorsRoundRobin) {
    addItems(4);
    const auto s = db::assignItems(db, items, options(2));
    // Item i takes annotators (2i) mod 3 and (2i+1) mod 3: i0 {a,b}, i1 {c,a}, i2 {b,c}, i3 {a,b}.
    EXPECT_EQ(db::assignedItems(db, annotators[0]), (Ids{items[0], items[1], items[3]}));
    EXPECT_EQ(db::assignedItems(db, annotators[1]), (Ids{items[0], items[2], items[3]}));
    EXPECT_EQ(db::assignedItems(db, annotators[2]), (Ids{items[1], items[2]}));
    EXPECT_EQ(s.assignments, 8);
    EXPECT_EQ(s.perAnnotator.at(annotators[2]), 2);
}

TEST_F(AssignmentsFixture, EveryItemGetsExactlyKDistinctAnnotatorsAndLoadsDifferByAtMostOne) {
    addItems(101);
    for (const auto strategy : {db::AssignStrategy::RoundRobin, db::AssignStrategy::Balanced}) {
        db.exec("DELETE FROM assignments");
        db::assignItems(db, items, options(2, strategy));
        // 101 items x 2 = 202 assignments over 3 annotators: 68, 67, 67 in some order.
        EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM (SELECT item_id FROM assignments GROUP BY item_id"
                                     " HAVING count(DISTINCT annotator_id) = 2)"), 101);
        const Ids loads = {countFor(annotators[0]), countFor(annotators[1]), countFor(annotators[2])};
        EXPECT_EQ(loads[0] + loads[1] + loads[2], 202);
        EXPECT_LE(*std::max_element(loads.begin(), loads.end()) - *std::min_element(loads.begin(), loads.end()), 1);
    }
}

TEST_F(AssignmentsFixture, BalancedEvensOutLoadFromEarlierAssignments) {
    addItems(12);
    // a already holds 6 items; balanced gives the next 6 items (k=1) to b and c, 3 each, and none to a.
    db::assignItems(db, Ids(items.begin(), items.begin() + 6), {.overlap = 1, .annotatorIds = {annotators[0]}});
    const auto s = db::assignItems(db, Ids(items.begin() + 6, items.end()), options(1, db::AssignStrategy::Balanced));
    EXPECT_EQ(s.perAnnotator.count(annotators[0]), 0u);
    EXPECT_EQ(s.perAnnotator.at(annotators[1]), 3);
    EXPECT_EQ(s.perAnnotator.at(annotators[2]), 3);
}

TEST_F(AssignmentsFixture, SeedShufflesReproduciblyAndZeroKeepsIdOrder) {
    addItems(30);
    const auto run = [&](uint64_t seed) {
        db.exec("DELETE FROM assignments");
        auto o = options(1);
        o.seed = seed;
        db::assignItems(db, items, o);
        return db::assignedItems(db, annotators[0]);
    };
    const Ids plain = run(0);
    EXPECT_EQ(plain.front(), items[0]);
    EXPECT_EQ(plain[1], items[3]);  // id order: a takes every third item
    const Ids seeded = run(7);
    EXPECT_EQ(run(7), seeded);
    EXPECT_NE(seeded, plain);
    EXPECT_EQ(seeded.size(), 10u);
}

TEST_F(AssignmentsFixture, StrataAreSpreadEvenlyOverAnnotators) {
    // 12 items in strata x, y, z (4 each, interleaved); k=1 over 2 annotators: 2 of each stratum apiece.
    addItems(12, {"x", "y", "z"});
    db::AssignOptions o{.overlap = 1, .annotatorIds = {annotators[0], annotators[1]}, .stratifyKey = "dimension"};
    const auto s = db::assignItems(db, items, o);
    EXPECT_EQ(s.strata.at("x"), 4);
    for (int64_t annotator : {annotators[0], annotators[1]})
        for (const char* stratum : {"x", "y", "z"}) {
            auto st = db.prepare("SELECT count(*) FROM assignments s JOIN items i ON i.id = s.item_id"
                                 " WHERE s.annotator_id = ?1 AND json_extract(i.metadata, '$.dimension') = ?2");
            st.bind(1, annotator).bind(2, stratum).step();
            EXPECT_EQ(st.columnInt(0), 2) << stratum;
        }
}

TEST_F(AssignmentsFixture, RunningAgainAddsNothing) {
    addItems(4);
    db::assignItems(db, items, options(2));
    const auto second = db::assignItems(db, items, options(2));
    EXPECT_EQ(second.assignments, 0);
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM assignments"), 8);
}

TEST_F(AssignmentsFixture, RefusesImpossibleOverlapAndRepeatedOrUnknownAnnotators) {
    addItems(4);
    EXPECT_THROW(db::assignItems(db, items, options(4)), db::DbError);
    EXPECT_THROW(db::assignItems(db, items, options(0)), db::DbError);
    EXPECT_THROW(db::assignItems(db, items, {.overlap = 1, .annotatorIds = {annotators[0], annotators[0]}}), db::DbError);
    EXPECT_THROW(db::assignItems(db, items, {.overlap = 1, .annotatorIds = {9999}}), db::DbError);
    EXPECT_FALSE(db::projectAssignsItems(db));
}

TEST_F(AssignmentsFixture, ReassigningMovesOpenItemsAndKeepsEveryLabel) {
    addItems(4);
    db::assignItems(db, items, {.overlap = 1, .annotatorIds = {annotators[0]}});
    db::assignItems(db, {items[3]}, {.overlap = 2, .annotatorIds = {annotators[0], annotators[1]}});
    const auto save = [&](int64_t item, const char* status) {
        db::AnnotationRow row;
        row.itemId = item;
        row.annotatorId = annotators[0];
        row.labels = {{"bias", "Yes"}};
        row.status = status;
        db::saveAnnotation(db, row);
    };
    save(items[0], "done");
    save(items[1], "draft");
    const int64_t before = test::queryInt(db, "SELECT count(*) FROM annotations");
    const auto s = db::reassignItems(db, annotators[0], annotators[1]);
    EXPECT_EQ(s.keptDone, 1);  // item 0 stays with a: its label counts
    EXPECT_EQ(s.moved, 2);     // items 1 (a's draft) and 2
    EXPECT_EQ(s.shared, 1);    // item 3 was b's as well
    EXPECT_EQ(db::assignedItems(db, annotators[0]), (Ids{items[0]}));
    EXPECT_EQ(db::assignedItems(db, annotators[1]), (Ids{items[1], items[2], items[3]}));
    EXPECT_EQ(test::queryInt(db, "SELECT count(*) FROM annotations"), before);
    EXPECT_EQ(db::annotationFor(db, items[1], annotators[0])->status, "draft");
    EXPECT_THROW(db::reassignItems(db, annotators[0], annotators[0]), db::DbError);
}
