// db/label-export: every annotation or gold label as JSONL (importable again) or CSV with a column per
// field (#11 item 8). Expected rows follow tests/support/agreement-project.h.
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/data/annotation-jsonl.h"
#include "db/access.h"
#include "db/annotation-import.h"
#include "db/label-export.h"
#include "support/agreement-project.h"
#include "support/db-query.h"
#include "support/test-data.h"

using namespace srllm;
using testing::HasSubstr;

TEST(LabelExport, AnnotationsJsonlImportsBackToTheSameLabels) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    const std::string file = (dir / "a.jsonl").string();
    EXPECT_EQ(db::exportLabelsToFile(p.project->db(), db::LabelTable::Annotations, db::LabelFileFormat::Jsonl, file,
                                     nullptr),
              15);
    EXPECT_FALSE(std::filesystem::exists(file + ".part"));
    // A second project with the same texts takes the file back; every done label survives the trip.
    auto q = test::makeAgreementProject(dir / "q.srllm");
    q.project->db().exec("DELETE FROM annotations");
    core::AnnotationJsonlReader reader(file);
    const auto report = db::importAnnotations(*q.project, reader, nullptr);
    EXPECT_EQ(report.annotations, 15);
    EXPECT_TRUE(report.warnings.empty()) << "export-only keys must not warn";
    const char* labels = "SELECT group_concat(n.name || ':' || a.item_id || ':' || a.labels, ';') FROM"
                         " (SELECT * FROM annotations ORDER BY item_id, annotator_id) a JOIN annotators n"
                         " ON n.id = a.annotator_id";
    EXPECT_EQ(test::queryText(q.project->db(), labels), test::queryText(p.project->db(), labels));
}

TEST(LabelExport, GoldCsvHasAColumnPerFieldAndTheExpertsName) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    std::ostringstream out;
    EXPECT_EQ(db::exportLabels(p.project->db(), db::LabelTable::Gold, db::LabelFileFormat::Csv, out, nullptr), 1);
    const std::string uid = test::queryText(p.project->db(), "SELECT uid FROM items WHERE id = 5");
    EXPECT_EQ(out.str(),
              "item_uid,item,provenance,decided_by,taxonomy_version,bias,toxicity,sentiment,harm,annotation,"
              "target_groups,spans,rewrite\n" +
                  uid + ",Old men ruin everything.,expert,eve,1,No,Mild,,,,,,Old men can be wrong.\n");
}

TEST(LabelExport, AnnotationsCsvJoinsMultiValuesAndQuotesCommas) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    std::ostringstream out;
    db::exportLabels(p.project->db(), db::LabelTable::Annotations, db::LabelFileFormat::Csv, out, nullptr);
    const std::string uid = test::queryText(p.project->db(), "SELECT uid FROM items WHERE id = 1");
    EXPECT_THAT(out.str(), HasSubstr(uid + ",Old people are slow.,a,done,10.0,1,Yes,Mild,,,,Age,\"[[0,3]]\","
                                           "People can be slow.\n"));
}

TEST(LabelExport, BlindReadersCannotExportEveryonesLabels) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    p.project->db().setReader(db::Reader{p.a, "annotator"});
    std::ostringstream out;
    EXPECT_THROW(db::exportLabels(p.project->db(), db::LabelTable::Annotations, db::LabelFileFormat::Jsonl, out, nullptr),
                 db::AccessDenied);
    EXPECT_THROW(db::exportLabels(p.project->db(), db::LabelTable::Gold, db::LabelFileFormat::Csv, out, nullptr),
                 db::AccessDenied);
}
