#pragma once
// Sentiment with VADER (Hutto & Gilbert 2014): a valence lexicon plus rules for boosters and dampeners,
// negation, "but", ALL-CAPS emphasis, "least", idioms and !/? emphasis, as NLTK 3.8's
// nltk.sentiment.vader implements them, with one fix that vaderSentiment 3.3 also made: each word is
// scored at its own position (NLTK looks a repeated word up by its first occurrence). Checked against
// NLTK on real texts (tests/data/eval/vader-golden.*). The lexicon is vader_lexicon.txt (MIT).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/eval/metric-method.h"

namespace srllm::core {

inline constexpr MetricMethod kVaderMethod{"vader", "VADER (Hutto & Gilbert 2014), NLTK 3.8 rules, positions fixed", 1};

struct VaderScores {
    double negative = 0;  // shares of the text's sentiment mass, 0..1 (not rounded, unlike NLTK's output)
    double neutral = 0;
    double positive = 0;
    double compound = 0;  // normalised sum of valences, -1..1; 0 for a text without words
};

enum class SentimentClass { Negative, Neutral, Positive };

// VADER's usual cut-offs: compound >= 0.05 positive, <= -0.05 negative, else neutral.
SentimentClass sentimentClass(double compound);
const char* sentimentClassName(SentimentClass c);  // "negative", "neutral", "positive"

// The shares of negative, neutral and positive texts over a set (by sentimentClass of each compound).
struct SentimentShares {
    int64_t n = 0;
    double negative = 0, neutral = 0, positive = 0;  // NaN when n == 0
};
SentimentShares sentimentShares(const std::vector<double>& compounds);

class VaderSentiment {
public:
    // Reads "token<TAB>mean valence<TAB>..." lines. Throws InputError naming the file and line for a
    // missing file or a line without a numeric valence.
    explicit VaderSentiment(const std::string& lexiconPath);

    // Pure and const: safe from any thread. Invalid UTF-8 bytes read as U+FFFD.
    VaderScores score(std::string_view text) const;

    size_t lexiconSize() const { return m_lexicon.size(); }

private:
    std::unordered_map<std::string, double> m_lexicon;
};

}  // namespace srllm::core
