#include "core/eval/syllable-counter.h"

#include <cctype>
#include <cstring>
#include <fstream>
#include <vector>

#include <hyphen.h>

#include "core/common/diagnostics.h"

namespace srllm::core {

namespace {

// "word phone phone ..." lines; "word(2) ..." are alternative pronunciations, and the first one is kept.
std::unordered_map<std::string, int> readCmuDictionary(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw InputError(path, 0, "", "cannot read the CMU pronouncing dictionary (hint: apt-get install pocketsphinx-en-us)");
    std::unordered_map<std::string, int> syllables;
    std::string line;
    while (std::getline(in, line)) {
        const size_t space = line.find(' ');
        if (space == std::string::npos || space == 0) continue;
        const std::string word = line.substr(0, space);
        if (word.back() == ')') continue;
        int vowels = 0;  // ARPAbet vowels are the phones that start with A, E, I, O or U (stress digits optional)
        for (size_t i = space + 1; i < line.size(); ++i)
            if (line[i - 1] == ' ' && line[i] != 0 && std::strchr("AEIOU", line[i]) != nullptr) ++vowels;
        syllables.emplace(word, vowels);
    }
    if (syllables.empty()) throw InputError(path, 0, "", "no pronunciations found (hint: is this cmudict-en-us.dict?)");
    return syllables;
}

bool hasLetter(std::string_view word) {
    for (unsigned char c : word)
        if (std::isalpha(c) || c >= 0x80) return true;
    return false;
}

}  // namespace

SyllableCounter::SyllableCounter(const std::string& cmuDictionaryPath, const std::string& hyphenationPath)
    : m_syllables(readCmuDictionary(cmuDictionaryPath)), m_hyphen(hnj_hyphen_load(hyphenationPath.c_str())) {
    if (!m_hyphen)
        throw InputError(hyphenationPath, 0, "", "cannot read the hyphenation patterns (hint: apt-get install hyphen-en-us)");
}

SyllableCounter::~SyllableCounter() { hnj_hyphen_free(m_hyphen); }

int SyllableCounter::count(std::string_view word, SyllableSource* source) const {
    if (!hasLetter(word)) {
        if (source) *source = SyllableSource::NoLetters;
        return 1;
    }
    if (const size_t dash = word.find('-'); dash != std::string_view::npos) {  // "well-known": its parts
        SyllableSource partSource = SyllableSource::CmuDictionary;
        const int head = count(word.substr(0, dash), &partSource);
        const int tail = count(word.substr(dash + 1), source);
        if (source && partSource == SyllableSource::Hyphenation) *source = partSource;
        return head + tail;
    }
    const auto it = m_syllables.find(std::string(word));
    if (it != m_syllables.end() && it->second > 0) {
        if (source) *source = SyllableSource::CmuDictionary;
        return it->second;
    }
    if (source) *source = SyllableSource::Hyphenation;
    // libhyphen marks a break after byte i with an odd digit in hyphens[i]; it needs len + 5 bytes.
    std::vector<char> hyphens(word.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    int breaks = 0;
    if (hnj_hyphen_hyphenate2(m_hyphen, word.data(), static_cast<int>(word.size()), hyphens.data(), nullptr, &rep, &pos,
                              &cut) == 0)
        for (size_t i = 0; i < word.size(); ++i)
            if (hyphens[i] & 1) ++breaks;
    if (rep) {
        for (size_t i = 0; i < word.size(); ++i) free(rep[i]);
        free(rep);
        free(pos);
        free(cut);
    }
    return breaks + 1;
}

}  // namespace srllm::core
