#pragma once
// Every metric of a single text in one call: sentiment (VADER), length entropy (CLEN), the six
// readability scores with their counts, and fluency (trigram perplexity). This is what `srllm metrics`
// prints and what evaluation stores per output; the reference-based metrics (chrF, BLEU) and the risk
// scorer live beside it (bleu.h, core/text/chrf.h, risk-scorer.h). Load once; compute() is const and
// safe from several threads (perplexity takes a lock inside the language model).
#include <memory>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/eval/eval-resources.h"
#include "core/eval/language-model-perplexity.h"
#include "core/eval/readability.h"
#include "core/eval/vader-sentiment.h"

namespace srllm::core {

struct TextMetrics {
    int64_t words = 0;
    VaderScores sentiment;
    SentimentClass sentimentClass = SentimentClass::Neutral;
    double lengthEntropy = 0;  // CLEN, bits; NaN for a text without words
    ReadabilityCounts counts;
    ReadabilityScores readability{};
    PerplexityResult fluency;
};

class TextMetricsEngine {
public:
    // Loads the lexicon, dictionary, patterns and language model; throws InputError naming a missing file.
    explicit TextMetricsEngine(const EvalResources& resources = defaultEvalResources());

    // Any UTF-8 text, empty included (see docs/EVALUATION.md for what an empty text gets); invalid
    // bytes read as U+FFFD.
    TextMetrics compute(std::string_view text) const;

    // One flat object: "words", "vader_compound", "vader_neg" ..., "sentiment", "clen", "flesch_reading_ease" ...
    // "perplexity", "perplexity_tokens", "perplexity_oov"; NaN becomes null.
    static nlohmann::json toJson(const TextMetrics& metrics);
    // The method and version of every value toJson() writes, keyed by MetricMethod id.
    static nlohmann::json methods();

private:
    VaderSentiment m_vader;
    SyllableCounter m_syllables;
    TrigramLanguageModel m_languageModel;
};

}  // namespace srllm::core
