#include "core/eval/readability.h"

#include <cmath>
#include <limits>


namespace srllm::core {

ReadabilityCounts readabilityCounts(std::string_view text, const SyllableCounter& syllables) {
    return readabilityCounts(splitTextUnits(text), syllables);
}

ReadabilityCounts readabilityCounts(const TextUnits& units, const SyllableCounter& syllables) {
    ReadabilityCounts counts;
    counts.sentences = units.sentences;
    counts.words = static_cast<int64_t>(units.words.size());
    counts.characters = units.characters;
    for (const auto& word : units.words) {
        SyllableSource source{};
        const int n = syllables.count(word, &source);
        counts.syllables += n;
        if (n >= 3) ++counts.polysyllables;
        if (source == SyllableSource::CmuDictionary) ++counts.wordsFromDictionary;
        if (source == SyllableSource::Hyphenation) ++counts.wordsFromHyphenation;
    }
    return counts;
}

ReadabilityScores readabilityScores(const ReadabilityCounts& c) {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    if (c.words == 0 || c.sentences == 0) return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
    const double words = static_cast<double>(c.words);
    const double sentences = static_cast<double>(c.sentences);
    const double wordsPerSentence = words / sentences;
    const double syllablesPerWord = static_cast<double>(c.syllables) / words;
    const double polysyllables = static_cast<double>(c.polysyllables);
    ReadabilityScores s{};
    s.fleschReadingEase = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;      // Flesch 1948
    s.fleschKincaidGrade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;        // Kincaid et al. 1975
    s.gunningFog = 0.4 * (wordsPerSentence + 100.0 * polysyllables / words);                // Gunning 1952
    s.smog = 1.0430 * std::sqrt(polysyllables * 30.0 / sentences) + 3.1291;                 // McLaughlin 1969
    const double lettersPer100 = 100.0 * static_cast<double>(c.characters) / words;
    const double sentencesPer100 = 100.0 * sentences / words;
    s.colemanLiau = 0.0588 * lettersPer100 - 0.296 * sentencesPer100 - 15.8;                // Coleman & Liau 1975
    s.automatedReadabilityIndex =
        4.71 * static_cast<double>(c.characters) / words + 0.5 * wordsPerSentence - 21.43;  // Senter & Smith 1967
    return s;
}

}  // namespace srllm::core
