// db/work-package: package -> annotate offline -> merge back, idempotent merges, taxonomy checks (#3 item 9).
#include <chrono>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "db/annotators.h"
#include "db/assignments.h"
#include "db/taxonomy-store.h"
#include "db/work-package.h"
#include "support/agreement-project.h"
#include "support/test-data.h"

namespace db = srllm::db;
using srllm::test::makeAgreementProject;

namespace {
std::vector<std::tuple<std::string, std::string, std::string>> annotationKeys(db::Database& d) {
    std::vector<std::tuple<std::string, std::string, std::string>> out;
    for (const auto& a : db::allAnnotations(d))
        out.emplace_back(db::itemById(d, a.itemId)->uid, a.labels.dump(), a.updatedAt);
    return out;
}

// Timestamps have millisecond resolution; an edit made in the same millisecond would look unchanged.
void letTheClockTick() { std::this_thread::sleep_for(std::chrono::milliseconds(5)); }

// Dora labels two items offline; then her second annotation is edited as only another program could, with the
// package's CHECKs and foreign keys set aside: `UPDATE annotations SET <damage>`.
void labelTwoItemsThenDamageTheSecond(const std::string& package, const srllm::test::AgreementProject& p,
                                      const std::string& damage) {
    auto project = db::Project::open(package);
    auto& d = project->db();
    const int64_t dora = db::annotatorByName(d, "dora")->id;
    srllm::test::saveLabels(d, p.items[0], dora, "Yes", "High", {"Age"}, {}, std::nullopt, 12);
    srllm::test::saveLabels(d, p.items[1], dora, "No", "No", {}, {}, std::nullopt, 8);
    d.exec("PRAGMA foreign_keys=OFF; PRAGMA ignore_check_constraints=ON");
    d.prepare("UPDATE annotations SET " + damage + " WHERE item_id = ?1").bind(1, p.items[1]).run();
}
}  // namespace

TEST(WorkPackage, NewAnnotatorGetsAllItemsAndMergeBringsTheirLabelsBack) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    const auto out = (scratch / "dora.srllm").string();
    const db::PackageSummary s = db::createWorkPackage(*p.project, "dora", out);
    EXPECT_EQ(s.items, 6);
    EXPECT_FALSE(s.assignedOnly);
    EXPECT_EQ(s.annotations, 0);
    EXPECT_EQ(s.manifest.annotator, "dora");
    EXPECT_EQ(s.manifest.taxonomyVersion, 1);
    EXPECT_FALSE(s.manifest.createdAt.empty());

    {   // offline work in the package, through the ordinary store API
        auto package = db::Project::open(out);
        auto& d = package->db();
        ASSERT_TRUE(db::readPackageManifest(d));
        const int64_t dora = db::annotatorByName(d, "dora")->id;
        EXPECT_TRUE(db::allAnnotations(d).empty());  // other annotators' labels stay home
        srllm::test::saveLabels(d, p.items[0], dora, "Yes", "High", {"Age"}, {{0, 3}}, "People vary.", 12);
        srllm::test::saveLabels(d, p.items[3], dora, "No", "No", {}, {}, std::nullopt, 8);
    }
    const db::MergeSummary m = db::mergeWorkPackage(*p.project, out);
    EXPECT_EQ(m.annotator, "dora");
    EXPECT_EQ(m.inserted, 2);
    EXPECT_EQ(m.unknownItems, 0);
    auto& d = p.project->db();
    const auto dora = db::annotatorByName(d, "dora");
    ASSERT_TRUE(dora);
    const auto merged = db::annotationFor(d, p.items[0], dora->id);
    ASSERT_TRUE(merged);
    EXPECT_EQ(merged->labels.at("toxicity"), "High");
    EXPECT_EQ(merged->rewrite, "People vary.");
    ASSERT_EQ(merged->spans.size(), 1u);
    EXPECT_EQ(merged->spans[0].end, 3);
}

