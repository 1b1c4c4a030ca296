// Tests core/eval/readability, syllable-counter and text-units. Expected values are hand calculations
// from the formulas' published constants (Flesch 1948; Kincaid et al. 1975; Gunning 1952; McLaughlin
// 1969; Coleman & Liau 1975; Senter & Smith 1967), with the syllables read off cmudict-en-us.dict; the
// first is the classic "The cat sat on the mat." that scores 116 on Flesch's scale.
#include <cmath>
#include <filesystem>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/eval/eval-resources.h"
#include "core/eval/readability.h"
#include "core/eval/text-units.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

const SyllableCounter* counter() {
    static const std::unique_ptr<SyllableCounter> instance = []() -> std::unique_ptr<SyllableCounter> {
        const auto r = defaultEvalResources();
        if (!std::filesystem::exists(r.cmuDictionary) || !std::filesystem::exists(r.hyphenationPatterns)) return nullptr;
        return std::make_unique<SyllableCounter>(r.cmuDictionary, r.hyphenationPatterns);
    }();
    return instance.get();
}

#define REQUIRE_DICTIONARIES() \
    if (!counter()) GTEST_SKIP() << "pocketsphinx-en-us or hyphen-en-us not installed (scripts/install-deps.sh)"

}  // namespace

TEST(Readability, TheCatSatOnTheMatByHand) {
    REQUIRE_DICTIONARIES();
    const auto c = readabilityCounts("The cat sat on the mat.", *counter());
    EXPECT_EQ(c.words, 6);
    EXPECT_EQ(c.sentences, 1);
    EXPECT_EQ(c.syllables, 6);
    EXPECT_EQ(c.polysyllables, 0);
    EXPECT_EQ(c.characters, 17);
    const auto s = readabilityScores(c);
    EXPECT_NEAR(s.fleschReadingEase, 206.835 - 1.015 * 6 - 84.6 * 1, 1e-9);  // 116.145
    EXPECT_NEAR(s.fleschKincaidGrade, 0.39 * 6 + 11.8 - 15.59, 1e-9);        // -1.45
    EXPECT_NEAR(s.gunningFog, 2.4, 1e-9);
    EXPECT_NEAR(s.smog, 3.1291, 1e-9);
    EXPECT_NEAR(s.colemanLiau, 0.0588 * (1700.0 / 6) - 0.296 * (100.0 / 6) - 15.8, 1e-9);  // -4.0733
    EXPECT_NEAR(s.automatedReadabilityIndex, 4.71 * 17 / 6 + 0.5 * 6 - 21.43, 1e-9);       // -5.085
}

TEST(Readability, PolysyllabicTwoSentencesByHand) {
    REQUIRE_DICTIONARIES();
    // read-a-bil-i-ty 5, for-mu-las 3, es-ti-mate 3, dif-fi-cul-ty 4, long 1, words 1, u-su-a-lly 4
    // (Y UW ZH AH W AH L IY), mat-ter 2: 23 syllables, 5 of 3+, 59 letters, 8 words, 2 sentences.
    const auto c = readabilityCounts("Readability formulas estimate difficulty. Long words usually matter!", *counter());
    EXPECT_EQ(c.words, 8);
    EXPECT_EQ(c.sentences, 2);
    EXPECT_EQ(c.syllables, 23);
    EXPECT_EQ(c.polysyllables, 5);
    EXPECT_EQ(c.characters, 59);
    EXPECT_EQ(c.wordsFromDictionary, 8);
    const auto s = readabilityScores(c);
    EXPECT_NEAR(s.fleschReadingEase, -40.45, 1e-9);
    EXPECT_NEAR(s.fleschKincaidGrade, 19.895, 1e-9);
    EXPECT_NEAR(s.gunningFog, 26.6, 1e-9);
    EXPECT_NEAR(s.smog, 1.0430 * std::sqrt(75.0) + 3.1291, 1e-9);  // 12.1617
    EXPECT_NEAR(s.colemanLiau, 20.165, 1e-9);
    EXPECT_NEAR(s.automatedReadabilityIndex, 15.30625, 1e-9);
}

TEST(Readability, WordsMissingFromTheDictionaryFallBackToHyphenation) {
    REQUIRE_DICTIONARIES();
    SyllableSource source{};
    EXPECT_EQ(counter()->count("debiasing", &source), 4);  // de-bi-as-ing
    EXPECT_EQ(source, SyllableSource::Hyphenation);
    EXPECT_EQ(counter()->count("detoxification", &source), 6);
    EXPECT_EQ(source, SyllableSource::CmuDictionary);
    EXPECT_EQ(counter()->count("well-known", &source), 2);  // parts looked up one by one
    EXPECT_EQ(counter()->count("1990", &source), 1);
    EXPECT_EQ(source, SyllableSource::NoLetters);
}

TEST(Readability, EmptyTextHasNoReadingLevel) {
    REQUIRE_DICTIONARIES();
    const auto c = readabilityCounts("", *counter());
    EXPECT_EQ(c.words, 0);
    EXPECT_TRUE(std::isnan(readabilityScores(c).fleschReadingEase));
    EXPECT_TRUE(std::isnan(readabilityScores(readabilityCounts("... !!! ???", *counter())).smog));
}

TEST(Readability, MissingDictionaryIsAnInputErrorNamingTheFile) {
    try {
        SyllableCounter bad("/nonexistent/cmudict.dict", "/usr/share/hyphen/hyph_en_US.dic");
        FAIL() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().file, "/nonexistent/cmudict.dict");
    }
}

TEST(TextUnits, WordsSentencesAndCharacters) {
    const auto u = splitTextUnits("Don't stop—it's well-known! Dr. Smith said 3.5 times?? Yes");
    const std::vector<std::string> words = {"don't", "stop", "it's", "well-known", "dr", "smith", "said", "3", "5",
                                            "times", "yes"};
    EXPECT_EQ(u.words, words);
    EXPECT_EQ(u.sentences, 4);  // "!", "Dr.", "??" and the unterminated last one ("3.5" is no ending)
    EXPECT_EQ(u.wordLengths.front(), 4);  // apostrophes are not letters
    EXPECT_EQ(splitTextUnits("Ünïcödé wörds ÀND CAPS.").words[2], "ànd");
}

TEST(TextUnits, InvalidUtf8IsFoundAndReadAsReplacementCharacters) {
    EXPECT_EQ(firstInvalidUtf8("valid ü"), -1);
    EXPECT_EQ(firstInvalidUtf8("ab\xff" "cd"), 2);
    EXPECT_EQ(firstInvalidUtf8("ab\xc3"), 2);  // truncated sequence
    const auto u = splitTextUnits("ab\xff" "cd ok");
    EXPECT_EQ(u.words.size(), 3u);  // U+FFFD is a symbol, so it splits "ab" from "cd"
}
