#pragma once
// The six classic readability formulas over word, sentence, syllable and character counts (see
// docs/EVALUATION.md for each formula and its source). Syllables come from SyllableCounter (CMU
// dictionary, hyphenation fallback); how many words each source counted is part of the counts, so
// every output can name its method. Pure given the counter; any thread.
#include <cstdint>
#include <string_view>

#include "core/eval/metric-method.h"
#include "core/eval/syllable-counter.h"
#include "core/eval/text-units.h"

namespace srllm::core {

inline constexpr MetricMethod kReadabilityMethod{
    "readability", "Flesch, Flesch-Kincaid, Gunning fog, SMOG, Coleman-Liau, ARI; syllables: CMU dictionary, "
                   "else TeX en_US hyphenation points + 1; complex word: 3+ syllables", 1};

struct ReadabilityCounts {
    int64_t sentences = 0;
    int64_t words = 0;
    int64_t syllables = 0;
    int64_t polysyllables = 0;  // words of three or more syllables (SMOG, and Gunning's complex words)
    int64_t characters = 0;     // letters and digits in words
    int64_t wordsFromDictionary = 0;
    int64_t wordsFromHyphenation = 0;
};

struct ReadabilityScores {
    double fleschReadingEase;
    double fleschKincaidGrade;
    double gunningFog;
    double smog;
    double colemanLiau;
    double automatedReadabilityIndex;
};

ReadabilityCounts readabilityCounts(std::string_view text, const SyllableCounter& syllables);
ReadabilityCounts readabilityCounts(const TextUnits& units, const SyllableCounter& syllables);

// Every score is NaN when the text has no words (an empty text has no reading level).
ReadabilityScores readabilityScores(const ReadabilityCounts& counts);

}  // namespace srllm::core
