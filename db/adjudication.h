#pragma once
// Gold labels from the annotations: automatic majority vote ("majority vote, experts settle disputes", as
// in the SR_LLM paper), the list of disputed items an expert should look at, and saving an expert's gold.
// Threading: call from the thread that owns the Database.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/stats/majority-vote.h"
#include "db/annotations.h"
#include "db/gold.h"
#include "db/taxonomy-fields.h"

namespace srllm::db {

class Database;

struct FieldVote {
    std::string key;
    int votes = 0;  // done annotations with a valid value for the field
    core::VoteOutcome outcome = core::VoteOutcome::NoMajority;
    bool tie = false;
    nlohmann::json value;  // the decided label ("Yes" or ["Age", ...]); null when not decided
};

struct ItemDecision {
    int64_t itemId = 0;
    int annotations = 0;          // done annotations considered
    std::vector<FieldVote> fields;  // taxonomy order; fields with fewer than 2 votes are left out
    bool resolved = false;        // every field has a strict majority
    GoldRow gold;                 // the proposal; provenance "unanimous" | "majority" when resolved
};

// Decides one item from its done annotations without touching the store. Label fields decide the outcome:
// unanimous when every field (and the marked code points) agree, majority when every field has a strict
// majority. Spans = code points marked by a strict majority. Rewrite = the one a strict majority wrote,
// else the rewrite of the annotator who sides with the decision on most fields (ties: the rewrite closest
// to the others by mean chrF, then the lowest annotator id). Spans and rewrites never block a decision.
ItemDecision decideItem(int64_t itemId, const std::string& text, const std::vector<AnnotationRow>& done,
                        const std::vector<TaxonomyField>& fields, int taxonomyVersion);

struct AdjudicationSummary {
    int64_t considered = 0;  // items with >= 2 done annotations
    int64_t unanimous = 0;
    int64_t majority = 0;
    int64_t ties = 0;        // left for an expert (no strict majority on some field)
    int64_t keptExpert = 0;  // items whose expert gold was left alone
};

// Writes "unanimous"/"majority" gold for every item with >= 2 done annotations and no expert gold, in one
// transaction. Never touches expert gold; removes earlier automatic gold of items that are now ties.
AdjudicationSummary adjudicateMajority(Database& db);

struct DisagreementRow {
    int64_t itemId = 0;
    int annotations = 0;
    std::vector<std::string> disputedFields;  // fields without a unanimous vote
    bool tie = false;                         // some field has no strict majority
    std::optional<std::string> goldProvenance;
};

// Items with >= 2 done annotations that are not unanimous on every field, by item id.
std::vector<DisagreementRow> itemsWithDisagreement(Database& db);

// Saves gold decided by an expert (role "expert"), against the current taxonomy. Throws
// core::InputError naming the field for a label the taxonomy does not allow, DbError for a non-expert.
void saveExpertGold(Database& db, int64_t itemId, int64_t expertId, const nlohmann::json& labels,
                    const std::vector<core::Span>& spans, const std::optional<std::string>& rewrite);

}  // namespace srllm::db
