// db/taxonomy-store: a connection parses each taxonomy version once and reuses it (#12), yet sees every
// change: a version added by another connection, a version rolled back, a stored row edited elsewhere.
#include <gtest/gtest.h>

#include "db/database.h"
#include "db/project.h"
#include "db/taxonomy-store.h"
#include "support/test-data.h"

namespace db = srllm::db;

namespace {

// The default taxonomy with its first field renamed: a version told apart from the default by its content.
nlohmann::json renamedFirstField(nlohmann::json taxonomy, const std::string& name) {
    taxonomy["fields"][0]["name"] = name;
    return taxonomy;
}

class TaxonomyStore : public ::testing::Test {
protected:
    void SetUp() override {
        path = (scratch / "p.srllm").string();
        project = db::Project::create(path);
        original = nlohmann::json::parse(db::defaultTaxonomyJson());
    }
    srllm::test::ScratchDir scratch;
    std::string path;
    std::unique_ptr<db::Project> project;
    nlohmann::json original;
};

}  // namespace

TEST_F(TaxonomyStore, RepeatedReadsGiveTheStoredVersion) {
    auto& d = project->db();
    for (int i = 0; i < 3; ++i) {
        const db::TaxonomyRow row = db::currentTaxonomy(d);
        EXPECT_EQ(row.version, 1);
        EXPECT_EQ(row.json, original);
    }
    EXPECT_EQ(db::taxonomyVersion(d, 1)->json, original);
    EXPECT_FALSE(db::taxonomyVersion(d, 2).has_value());
}

TEST_F(TaxonomyStore, AVersionAddedByAnotherConnectionIsSeen) {
    auto& mine = project->db();
    ASSERT_EQ(db::currentTaxonomy(mine).version, 1);  // parsed and kept by this connection
    const nlohmann::json edited = renamedFirstField(original, "Bias (edited elsewhere)");
    {
        auto other = db::Project::open(path);
        EXPECT_EQ(db::addTaxonomyVersion(other->db(), edited), 2);
    }
    const db::TaxonomyRow row = db::currentTaxonomy(mine);
    EXPECT_EQ(row.version, 2);
    EXPECT_EQ(row.json, edited);
    EXPECT_EQ(db::taxonomyVersion(mine, 1)->json, original);
}

TEST_F(TaxonomyStore, ARolledBackVersionIsForgottenAndItsNumberReused) {
    auto& d = project->db();
    const nlohmann::json dropped = renamedFirstField(original, "rolled back");
    {
        db::Transaction tx(d);
        EXPECT_EQ(db::addTaxonomyVersion(d, dropped), 2);
        EXPECT_EQ(db::currentTaxonomy(d).json, dropped);  // parsed inside the transaction
    }  // rolled back
    EXPECT_EQ(db::currentTaxonomy(d).version, 1);
    EXPECT_FALSE(db::taxonomyVersion(d, 2).has_value());
    const nlohmann::json kept = renamedFirstField(original, "kept");
    EXPECT_EQ(db::addTaxonomyVersion(d, kept), 2);  // the same number, other content
    EXPECT_EQ(db::currentTaxonomy(d).json, kept);
    EXPECT_EQ(db::taxonomyVersion(d, 2)->json, kept);
}

TEST_F(TaxonomyStore, ARowEditedInPlaceByAnotherProgramIsReadAgain) {
    auto& mine = project->db();
    ASSERT_EQ(db::currentTaxonomy(mine).json, original);
    const nlohmann::json edited = renamedFirstField(original, "edited in place");
    db::Database other(path, db::Database::Mode::ReadWrite);
    other.prepare("UPDATE taxonomies SET json = ?1 WHERE version = 1").bind(1, edited.dump()).run();
    EXPECT_EQ(db::currentTaxonomy(mine).json, edited);
    // Damaged in place: refused on every read, never answered from what was parsed before.
    other.prepare("UPDATE taxonomies SET json = '{\"fields\": 7}' WHERE version = 1").run();
    for (int i = 0; i < 2; ++i) EXPECT_THROW(db::currentTaxonomy(mine), db::DbError);
    // A label of the wrong kind (#12: the Annotate view's value("label", ...) threw type_error) is refused on
    // read, naming the file and the field, and never stored by addTaxonomyVersion.
    nlohmann::json numericLabel = original;
    numericLabel["fields"][0]["label"] = 5;
    other.prepare("UPDATE taxonomies SET json = ?1 WHERE version = 1").bind(1, numericLabel.dump()).run();
    try {
        db::currentTaxonomy(mine);
        FAIL() << "a numeric label was read";
    } catch (const db::DbError& e) {
        EXPECT_NE(std::string(e.what()).find(path + ": taxonomy v1: field 'fields[0].label': must be a string, found 5"), std::string::npos)
            << e.what();
    }
    EXPECT_THROW(db::addTaxonomyVersion(mine, numericLabel), db::DbError);
}
