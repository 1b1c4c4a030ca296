// db/taxonomy-migration: a new taxonomy version never drops or reinterprets labels that annotations use.
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/gold.h"
#include "db/items.h"
#include "db/project.h"
#include "db/taxonomy-migration.h"
#include "db/taxonomy-store.h"
#include "support/test-data.h"

namespace db = srllm::db;

namespace {

class TaxonomyMigration : public ::testing::Test {
protected:
    void SetUp() override {
        project = db::Project::create((scratch / "p.srllm").string());
        auto& d = project->db();
        const int64_t dataset = db::ensureDataset(d, "set");
        for (int i = 0; i < 3; ++i)
            d.prepare("INSERT INTO items(uid, dataset_id, text, text_hash)"
                      " VALUES (lower(hex(randomblob(16))), ?1, ?2, randomblob(32))")
                .bind(1, dataset).bind(2, "text " + std::to_string(i)).run();
        const int64_t a = db::ensureAnnotator(d, "a");
        const int64_t b = db::ensureAnnotator(d, "b");
        // Hand count: bias=Yes in 2 annotations (items 1, 2) + 1 gold; target_groups Age in 1 annotation.
        save(1, a, {{"bias", "Yes"}, {"target_groups", {"Age", "Gender"}}});
        save(2, b, {{"bias", "Yes"}});
        save(3, a, {{"bias", "No"}});
        db::GoldRow gold;
        gold.itemId = 1;
        gold.labels = {{"bias", "Yes"}};
        gold.provenance = "import";
        db::saveGold(d, gold);
    }
    void save(int64_t item, int64_t annotator, nlohmann::json labels) {
        db::AnnotationRow row;
        row.itemId = item;
        row.annotatorId = annotator;
        row.labels = std::move(labels);
        db::saveAnnotation(project->db(), row);
    }
    nlohmann::json& field(nlohmann::json& taxonomy, const std::string& key) {
        for (auto& f : taxonomy["fields"])
            if (f["key"] == key) return f;
        throw std::runtime_error("no field " + key);
    }
    srllm::test::ScratchDir scratch;
    std::unique_ptr<db::Project> project;
};

}  // namespace

TEST_F(TaxonomyMigration, CountsSingleAndMultiValueUse) {
    const auto bias = db::countValueUsage(project->db(), "bias", "Yes");
    EXPECT_EQ(bias.annotations, 2);
    EXPECT_EQ(bias.gold, 1);
    EXPECT_EQ(db::countValueUsage(project->db(), "target_groups", "Gender").annotations, 1);
    EXPECT_EQ(db::countValueUsage(project->db(), "target_groups", "Religion").annotations, 0);
    EXPECT_EQ(db::countValueUsage(project->db(), "bias", "").annotations, 3);
}

TEST_F(TaxonomyMigration, RenamingAUsedValueIsRefusedWithTheCount) {
    auto edited = db::currentTaxonomy(project->db()).json;
    field(edited, "bias")["values"] = {"No", "Biased"};
    const auto check = db::checkTaxonomyChange(project->db(), edited, {});
    ASSERT_EQ(check.problems.size(), 1u);
    EXPECT_EQ(check.problems[0].field, "bias");
    EXPECT_NE(check.problems[0].message.find("2 annotation(s) and 1 gold label(s)"), std::string::npos)
        << check.problems[0].message;
    EXPECT_THROW(db::saveTaxonomyVersion(project->db(), edited, {}), srllm::core::InputError);
    EXPECT_EQ(db::currentTaxonomy(project->db()).version, 1);
}

TEST_F(TaxonomyMigration, RenamingWithAMappingIsSavedAndRecorded) {
    auto edited = db::currentTaxonomy(project->db()).json;
    field(edited, "bias")["values"] = {"No", "Biased"};
    const int version = db::saveTaxonomyVersion(project->db(), edited, {{"bias", "Yes", "Biased"}});
    EXPECT_EQ(version, 2);
    const auto stored = db::taxonomyVersion(project->db(), 2)->json;
    ASSERT_EQ(stored["value_mappings"].size(), 1u);
    EXPECT_EQ(stored["value_mappings"][0]["from"], "Yes");
    EXPECT_EQ(stored["value_mappings"][0]["to"], "Biased");
    EXPECT_EQ(stored["value_mappings"][0]["from_version"], 1);
    // Annotations keep the version they were made under and their stored value.
    const auto kept = db::annotationFor(project->db(), 1, 1);
    EXPECT_EQ(kept->taxonomyVersion, 1);
    EXPECT_EQ(kept->labels["bias"], "Yes");
}

TEST_F(TaxonomyMigration, MappingToAValueThatDoesNotExistIsRefused) {
    auto edited = db::currentTaxonomy(project->db()).json;
    field(edited, "bias")["values"] = {"No", "Biased"};
    const auto check = db::checkTaxonomyChange(project->db(), edited, {{"bias", "Yes", "Maybe"}});
    ASSERT_EQ(check.problems.size(), 1u);
    EXPECT_NE(check.problems[0].message.find("no such value"), std::string::npos);
}

TEST_F(TaxonomyMigration, RemovingAnUnusedValueAndAddingFieldsIsAllowed) {
    auto edited = db::currentTaxonomy(project->db()).json;
    auto& groups = field(edited, "target_groups")["values"];
    groups.erase(std::find(groups.begin(), groups.end(), "Religion"));
    edited["fields"].push_back({{"key", "stance"}, {"type", "single"}, {"values", {"For", "Against"}}});
    field(edited, "bias")["definition"] = "Reworded.";
    const auto check = db::checkTaxonomyChange(project->db(), edited, {});
    EXPECT_TRUE(check.ok());
    EXPECT_EQ(check.diff.fieldsAdded, std::vector<std::string>{"stance"});
    EXPECT_EQ(db::saveTaxonomyVersion(project->db(), edited, {}), 2);
}

TEST_F(TaxonomyMigration, RemovingOrRetypingAUsedFieldIsRefused) {
    auto removed = db::currentTaxonomy(project->db()).json;
    auto& fields = removed["fields"];
    fields.erase(std::find_if(fields.begin(), fields.end(), [](const auto& f) { return f["key"] == "bias"; }));
    auto check = db::checkTaxonomyChange(project->db(), removed, {});
    ASSERT_EQ(check.problems.size(), 1u);
    EXPECT_NE(check.problems[0].message.find("3 annotation(s) and 1 gold label(s)"), std::string::npos);

    auto retyped = db::currentTaxonomy(project->db()).json;
    field(retyped, "bias")["type"] = "multi";
    check = db::checkTaxonomyChange(project->db(), retyped, {});
    ASSERT_EQ(check.problems.size(), 1u);
    EXPECT_NE(check.problems[0].message.find("type changed"), std::string::npos);
}
