// db/suggestions: suggestions are stored with their source apart from labels, never become anyone's
// annotation, and the acceptance rate counts shown suggestions against done labels (#11 items 4 and 10).
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/data/annotation-jsonl.h"
#include "core/data/lexicon-suggester.h"
#include "db/access.h"
#include "db/annotation-import.h"
#include "db/database.h"
#include "db/suggestions.h"
#include "support/agreement-project.h"
#include "support/db-query.h"
#include "support/test-data.h"

using namespace srllm;

TEST(Suggestions, ImportedSuggestionsKeepTheirSourceAndAreNeverLabels) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    auto& d = p.project->db();
    const int64_t before = test::queryInt(d, "SELECT count(*) FROM annotations");
    const auto file = test::writeFile(
        dir, "s.jsonl",
        R"({"item": "Women cannot drive.", "source": "gpt-3.5", "labels": {"bias": "Yes", "target_groups": "Gender"}, "spans": [[0, 5]], "rewrite": "Anyone can learn to drive."})"
        "\n");
    core::AnnotationJsonlReader reader(file, core::kSuggestionSourceKey);
    EXPECT_EQ(db::importSuggestions(*p.project, reader, nullptr).suggestions, 1);
    const auto rows = db::suggestionsFor(d, p.items[1]);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].source, "gpt-3.5");
    EXPECT_EQ(rows[0].suggestion.labels.dump(), R"({"bias":"Yes","target_groups":["Gender"]})");
    EXPECT_EQ(rows[0].suggestion.rewrite, "Anyone can learn to drive.");
    db::markSuggestionsShown(d, p.items[1], p.a);
    EXPECT_EQ(test::queryInt(d, "SELECT count(*) FROM annotations"), before);
    EXPECT_EQ(test::queryInt(d, "SELECT count(*) FROM suggestion_views"), 1);
}

// #12: the Annotate view joins a suggestion's list values as strings; a damaged file's [5] reached it unchecked.
TEST(Suggestions, StoredLabelsOfTheWrongShapeAreRefusedNamingTheFileAndRow) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    auto& d = p.project->db();
    core::AnnotationJsonlReader reader(test::writeFile(dir, "s.jsonl", R"({"item": "Women cannot drive.", "source": "m", "labels": {"bias": "Yes"}})" "\n"),
                                       core::kSuggestionSourceKey);
    db::importSuggestions(*p.project, reader, nullptr);
    const std::pair<const char*, const char*> cases[] = {
        {R"({"target_groups": [5]})", "labels of suggestion 1: field 'target_groups': expected a value or a list of values, found [5]"},
        {R"(["Yes"])", "labels of suggestion 1: expected an object {field: value}"},
    };
    for (const auto& [labels, message] : cases) {
        d.prepare("PRAGMA ignore_check_constraints=ON").run();
        d.prepare("UPDATE suggestions SET labels = ?1").bind(1, labels).run();
        try {
            db::suggestionsFor(d, p.items[1]);
            ADD_FAILURE() << labels;
        } catch (const db::DbError& e) {
            EXPECT_NE(std::string(e.what()).find((dir / "p.srllm").string() + ": " + message), std::string::npos) << e.what();
        }
    }
}

TEST(Suggestions, LabelsOutsideTheTaxonomyAreRefusedAndNothingIsStored) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    const auto file = test::writeFile(dir, "s.jsonl",
                                      R"({"item": "Women cannot drive.", "source": "m", "labels": {"bias": "Yes"}})"
                                      "\n"
                                      R"({"item": "The bus is late.", "source": "m", "labels": {"bias": "Maybe"}})"
                                      "\n");
    core::AnnotationJsonlReader reader(file, core::kSuggestionSourceKey);
    try {
        db::importSuggestions(*p.project, reader, nullptr);
        FAIL() << "an invalid label was accepted";
    } catch (const core::InputError& e) {
        EXPECT_EQ(e.diagnostic().line, 2);
        EXPECT_EQ(e.diagnostic().field, "labels.bias");
    }
    EXPECT_EQ(test::queryInt(p.project->db(), "SELECT count(*) FROM suggestions"), 0);
}

