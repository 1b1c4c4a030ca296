#pragma once
// Suggestions (pre-annotations from a scorer, a model or a lexicon): stored apart from annotations with
// their source, shown to annotators as suggestions and never saved as anyone's labels. Which annotator
// was shown which suggestion is recorded, so agreement reports can say how often suggestions were
// accepted (a field counts as accepted when the done label equals the suggested one).
// Threading: like Database.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/progress.h"
#include "core/data/import-record.h"
#include "core/data/suggester.h"

namespace srllm::db {

class Database;

struct SuggestionRow {
    int64_t id = 0;
    int64_t itemId = 0;
    std::string source;
    core::Suggestion suggestion;
};

// Inserts or replaces the item's suggestion from this source; returns its id.
int64_t saveSuggestion(Database& db, int64_t itemId, const std::string& source, const core::Suggestion& suggestion);
std::vector<SuggestionRow> suggestionsFor(Database& db, int64_t itemId);  // by source
// Records that the reader was shown every suggestion of the item (the acceptance rate's denominator).
void markSuggestionsShown(Database& db, int64_t itemId, int64_t annotatorId);

// The scorer folder (core/eval/risk-scorer.h) whose suggested risk labels the Annotate view shows: a
// project setting, set from the GUI or `srllm suggest --scorer DIR`; nullopt when none is set. Setting
// it needs full access (db/access.h); an empty folder clears it.
std::optional<std::string> suggestionScorerFolder(Database& db);
void setSuggestionScorerFolder(Database& db, const std::string& folder);

// Runs the suggester over the items (in one transaction), storing the non-empty suggestions; returns how
// many were stored. Cancel through `progress` (items done / total) rolls back.
int64_t suggestForItems(Database& db, core::Suggester& suggester, const std::vector<int64_t>& itemIds,
                        const core::ProgressCallback& progress);

struct SuggestionAcceptance {
    std::string source;
    int64_t shown = 0;           // done annotations made after seeing a suggestion of this source
    int64_t labelsSuggested = 0;  // suggested field labels among those
    int64_t labelsAccepted = 0;   // ... equal to the annotator's done label
    int64_t rewritesSuggested = 0;
    int64_t rewritesAccepted = 0;  // the done rewrite is the suggested text
    int64_t spansSuggested = 0;
    int64_t spansAccepted = 0;     // suggested spans lying inside the annotator's marked spans
};

// Per source, over the done annotations of annotators who were shown the suggestion; a blind reader
// (db/access.h) gets figures over their own annotations only.
std::vector<SuggestionAcceptance> suggestionAcceptance(Database& db);

}  // namespace srllm::db
