#pragma once
// Syllables per word for the readability formulas: the vowel phonemes (ARPAbet AA ... UW) of the
// word's first pronunciation in the CMU Pronouncing Dictionary (pocketsphinx-en-us), and for words the
// dictionary lacks, the hyphenation points of TeX's en_US patterns (hyphen-en-us, libhyphen) plus one.
// Loaded once; count() is const and safe from any thread.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

typedef struct _HyphenDict HyphenDict;

namespace srllm::core {

enum class SyllableSource { CmuDictionary, Hyphenation, NoLetters };

class SyllableCounter {
public:
    // Throws InputError naming the file when either cannot be read or holds no entries.
    SyllableCounter(const std::string& cmuDictionaryPath, const std::string& hyphenationPath);
    ~SyllableCounter();
    SyllableCounter(const SyllableCounter&) = delete;
    SyllableCounter& operator=(const SyllableCounter&) = delete;

    // `word` lowercased UTF-8 as splitTextUnits gives it; at least 1 for any word. A word without
    // letters (a number) counts as one syllable, source NoLetters.
    int count(std::string_view word, SyllableSource* source = nullptr) const;

    size_t dictionaryWords() const { return m_syllables.size(); }

private:
    std::unordered_map<std::string, int> m_syllables;
    HyphenDict* m_hyphen = nullptr;
};

}  // namespace srllm::core
