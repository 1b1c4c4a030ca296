#include "core/eval/text-metrics.h"

#include <cmath>

#include "core/eval/length-entropy.h"
#include "core/eval/text-units.h"
#include "core/stats/test-result.h"

namespace srllm::core {

TextMetricsEngine::TextMetricsEngine(const EvalResources& resources)
    : m_vader(resources.vaderLexicon),
      m_syllables(resources.cmuDictionary, resources.hyphenationPatterns),
      m_languageModel(resources.languageModel) {}

TextMetrics TextMetricsEngine::compute(std::string_view text) const {
    const TextUnits units = splitTextUnits(text);
    TextMetrics m;
    m.words = static_cast<int64_t>(units.words.size());
    m.sentiment = m_vader.score(text);
    m.sentimentClass = sentimentClass(m.sentiment.compound);
    m.lengthEntropy = lengthEntropyBits(units.wordLengths);
    m.counts = readabilityCounts(units, m_syllables);
    m.readability = readabilityScores(m.counts);
    m.fluency = m_languageModel.perplexity(units.words);
    return m;
}

nlohmann::json TextMetricsEngine::toJson(const TextMetrics& m) {
    const auto& r = m.readability;
    return {{"words", m.words},
            {"sentences", m.counts.sentences},
            {"vader_neg", m.sentiment.negative},
            {"vader_neu", m.sentiment.neutral},
            {"vader_pos", m.sentiment.positive},
            {"vader_compound", m.sentiment.compound},
            {"sentiment", sentimentClassName(m.sentimentClass)},
            {"clen", core::jsonNumber(m.lengthEntropy)},
            {"flesch_reading_ease", core::jsonNumber(r.fleschReadingEase)},
            {"flesch_kincaid_grade", core::jsonNumber(r.fleschKincaidGrade)},
            {"gunning_fog", core::jsonNumber(r.gunningFog)},
            {"smog", core::jsonNumber(r.smog)},
            {"coleman_liau", core::jsonNumber(r.colemanLiau)},
            {"ari", core::jsonNumber(r.automatedReadabilityIndex)},
            {"syllables", m.counts.syllables},
            {"syllables_from_dictionary", m.counts.wordsFromDictionary},
            {"syllables_from_hyphenation", m.counts.wordsFromHyphenation},
            {"perplexity", core::jsonNumber(m.fluency.perplexity)},
            {"perplexity_tokens", m.fluency.scoredTokens},
            {"perplexity_oov", m.fluency.outOfVocabulary}};
}

nlohmann::json TextMetricsEngine::methods() {
    nlohmann::json out = nlohmann::json::object();
    for (const MetricMethod& m : {kVaderMethod, kLengthEntropyMethod, kReadabilityMethod, kPerplexityMethod})
        out[m.id] = core::toJson(m);
    return out;
}

}  // namespace srllm::core