TEST(Suggestions, AcceptanceCountsWhatShownAnnotatorsKept) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    auto& d = p.project->db();
    // Item 2 (index 1): a's done labels are bias Yes, toxicity High, spans [0,5), rewrite
    // "Anyone can learn to drive well." (tests/support/agreement-project.h).
    core::Suggestion s;
    s.labels = {{"bias", "Yes"}, {"toxicity", "Mild"}};
    s.spans = {{0, 5}, {14, 19}};
    s.rewrite = "Anyone can learn to drive well.";
    db::saveSuggestion(d, p.items[1], "model-x", s);
    db::markSuggestionsShown(d, p.items[1], p.a);
    const auto all = db::suggestionAcceptance(d);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].source, "model-x");
    EXPECT_EQ(all[0].shown, 1);  // b and c never saw it
    EXPECT_EQ(all[0].labelsSuggested, 2);
    EXPECT_EQ(all[0].labelsAccepted, 1);  // bias kept, toxicity not
    EXPECT_EQ(all[0].rewritesAccepted, 1);
    EXPECT_EQ(all[0].spansSuggested, 2);
    EXPECT_EQ(all[0].spansAccepted, 1);  // [0,5) marked, [14,19) not
    d.setReader(db::Reader{p.b, "annotator"});
    EXPECT_TRUE(db::suggestionAcceptance(d).empty());
}

TEST(Suggestions, LexiconRunStoresSpansOnlyWhereWordsAreFound) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    core::LexiconSuggester lexicon(test::writeFile(dir, "w.txt", "lazy\nold men\n"));
    EXPECT_EQ(db::suggestForItems(p.project->db(), lexicon, p.items, nullptr), 2);
    const auto rows = db::suggestionsFor(p.project->db(), p.items[4]);  // "Old men ruin everything."
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].source, "lexicon:w.txt");
    ASSERT_EQ(rows[0].suggestion.spans.size(), 1u);
    EXPECT_EQ(rows[0].suggestion.spans[0].end, 7);
}

namespace {

// Risk labels as the scorer's suggester gives them (core/eval/scorer-suggester.h), without the model.
class FixedRiskSuggester : public core::Suggester {
public:
    std::string source() const override { return "scorer:" + std::string(64, 'a'); }
    core::Suggestion suggest(std::string_view) override {
        core::Suggestion s;
        s.labels = {{"toxicity", "Mild"}, {"bias", "No"}};
        return s;
    }
};

}  // namespace

TEST(Suggestions, ScorerFolderIsAProjectSettingAndItsLabelsStaySuggestions) {
    test::ScratchDir dir;
    auto p = test::makeAgreementProject(dir / "p.srllm");
    auto& d = p.project->db();
    EXPECT_FALSE(db::suggestionScorerFolder(d));
    const int64_t annotations = test::queryInt(d, "SELECT count(*) FROM annotations");
    const std::string labels = test::queryText(d, "SELECT group_concat(labels, '|') FROM annotations");
    const int64_t gold = test::queryInt(d, "SELECT count(*) FROM gold");
    FixedRiskSuggester scorer;
    EXPECT_EQ(db::suggestForItems(d, scorer, p.items, nullptr), 6);
    EXPECT_EQ(test::queryInt(d, "SELECT count(*) FROM suggestions WHERE source = 'scorer:" + std::string(64, 'a') + "'"), 6);
    EXPECT_EQ(test::queryInt(d, "SELECT count(*) FROM annotations"), annotations);  // no label was written
    EXPECT_EQ(test::queryText(d, "SELECT group_concat(labels, '|') FROM annotations"), labels);
    EXPECT_EQ(test::queryInt(d, "SELECT count(*) FROM gold"), gold);

    db::setSuggestionScorerFolder(d, "/models/scorer");
    EXPECT_EQ(db::suggestionScorerFolder(d), "/models/scorer");
    d.setReader(db::Reader{p.a, "annotator"});  // a blind annotator may not choose the team's scorer
    EXPECT_THROW(db::setSuggestionScorerFolder(d, "/elsewhere"), db::AccessDenied);
    EXPECT_EQ(db::suggestionScorerFolder(d), "/models/scorer");
    d.setReader(std::nullopt);
    db::setSuggestionScorerFolder(d, "");  // cleared
    EXPECT_FALSE(db::suggestionScorerFolder(d));
}