TEST(WorkPackage, AssignedItemsOnlyAndMergingTwiceChangesNothing) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    auto& d = p.project->db();
    db::assignItems(d, p.items, {.overlap = 1, .annotatorIds = {p.a, p.b}});
    const auto assigned = db::assignedItems(d, p.a);
    const auto out = (scratch / "a.srllm").string();
    const db::PackageSummary s = db::createWorkPackage(*p.project, "a", out);
    EXPECT_TRUE(s.assignedOnly);
    EXPECT_EQ(s.items, static_cast<int64_t>(assigned.size()));
    EXPECT_EQ(s.annotations, static_cast<int64_t>(assigned.size()));  // a annotated every item
    letTheClockTick();
    {
        auto package = db::Project::open(out);
        auto row = *db::annotationFor(package->db(), assigned.front(), p.a);
        row.labels["bias"] = row.labels["bias"] == "Yes" ? "No" : "Yes";
        db::saveAnnotation(package->db(), row);
    }
    const db::MergeSummary first = db::mergeWorkPackage(*p.project, out);
    EXPECT_EQ(first.updated, 1);
    EXPECT_EQ(first.unchanged, static_cast<int64_t>(assigned.size()) - 1);
    const auto afterFirst = annotationKeys(d);
    const db::MergeSummary second = db::mergeWorkPackage(*p.project, out);
    EXPECT_EQ(second.updated + second.inserted, 0);
    EXPECT_EQ(second.unchanged, static_cast<int64_t>(assigned.size()));
    EXPECT_EQ(annotationKeys(d), afterFirst);
}

TEST(WorkPackage, ProjectEditNewerThanThePackageIsKept) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    const auto out = (scratch / "a.srllm").string();
    db::createWorkPackage(*p.project, "a", out);
    letTheClockTick();
    auto row = *db::annotationFor(p.project->db(), p.items[0], p.a);
    row.rewrite = "Edited at home.";
    db::saveAnnotation(p.project->db(), row);
    const db::MergeSummary m = db::mergeWorkPackage(*p.project, out);
    EXPECT_EQ(m.keptNewer, 1);
    EXPECT_EQ(db::annotationFor(p.project->db(), p.items[0], p.a)->rewrite, "Edited at home.");
}

TEST(WorkPackage, OtherTaxonomyVersionIsRefusedWithAClearMessage) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    const auto out = (scratch / "a.srllm").string();
    db::createWorkPackage(*p.project, "a", out);
    auto taxonomy = db::currentTaxonomy(p.project->db()).json;
    taxonomy["fields"][0]["values"].push_back("Unsure");
    EXPECT_EQ(db::addTaxonomyVersion(p.project->db(), taxonomy), 2);
    try {
        db::mergeWorkPackage(*p.project, out);
        FAIL() << "merge of a version-1 package into a version-2 project was accepted";
    } catch (const srllm::core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("taxonomy version 1"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("version 2"), std::string::npos) << e.what();
    }
}

TEST(WorkPackage, RefusesOrdinaryProjectsExistingOutputAndForeignItems) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    auto other = makeAgreementProject((scratch / "other.srllm").string());  // same texts, other uids
    EXPECT_THROW(db::mergeWorkPackage(*p.project, (scratch / "other.srllm").string()), srllm::core::InputError);
    const auto out = (scratch / "a.srllm").string();
    db::createWorkPackage(*other.project, "a", out);
    EXPECT_THROW(db::createWorkPackage(*p.project, "a", out), srllm::core::InputError);
    const db::MergeSummary m = db::mergeWorkPackage(*p.project, out);
    EXPECT_EQ(m.unknownItems, 6);
    EXPECT_EQ(m.inserted, 0);
    EXPECT_EQ(m.warnings.size(), 6u);
}

