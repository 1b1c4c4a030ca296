// db/label-mapping: Label Studio and doccano exports written by hand (tests/data/label-tools/) import to
// the expected labels; bad mappings are refused with nothing written (#11 items 8 and 10).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "db/annotations.h"
#include "db/annotators.h"
#include "db/items.h"
#include "db/label-mapping.h"
#include "db/project.h"
#include "support/db-query.h"
#include "support/test-data.h"

using namespace srllm;
using testing::HasSubstr;

namespace {

std::string fixture(const std::string& name) { return (test::sourceDir() / "tests/data/label-tools" / name).string(); }

struct MappingFixture : testing::Test {
    test::ScratchDir dir;
    std::unique_ptr<db::Project> project = db::Project::create(dir / "p.srllm");
    db::Database& d = project->db();

    const db::MappingEntry& entry(const db::MappingPlan& plan, const std::string& control, const std::string& value) {
        for (const auto& e : plan.entries)
            if (e.control == control && e.value == value) return e;
        throw std::runtime_error("no entry " + control + "/" + value);
    }
    std::string labelsOf(const std::string& text, const std::string& annotator) {
        const auto item = db::itemByText(d, text);
        const auto who = db::annotatorByName(d, annotator);
        if (!item || !who) return "(missing)";
        const auto row = db::annotationFor(d, item->id, who->id);
        return row ? row->labels.dump() : "(none)";
    }
};

}  // namespace

TEST_F(MappingFixture, LabelStudioExportMapsByNameAndImportsTheExpectedLabels) {
    const auto file = core::readLabelStudioJson(fixture("label-studio-export.json"));
    const db::MappingPlan plan = db::planLabelMapping(d, file, {});
    ASSERT_TRUE(plan.ok()) << core::formatDiagnostic(plan.problems.front());
    EXPECT_EQ(plan.tasks, 3);
    EXPECT_EQ(plan.annotations, 3);
    EXPECT_EQ(db::mappingTargetText(entry(plan, "toxicity", "Mild")), "toxicity = Mild");
    EXPECT_EQ(entry(plan, "bias", "No").count, 2);
    EXPECT_EQ(db::mappingTargetText(entry(plan, "", "Biased")), "biased-word spans");
    EXPECT_EQ(db::mappingTargetText(entry(plan, "rewrite", "")), "rewrite");

    const auto report = db::importExternalAnnotations(*project, file, plan, "ls", nullptr);
    EXPECT_EQ(report.itemsCreated, 3);
    EXPECT_EQ(report.annotations, 3);
    EXPECT_EQ(report.annotatorsCreated, 2);
    EXPECT_EQ(labelsOf("Old people can't use phones.", "label-studio-user-1"),
              R"({"bias":"Yes","target_groups":["Age"],"toxicity":"Mild"})");
    EXPECT_EQ(labelsOf("Old people can't use phones.", "ben@example.org"), R"({"bias":"No","toxicity":"No"})");
    const auto pizza = db::itemByText(d, "Thanks for the report 👍 and the 🍕 tip.");
    const auto row = db::annotationFor(d, pizza->id, db::annotatorByName(d, "label-studio-user-1")->id);
    ASSERT_EQ(row->spans.size(), 1u);
    EXPECT_EQ(row->spans[0].start, 34);
    EXPECT_EQ(row->spans[0].end, 37);
    EXPECT_EQ(row->status, "done");
    const auto first = db::annotationFor(d, db::itemByText(d, "Old people can't use phones.")->id,
                                         db::annotatorByName(d, "label-studio-user-1")->id);
    EXPECT_EQ(first->rewrite, "Some people find phones hard.");
}

