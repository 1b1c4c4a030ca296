// db/items: lookups, paging, and the FTS5 index staying in step with the items table.
#include <gtest/gtest.h>

#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "support/test-data.h"
#include "support/vector-item-reader.h"

using namespace srllm;

namespace {

struct ItemsFixture : testing::Test {
    test::ScratchDir dir;
    std::unique_ptr<db::Project> project = db::Project::create(dir / "p.srllm");
    db::Database& db = project->db();

    void import(std::vector<std::string> texts, const std::string& dataset = "d") {
        std::vector<core::ItemImportRecord> records;
        for (auto& text : texts) {
            core::ItemImportRecord record;
            record.line = static_cast<int64_t>(records.size()) + 2;
            record.externalId = "ext-" + std::to_string(records.size());
            record.text = std::move(text);
            records.push_back(std::move(record));
        }
        test::VectorItemReader reader(std::move(records));
        db::importItems(*project, reader, dataset, nullptr);
    }

    std::vector<std::string> search(const std::string& words) {
        std::vector<std::string> texts;
        for (const auto& row : db::queryItems(db, {.search = words})) texts.push_back(row.text);
        return texts;
    }
};

using Texts = std::vector<std::string>;

}  // namespace

TEST_F(ItemsFixture, FullTextSearchFindsAllWordsInIdOrder) {
    import({"Older workers cannot keep up", "The workshop covers new software", "Workers of the world"});
    EXPECT_EQ(search("workers"), (Texts{"Older workers cannot keep up", "Workers of the world"}));
    EXPECT_EQ(search("workers older"), (Texts{"Older workers cannot keep up"}));
    EXPECT_EQ(search("work*"), (Texts{"Older workers cannot keep up", "The workshop covers new software",
                                      "Workers of the world"}));
    EXPECT_EQ(db::countItems(db, {.search = "workers"}), 2);
}

TEST_F(ItemsFixture, SearchTextWithFtsSyntaxIsTakenLiterally) {
    import({"say \"hello\" AND (goodbye)", "NOT this one"});
    EXPECT_EQ(search("\"hello"), (Texts{"say \"hello\" AND (goodbye)"}));
    EXPECT_EQ(search("AND"), (Texts{"say \"hello\" AND (goodbye)"}));
    EXPECT_EQ(search("NOT"), (Texts{"NOT this one"}));
}

TEST_F(ItemsFixture, IndexFollowsUpdatesAndDeletes) {
    import({"alpha beta", "gamma delta"});
    const int64_t first = db::queryItems(db, {}).front().id;
    db.prepare("UPDATE items SET text = 'epsilon beta' WHERE id = ?1").bind(1, first).run();
    EXPECT_EQ(search("alpha"), Texts{});
    EXPECT_EQ(search("epsilon"), (Texts{"epsilon beta"}));
    db.prepare("DELETE FROM items WHERE id = ?1").bind(1, first).run();
    EXPECT_EQ(search("beta"), Texts{});
    EXPECT_EQ(search("gamma"), (Texts{"gamma delta"}));
    db.exec("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)");  // throws if out of sync
}

TEST_F(ItemsFixture, FiltersByDatasetAndPages) {
    import({"a one", "a two", "a three"}, "first");
    import({"a four"}, "second");
    const auto second = db::datasetByName(db, "second");
    ASSERT_TRUE(second);
    EXPECT_EQ(db::countItems(db, {.datasetId = second}), 1);
    EXPECT_EQ(db::countItems(db, {}), 4);
    const auto page = db::queryItems(db, {.search = "a", .offset = 1, .limit = 2});
    ASSERT_EQ(page.size(), 2u);
    EXPECT_EQ(page[0].text, "a two");
    EXPECT_EQ(page[1].text, "a three");
    EXPECT_EQ(db::ensureDataset(db, "second"), *second);
}

TEST_F(ItemsFixture, LooksUpByIdUidExternalIdAndText) {
    import({"first text", "second text"});
    const auto byText = db::itemByText(db, "second text");
    ASSERT_TRUE(byText);
    EXPECT_EQ(byText->externalId, "ext-1");
    EXPECT_EQ(byText->uid.size(), 32u);
    EXPECT_EQ(byText->uid.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(db::itemById(db, byText->id)->text, "second text");
    EXPECT_EQ(db::itemByUid(db, byText->uid)->id, byText->id);
    EXPECT_EQ(db::itemByExternalId(db, "ext-0")->text, "first text");
    EXPECT_FALSE(db::itemByText(db, "second text "));
    EXPECT_FALSE(db::itemById(db, 999));
}

TEST_F(ItemsFixture, SplitIsCheckedByTheSchema) {
    import({"x"});
    const int64_t id = db::queryItems(db, {}).front().id;
    db::setItemSplit(db, id, "val");
    EXPECT_EQ(db::itemById(db, id)->split, "val");
    EXPECT_THROW(db::setItemSplit(db, id, "holdout"), db::DbError);
    db::setItemSplit(db, id, std::nullopt);
    EXPECT_FALSE(db::itemById(db, id)->split);
}