// #12 (fuzz finding 11): a package whose annotator row had a damaged role was refused only after the merge had
// copied it into the project, by an error naming the project, not the package the bad row came from.
TEST(WorkPackage, ADamagedAnnotatorInThePackageIsRefusedNamingThePackage) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    const auto out = (scratch / "a.srllm").string();
    db::createWorkPackage(*p.project, "a", out);
    {
        auto package = db::Project::open(out);
        package->db().exec("PRAGMA ignore_check_constraints=ON; UPDATE annotators SET role = 'annotator2026-' WHERE name = 'a'");
    }
    const auto before = annotationKeys(p.project->db());
    const auto annotators = db::listAnnotators(p.project->db()).size();
    try {
        db::mergeWorkPackage(*p.project, out);
        FAIL() << "a package with an unknown role was merged";
    } catch (const db::DbError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(out + ": annotator ", 0), 0u) << e.what();
        EXPECT_NE(std::string(e.what()).find("unknown role 'annotator2026-'"), std::string::npos) << e.what();
    }
    EXPECT_EQ(annotationKeys(p.project->db()), before);
    EXPECT_EQ(db::listAnnotators(p.project->db()).size(), annotators);
}

// #12 (fuzz finding 13): SQLite does not check foreign keys of a file it opens, so a damaged package could hold an
// annotation by an annotator it does not list; the merge ended in an uncaught std::out_of_range (`srllm merge`
// and the GUI's merge aborted).
TEST(WorkPackage, AnAnnotationByAnAnnotatorThePackageDoesNotListIsRefusedWithNothingMerged) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    const auto out = (scratch / "dora.srllm").string();
    db::createWorkPackage(*p.project, "dora", out);
    labelTwoItemsThenDamageTheSecond(out, p, "annotator_id = 999");
    const auto before = annotationKeys(p.project->db());
    const auto annotators = db::listAnnotators(p.project->db()).size();
    try {
        db::mergeWorkPackage(*p.project, out);
        FAIL() << "an annotation by an unlisted annotator was merged";
    } catch (const srllm::core::InputError& e) {
        const std::string what = e.what();
        EXPECT_EQ(what.rfind(out, 0), 0u) << what;
        EXPECT_NE(what.find("annotations.annotator_id"), std::string::npos) << what;
        EXPECT_NE(what.find("names annotator id 999"), std::string::npos) << what;
    }
    EXPECT_EQ(annotationKeys(p.project->db()), before);  // not even the first, valid annotation
    EXPECT_EQ(db::listAnnotators(p.project->db()).size(), annotators);
}

// #12: like a review package, a work package comes back from someone else's machine, edited with its CHECKs and
// foreign keys set aside. An annotation no project can hold is refused naming the package, and nothing is merged.
TEST(WorkPackage, AnAnnotationOfTheWrongShapeIsRefusedNamingThePackage) {
    srllm::test::ScratchDir scratch;
    auto p = makeAgreementProject((scratch / "p.srllm").string());
    const auto out = (scratch / "dora.srllm").string();
    db::createWorkPackage(*p.project, "dora", out);
    const auto damaged = (scratch / "damaged.srllm").string();
    for (const char* damage : {"status = 'maybe'", "seconds = -1", "taxonomy_version = 99", "labels = '[]'",
                               "spans = '{}'"}) {
        SCOPED_TRACE(damage);
        std::filesystem::copy_file(out, damaged, std::filesystem::copy_options::overwrite_existing);
        labelTwoItemsThenDamageTheSecond(damaged, p, damage);
        const auto before = annotationKeys(p.project->db());
        try {
            db::mergeWorkPackage(*p.project, damaged);
            ADD_FAILURE() << "a damaged annotation was merged";
        } catch (const srllm::core::InputError& e) {
            EXPECT_EQ(std::string(e.what()).rfind(damaged + ": field 'annotations", 0), 0u) << e.what();
        }
        EXPECT_EQ(annotationKeys(p.project->db()), before);
    }
}
