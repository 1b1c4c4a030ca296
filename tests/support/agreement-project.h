#pragma once
// A small hand-made project with three annotators and known disagreements, shared by the agreement,
// adjudication and package tests. Expected figures are worked out in tests/data/agreement/
// hand_project_reference.py and in the comments of each test. Header-only: only db/app tests include it.
#include <memory>
#include <string>
#include <vector>

#include "db/annotations.h"
#include "db/annotators.h"
#include "db/gold.h"
#include "db/item-import.h"
#include "db/items.h"
#include "db/project.h"
#include "support/vector-item-reader.h"

namespace srllm::test {

struct AgreementProject {
    std::unique_ptr<db::Project> project;
    std::vector<int64_t> items;  // ids of the six items, in order
    int64_t a = 0, b = 0, c = 0, expert = 0;
};

inline const std::vector<std::string>& agreementProjectTexts() {
    static const std::vector<std::string> texts = {"Old people are slow.",     "Women cannot drive.",
                                                   "The bus is late.",         "Young people are lazy.",
                                                   "Old men ruin everything.", "Nothing to see here."};
    return texts;
}

inline void saveLabels(db::Database& d, int64_t item, int64_t annotator, const std::string& bias,
                       const std::string& toxicity, std::vector<std::string> groups, std::vector<core::Span> spans,
                       std::optional<std::string> rewrite, double seconds, const std::string& status = "done") {
    db::AnnotationRow row;
    row.itemId = item;
    row.annotatorId = annotator;
    row.labels = {{"bias", bias}, {"toxicity", toxicity}, {"target_groups", groups}};
    row.spans = std::move(spans);
    row.rewrite = std::move(rewrite);
    row.seconds = seconds;
    row.status = status;
    db::saveAnnotation(d, row);
}

// Items 1..6 (index 0..5):
//   1 unanimous: Yes/Mild/[Age] x3, spans [0,3) x3, rewrites "People can be slow." x2 + one other
//   2 majority:  a Yes/High/[Gender] [0,5); b Yes/Mild/[Gender] [0,5); c No/Mild/[] no spans
//   3 unanimous: a, b No/No/[]; c only a draft
//   4 tie:       a Yes/Mild/[Age]; b No/No/[]
//   5 expert gold No/Mild/[] already; a, b Yes/High/[Age]; c No/No/[]
//   6 one done annotation (a) only
// Seconds: a 10, b 20, c 30 per annotation.
inline AgreementProject makeAgreementProject(const std::string& path) {
    AgreementProject p;
    p.project = db::Project::create(path);
    std::vector<core::ItemImportRecord> records;
    for (const auto& text : agreementProjectTexts()) {
        core::ItemImportRecord r;
        r.line = static_cast<int64_t>(records.size()) + 2;
        r.text = text;
        records.push_back(r);
    }
    VectorItemReader reader(records);
    db::importItems(*p.project, reader, "hand-made", {});
    auto& d = p.project->db();
    for (const auto& item : db::queryItems(d, {})) p.items.push_back(item.id);
    p.a = db::ensureAnnotator(d, "a");
    p.b = db::ensureAnnotator(d, "b");
    p.c = db::ensureAnnotator(d, "c");
    p.expert = db::ensureAnnotator(d, "eve", "expert");
    const auto& i = p.items;
    saveLabels(d, i[0], p.a, "Yes", "Mild", {"Age"}, {{0, 3}}, "People can be slow.", 10);
    saveLabels(d, i[0], p.b, "Yes", "Mild", {"Age"}, {{0, 3}}, "People can be slow.", 20);
    saveLabels(d, i[0], p.c, "Yes", "Mild", {"Age"}, {{0, 3}}, "Some people are slow.", 30);
    saveLabels(d, i[1], p.a, "Yes", "High", {"Gender"}, {{0, 5}}, "Anyone can learn to drive well.", 10);
    saveLabels(d, i[1], p.b, "Yes", "Mild", {"Gender"}, {{0, 5}}, "Women drive well.", 20);
    saveLabels(d, i[1], p.c, "No", "Mild", {}, {}, std::nullopt, 30);
    saveLabels(d, i[2], p.a, "No", "No", {}, {}, std::nullopt, 10);
    saveLabels(d, i[2], p.b, "No", "No", {}, {}, std::nullopt, 20);
    saveLabels(d, i[2], p.c, "Yes", "High", {}, {}, std::nullopt, 30, "draft");
    saveLabels(d, i[3], p.a, "Yes", "Mild", {"Age"}, {}, std::nullopt, 10);
    saveLabels(d, i[3], p.b, "No", "No", {}, {}, std::nullopt, 20);
    saveLabels(d, i[4], p.a, "Yes", "High", {"Age"}, {}, std::nullopt, 10);
    saveLabels(d, i[4], p.b, "Yes", "High", {"Age"}, {}, std::nullopt, 20);
    saveLabels(d, i[4], p.c, "No", "No", {}, {}, std::nullopt, 30);
    saveLabels(d, i[5], p.a, "No", "No", {}, {}, std::nullopt, 10);
    db::saveGold(d, {i[4], {{"bias", "No"}, {"toxicity", "Mild"}, {"target_groups", nlohmann::json::array()}},
                     {}, "Old men can be wrong.", "expert", p.expert, 1});
    return p;
}

}  // namespace srllm::test
