// core/data/taxonomy-diff: what a new taxonomy version changes, and which edited taxonomies are refused.
#include <gtest/gtest.h>

#include "core/data/taxonomy-diff.h"

using srllm::core::diffTaxonomies;
using srllm::core::TaxonomyValueRef;
using srllm::core::validateTaxonomy;

namespace {

nlohmann::json base() {
    return nlohmann::json::parse(R"({"fields": [
        {"key": "bias", "label": "Bias", "type": "single", "values": ["No", "Yes"], "definition": "d"},
        {"key": "groups", "label": "Groups", "type": "multi", "values": ["Age", "Gender"]}]})");
}

}  // namespace

TEST(TaxonomyDiff, IdenticalTaxonomiesHaveAnEmptyDiff) { EXPECT_TRUE(diffTaxonomies(base(), base()).empty()); }

TEST(TaxonomyDiff, AddedFieldAndValueAreListed) {
    auto after = base();
    after["fields"][1]["values"].push_back("Religion");
    after["fields"].push_back({{"key", "harm"}, {"type", "single"}, {"values", {"Low", "High"}}});
    const auto diff = diffTaxonomies(base(), after);
    EXPECT_EQ(diff.fieldsAdded, std::vector<std::string>{"harm"});
    ASSERT_EQ(diff.valuesAdded.size(), 1u);
    EXPECT_EQ(diff.valuesAdded[0], (TaxonomyValueRef{"groups", "Religion"}));
    EXPECT_TRUE(diff.valuesRemoved.empty());
    EXPECT_TRUE(diff.fieldsRemoved.empty());
}

TEST(TaxonomyDiff, RenamedValueIsRemovedPlusAdded) {
    auto after = base();
    after["fields"][0]["values"] = {"No", "Biased"};
    const auto diff = diffTaxonomies(base(), after);
    ASSERT_EQ(diff.valuesRemoved.size(), 1u);
    EXPECT_EQ(diff.valuesRemoved[0], (TaxonomyValueRef{"bias", "Yes"}));
    ASSERT_EQ(diff.valuesAdded.size(), 1u);
    EXPECT_EQ(diff.valuesAdded[0], (TaxonomyValueRef{"bias", "Biased"}));
}

TEST(TaxonomyDiff, RenamedKeyIsRemovedPlusAddedField) {
    auto after = base();
    after["fields"][0]["key"] = "is_biased";
    const auto diff = diffTaxonomies(base(), after);
    EXPECT_EQ(diff.fieldsRemoved, std::vector<std::string>{"bias"});
    EXPECT_EQ(diff.fieldsAdded, std::vector<std::string>{"is_biased"});
}

TEST(TaxonomyDiff, RelabellingAndReorderingAreWordingOnly) {
    auto after = base();
    after["fields"][0]["label"] = "Bias (any identity)";
    after["fields"][1]["values"] = {"Gender", "Age"};
    const auto diff = diffTaxonomies(base(), after);
    EXPECT_EQ(diff.fieldsReworded, (std::vector<std::string>{"bias", "groups"}));
    EXPECT_TRUE(diff.valuesAdded.empty());
    EXPECT_TRUE(diff.valuesRemoved.empty());
}

TEST(TaxonomyDiff, TypeChangeIsReported) {
    auto after = base();
    after["fields"][0]["type"] = "multi";
    EXPECT_EQ(diffTaxonomies(base(), after).fieldsRetyped, std::vector<std::string>{"bias"});
    EXPECT_TRUE(diffTaxonomies(base(), after).fieldsReworded.empty());
}

TEST(ValidateTaxonomy, AcceptsAWellFormedTaxonomy) { EXPECT_TRUE(validateTaxonomy(base(), "t").empty()); }

TEST(ValidateTaxonomy, NamesDuplicateKeysValuesAndEmptyFields) {
    auto t = base();
    t["fields"][1]["key"] = "bias";
    t["fields"][0]["values"].push_back("No");
    t["fields"].push_back({{"key", ""}, {"values", {"A"}}});
    t["fields"].push_back({{"key", "x"}, {"type", "several"}, {"values", nlohmann::json::array()}});
    const auto problems = validateTaxonomy(t, "taxonomy v2");
    ASSERT_EQ(problems.size(), 5u);
    EXPECT_EQ(problems[0].field, "fields[0] 'bias'.values");
    EXPECT_NE(problems[0].message.find("'No' appears twice"), std::string::npos);
    EXPECT_EQ(problems[1].field, "fields[1] 'bias'");
    EXPECT_EQ(problems[2].field, "fields[2].key");
    EXPECT_EQ(problems[3].field, "fields[3] 'x'.type");
    EXPECT_EQ(problems[4].field, "fields[3] 'x'.values");
    EXPECT_EQ(problems[0].file, "taxonomy v2");
}

// #12: value("type", "single") threw nlohmann's type_error for a number; a numeric label reached the Annotate
// view's value("label", ...), which throws the same.
TEST(ValidateTaxonomy, ValuesOfTheWrongKindAreProblemsNotExceptions) {
    auto t = base();
    t["fields"][0]["type"] = 5;
    t["fields"][1]["label"] = 7;
    const auto problems = validateTaxonomy(t, "t");
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].field, "fields[0] 'bias'.type");
    EXPECT_EQ(problems[0].message, "'5' is not single|multi");
    EXPECT_EQ(problems[1].field, "fields[1] '" + t["fields"][1]["key"].get<std::string>() + "'.label");
}

TEST(ValidateTaxonomy, MissingFieldsArrayIsOneProblem) {
    const auto problems = validateTaxonomy(nlohmann::json::object(), "t");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "fields");
}
