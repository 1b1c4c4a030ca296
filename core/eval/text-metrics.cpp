#include "core/eval/text-metrics.h"

#include <cmath>

#include "core/eval/length-entropy.h"
#include "core/eval/text-units.h"

namespace srllm::core {

namespace {
nlohmann::json number(double value) { return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(); }
}  // namespace

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
            {"clen", number(m.lengthEntropy)},
            {"flesch_reading_ease", number(r.fleschReadingEase)},
            {"flesch_kincaid_grade", number(r.fleschKincaidGrade)},
            {"gunning_fog", number(r.gunningFog)},
            {"smog", number(r.smog)},
            {"coleman_liau", number(r.colemanLiau)},
            {"ari", number(r.automatedReadabilityIndex)},
            {"syllables", m.counts.syllables},
            {"syllables_from_dictionary", m.counts.wordsFromDictionary},
            {"syllables_from_hyphenation", m.counts.wordsFromHyphenation},
            {"perplexity", number(m.fluency.perplexity)},
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
