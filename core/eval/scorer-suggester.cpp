#include "core/eval/scorer-suggester.h"

#include <utility>

#include "core/eval/risk-labels.h"

namespace srllm::core {

ScorerSuggester::ScorerSuggester(std::shared_ptr<const RiskScorer> scorer) : m_scorer(std::move(scorer)) {}

std::string ScorerSuggester::sourceOf(const RiskScorer& scorer) { return "scorer:" + scorer.contentHash(); }

std::string ScorerSuggester::source() const { return sourceOf(*m_scorer); }

Suggestion ScorerSuggester::suggest(std::string_view text) {
    Suggestion suggestion;
    suggestion.labels = taxonomyLabelsFromRisks(m_scorer->score(text).probability);
    return suggestion;
}

}  // namespace srllm::core
