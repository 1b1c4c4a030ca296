// db/gold and db/references: one gold row per item, provenance checked by the schema.
#include <gtest/gtest.h>

#include "db/annotators.h"
#include "db/gold.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "db/references.h"
#include "support/test-data.h"
#include "support/vector-item-reader.h"

using namespace srllm;

namespace {

struct GoldFixture : testing::Test {
    test::ScratchDir dir;
    std::unique_ptr<db::Project> project = db::Project::create(dir / "p.srllm");
    db::Database& db = project->db();
    int64_t item = 0;

    void SetUp() override {
        test::VectorItemReader reader(test::numberedRecords(0, 2));
        db::importItems(*project, reader, "d", nullptr);
        item = db::queryItems(db, {}).front().id;
    }
};

}  // namespace

TEST_F(GoldFixture, ProvenanceMustBeAKnownValue) {
    for (const char* provenance : {"unanimous", "majority", "import"})
        EXPECT_NO_THROW(db::saveGold(db, {item, {{"bias", "Yes"}}, {}, std::nullopt, provenance}));
    EXPECT_THROW(db::saveGold(db, {item, nlohmann::json::object(), {}, std::nullopt, "vote"}), db::DbError);
    EXPECT_THROW(db::saveGold(db, {item, nlohmann::json::object(), {}, std::nullopt, ""}), db::DbError);
    EXPECT_EQ(db::goldFor(db, item)->provenance, "import");
}

TEST_F(GoldFixture, ExpertGoldNamesTheExpert) {
    EXPECT_THROW(db::saveGold(db, {item, nlohmann::json::object(), {}, std::nullopt, "expert"}), db::DbError);
    const int64_t expert = db::ensureAnnotator(db, "dr who", "expert");
    db::saveGold(db, {item, {{"toxicity", "Mild"}}, {{2, 5}}, "kinder text", "expert", expert});
    const auto gold = db::goldFor(db, item);
    ASSERT_TRUE(gold);
    EXPECT_EQ(gold->decidedBy, expert);
    EXPECT_EQ(gold->labels["toxicity"], "Mild");
    ASSERT_EQ(gold->spans.size(), 1u);
    EXPECT_EQ(gold->spans[0].start, 2);
    EXPECT_EQ(gold->rewrite, "kinder text");
    EXPECT_EQ(gold->taxonomyVersion, 1);
}

TEST_F(GoldFixture, SavingAgainReplacesTheRow) {
    db::saveGold(db, {item, {{"bias", "Yes"}}, {}, std::nullopt, "majority"});
    db::saveGold(db, {item, {{"bias", "No"}}, {}, std::nullopt, "unanimous"});
    const auto all = db::allGold(db);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].labels["bias"], "No");
    EXPECT_EQ(all[0].provenance, "unanimous");
    EXPECT_FALSE(db::goldFor(db, item + 1));
}

TEST_F(GoldFixture, ReferencesKeepInsertionOrderAndRefuseEmptyText) {
    db::addReference(db, item, "second form", "import");
    db::addReference(db, item, "a first form", "ana");
    EXPECT_EQ(db::referencesFor(db, item), (std::vector<std::string>{"second form", "a first form"}));
    EXPECT_THROW(db::addReference(db, item, "", "ana"), db::DbError);
    EXPECT_THROW(db::addReference(db, 9999, "x", "ana"), db::DbError);
}