TEST_F(MappingFixture, DoccanoNeedsARuleForLabelsTheTaxonomyLacksAndWritesNothingWithout) {
    const auto file = core::readDoccanoJsonl(fixture("doccano-classification.jsonl"), "dee");
    const db::MappingPlan bare = db::planLabelMapping(d, file, {});
    ASSERT_EQ(bare.problems.size(), 1u);
    EXPECT_EQ(bare.problems[0].field, "label/Biased");
    EXPECT_THAT(bare.problems[0].message, HasSubstr("no taxonomy field has the value 'Biased'"));
    EXPECT_EQ(db::mappingTargetText(entry(bare, "label", "Negative")), "sentiment = Negative");
    EXPECT_THROW(db::importExternalAnnotations(*project, file, bare, "dc", nullptr), core::InputError);
    EXPECT_EQ(test::queryInt(d, "SELECT count(*) FROM items"), 0);
    EXPECT_EQ(test::queryInt(d, "SELECT count(*) FROM annotations"), 0);

    const db::MappingPlan mapped = db::planLabelMapping(d, file, {db::parseMappingRule("Biased=bias:Yes")});
    ASSERT_TRUE(mapped.ok());
    db::importExternalAnnotations(*project, file, mapped, "dc", nullptr);
    EXPECT_EQ(labelsOf("Immigrants are lazy.", "dee"), R"({"bias":"Yes","sentiment":"Negative"})");
    EXPECT_EQ(labelsOf("The bus leaves at nine.", "dee"), R"({"sentiment":"Neutral"})");
}

TEST_F(MappingFixture, EveryBadRuleAndLabelIsReportedOnce) {
    const auto file = core::readDoccanoJsonl(fixture("doccano-classification.jsonl"), "dee");
    const db::MappingPlan plan = db::planLabelMapping(
        d, file, {db::parseMappingRule("Biased=bias:Maybe"), db::parseMappingRule("Neutral=colour"),
                  db::parseMappingRule("Sarcasm=ignore")});
    ASSERT_EQ(plan.problems.size(), 3u);
    EXPECT_THAT(plan.problems[0].message, HasSubstr("'Maybe' is not a value of field 'bias' (values: No, Yes)"));
    EXPECT_THAT(plan.problems[1].message, HasSubstr("'colour' is not a taxonomy field"));
    EXPECT_THAT(plan.problems[2].message, HasSubstr("'Sarcasm=ignore' matches no label in the file"));
    EXPECT_THROW(db::parseMappingRule("nothing"), core::InputError);
}

TEST_F(MappingFixture, DoccanoSpansBecomeBiasedWordsOnNewItems) {
    const auto file = core::readDoccanoJsonl(fixture("doccano-sequence.jsonl"), "dee");
    const db::MappingPlan plan = db::planLabelMapping(d, file, {});
    ASSERT_TRUE(plan.ok());
    const auto report = db::importExternalAnnotations(*project, file, plan, "dc", nullptr);
    EXPECT_EQ(report.itemsCreated, 2);
    const auto item = db::itemByText(d, "Die Grüße von alten Männern.");
    const auto row = db::annotationFor(d, item->id, db::annotatorByName(d, "dee")->id);
    ASSERT_EQ(row->spans.size(), 1u);
    EXPECT_EQ(row->spans[0].start, 14);
    EXPECT_EQ(row->spans[0].end, 27);
    EXPECT_EQ(row->labels.dump(), "{}");
}

TEST_F(MappingFixture, OneAnnotationGivingASingleFieldTwoValuesIsRefused) {
    test::ScratchDir scratch;
    const auto path = test::writeFile(scratch, "two.jsonl", "{\"text\": \"Some text.\", \"label\": [\"Negative\", \"Positive\"]}\n");
    const auto file = core::readDoccanoJsonl(path, "dee");
    const db::MappingPlan plan = db::planLabelMapping(d, file, {});
    ASSERT_TRUE(plan.ok());
    try {
        db::importExternalAnnotations(*project, file, plan, "dc", nullptr);
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_EQ(e.diagnostic().line, 1);
        EXPECT_THAT(e.what(), HasSubstr("field 'sentiment' takes one value but gets both 'Negative' and 'Positive'"));
    }
    EXPECT_EQ(test::queryInt(d, "SELECT count(*) FROM items"), 0);
}
