#pragma once
// The risk scorer as a source of suggestions (core/data/suggester.h): the item's suggested toxicity,
// bias, harm and annotation labels (taxonomyLabelsFromRisks), recorded under "scorer:" and the scorer's
// content hash, so a suggestion always names the exact scorer that made it.
#include <memory>
#include <string>
#include <string_view>

#include "core/data/suggester.h"
#include "core/eval/risk-scorer.h"

namespace srllm::core {

class ScorerSuggester : public Suggester {
public:
    explicit ScorerSuggester(std::shared_ptr<const RiskScorer> scorer);

    std::string source() const override;
    Suggestion suggest(std::string_view text) override;

    // "scorer:" and the content hash: the source a scorer's suggestions are stored under.
    static std::string sourceOf(const RiskScorer& scorer);

private:
    std::shared_ptr<const RiskScorer> m_scorer;
};

}  // namespace srllm::core
